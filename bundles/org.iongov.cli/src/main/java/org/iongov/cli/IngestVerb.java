package org.iongov.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IngestReceipt;
import org.iongov.core.metadata.InvalidRecordsException;
import org.iongov.core.store.GovernanceStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code ./iongov ingest FILE}: applies a batch of metadata records from a JSON file. */
final class IngestVerb implements Verb {

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String summary() {
        return "apply a JSON batch of metadata records (as agents send them)";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov ingest FILE [store options]

                Applies the batch {"records": [...]} in FILE atomically and idempotently: records whose
                id is already stored are counted as duplicates; if any record is invalid, nothing is
                stored and each problem is printed. The record format is in docs/api.md.

                """ + StoreOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, StoreOptions.OPTIONS, Set.of());
        if (parsed.positionals().size() != 1) {
            throw new UsageException("ingest needs one FILE holding {\"records\": [...]}");
        }
        Path file = Path.of(parsed.positionals().get(0));
        JsonNode body;
        try {
            body = MetadataJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            err.println("iongov ingest: " + file + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
            return ExitCodes.FAILED;
        } catch (IOException e) {
            throw new UsageException("ingest: cannot read " + file + " (" + e.getMessage() + ")");
        }
        try (GovernanceStore store = StoreOptions.open(parsed)) {
            IngestReceipt receipt = store.ingest(new IngestBatch(MetadataJson.readRecords(body)));
            out.println("received " + receipt.received() + ", stored " + receipt.stored() + ", already stored "
                    + receipt.duplicates());
            return ExitCodes.OK;
        } catch (InvalidRecordsException e) {
            err.println("iongov ingest: nothing stored, " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + " in " + file + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.FAILED;
        }
    }
}
