package org.iongov.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real embedded store filled the way a server fills it: records through ingest, models through
 * the ION's policy nodes by {@link ModelPropagation}, people's approvals through
 * {@code decideByPeople}. Shared with the CLI's tests (test-jar).
 *
 * <p>{@link #standardScenario()} records, between {@link #T0} and one hour later:
 * <ul>
 * <li>{@code c-1} (Figure 1(c), two approvals): {@code model-1} (auc 0.91, trained by dana on the
 * personal dataset) approved by olivia and oscar and serving; {@code model-2} (auc 0.7) rejected
 * by olivia with a comment holding HTML;</li>
 * <li>{@code auto-1} (automatic approval): {@code model-3} (auc 0.72, personal data) serving
 * without any person's approval: breaks both model policies;</li>
 * <li>{@code single-1} (one approval): {@code model-4} (auc 0.88, personal data) approved by olivia
 * only: breaks the personal-data policy; then {@code model-5} (auc 0.85, weather data) approved by
 * olivia: compliant.</li>
 * </ul>
 * The dataset {@code dataset:patients} is flagged as personal data by priya.
 */
public final class GovernedStoreFixture implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    public static final String PERSONAL = "dataset:patients";
    public static final String WEATHER = "dataset:weather";
    public static final String HTML_COMMENT = "<script>alert('x')</script> & \"recall\" dropped, see notes";

    /** A clock the test moves, so that every recorded time is known. */
    public static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    public final GovernanceStore store;
    public final TestClock clock = new TestClock(T0);
    public final ModelPropagation propagation;
    private int sequence;

    public GovernedStoreFixture(Path folder) {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(folder);
        propagation = new ModelPropagation(store, clock);
    }

    @Override
    public void close() {
        store.close();
    }

    /** Figure 1(c) as {@code name}, with its policy node replaced by {@code policy} (or as it is, when null). */
    public void ion(String name, String policyJson) throws Exception {
        Path example = Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json");
        ObjectNode ion = (ObjectNode) MetadataJson.MAPPER.readTree(Files.readString(example));
        ion.put("name", name);
        if (policyJson != null) {
            for (JsonNode node : ion.withArray("nodes")) {
                if ("policy".equals(node.path("type").asText())) {
                    ((ObjectNode) node).removeAll();
                    ((ObjectNode) node).setAll((ObjectNode) MetadataJson.MAPPER.readTree(policyJson));
                }
            }
        }
        store.addIonDefinition(name, ion.toString());
    }

    public void ingest(MetadataRecord... records) {
        ingest(List.of(records));
    }

    public void ingest(List<MetadataRecord> records) {
        store.ingest(new IngestBatch(records));
        propagation.afterIngest(records);
    }

    public void instance(String id, String ion) {
        ingest(new IonInstanceRecord(id, ion, 1, T0, null));
    }

    public void dataset(String id, String uri) {
        ingest(new DatasetRecord(id, uri, 1234, id.substring(id.indexOf(':') + 1), null, T0));
    }

    /** A person flags a dataset as holding personal data. */
    public void flagPersonal(String datasetId, String actor, Instant at) {
        ingest(new HumanActionRecord("flag:" + datasetId + ":" + actor, actor, "auditor", "flag-personal-data", "dataset", datasetId,
                null, at, "holds patient identifiers"));
    }

    /** A training run started by {@code trainedBy} at {@code at} reads a dataset, reports its auc and sends its model to the policy node. */
    public Trained train(String instance, double auc, String datasetId, String trainedBy, Instant at) throws Exception {
        int n = ++sequence;
        clock.set(at);
        byte[] bytes = ("<PMML n=\"" + n + "\"/>").getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String run = "train-" + n;
        String model = "model-" + n;
        String message = "candidate-" + n;
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new RunRecord(run, instance, "train-recommender", RunRecord.NodeKind.PIPELINE, at, "h", "spark", "4.0.1", "a",
                "git://clinic/recommender", "c0ffee" + n, null, trainedBy));
        records.add(new DatasetUseRecord("use-" + n, run, datasetId, DatasetUseRecord.Direction.READ, at));
        records.add(new StatisticRecord("auc-" + n, run, "evaluate", "auc", at.plusSeconds(1), auc, null));
        records.add(new ModelRecord(model, run, "logistic-regression", ModelRecord.ModelFormat.PMML, sha, bytes.length,
                at.plusSeconds(2), bytes, null, null));
        records.add(new MessageRecord(message, instance, "candidate-model", MessageRecord.MessageType.MODEL, run, null, at.plusSeconds(2),
                null, model, null));
        ingest(records);
        return new Trained(model, message);
    }

    public record Trained(String model, String message) {
    }

    public void decide(String messageId, String actor, boolean approve, String comment, Instant at) {
        clock.set(at);
        propagation.decideByPeople(messageId, actor, "operator", approve, comment);
    }

    /** An inference run of the instance (started at {@code at}) takes in every model delivered to recommend-tests so far. */
    public void serve(String instance, String runId, Instant at) {
        List<MetadataRecord> records = new ArrayList<>();
        if (store.run(runId).isEmpty()) {
            records.add(new RunRecord(runId, instance, "recommend-tests", RunRecord.NodeKind.PIPELINE, at, "h", "flink", "2.1.1", "a",
                    "git://clinic/scoring", "beef", null, "scheduler"));
        }
        for (MessageRecord delivery : propagation.deliveries(instance, "recommend-tests", null, null)) {
            String receipt = "receipt:" + runId + ":" + delivery.id();
            records.add(new MessageReceivedRecord(receipt, delivery.id(), runId, at));
        }
        ingest(records);
    }

    public void predict(String runId, String model, int count, Instant at) {
        List<MetadataRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new PredictionRecord("p-" + runId + "-" + model + "-" + i, runId, at.plusSeconds(i), List.of(model),
                    "digest-" + i, "{\"age\":" + (40 + i) + "}", "{\"probability\":0.4}"));
        }
        ingest(records);
    }

    /** The scenario described above; returns nothing, every id is fixed. */
    public GovernedStoreFixture standardScenario() throws Exception {
        ion("clinic-approved-retraining", null);
        ion("clinic-automatic-retraining", "{\"type\":\"policy\",\"name\":\"clinical-approval\",\"kind\":\"automatic-approval\"}");
        ion("clinic-single-approval", "{\"type\":\"policy\",\"name\":\"clinical-approval\",\"kind\":\"human-approval\","
                + "\"approvalsRequired\":1,\"separationOfDuties\":true}");
        instance("c-1", "clinic-approved-retraining");
        instance("auto-1", "clinic-automatic-retraining");
        instance("single-1", "clinic-single-approval");
        dataset(PERSONAL, "file:///data/patients.csv");
        dataset(WEATHER, "file:///data/weather.csv");
        flagPersonal(PERSONAL, "priya", T0.plusSeconds(30));

        Trained one = train("c-1", 0.91, PERSONAL, "dana", T0.plusSeconds(60));
        decide(one.message(), "olivia", true, "looks right", T0.plusSeconds(300));
        decide(one.message(), "oscar", true, null, T0.plusSeconds(360));
        serve("c-1", "infer-c", T0.plusSeconds(600));
        predict("infer-c", one.model(), 3, T0.plusSeconds(700));
        Trained two = train("c-1", 0.70, PERSONAL, "dana", T0.plusSeconds(900));
        decide(two.message(), "olivia", false, HTML_COMMENT, T0.plusSeconds(960));

        Trained three = train("auto-1", 0.72, PERSONAL, "dana", T0.plusSeconds(1200));
        serve("auto-1", "infer-auto", T0.plusSeconds(1260));
        predict("infer-auto", three.model(), 2, T0.plusSeconds(1300));

        Trained four = train("single-1", 0.88, PERSONAL, "dana", T0.plusSeconds(1500));
        decide(four.message(), "olivia", true, null, T0.plusSeconds(1560));
        serve("single-1", "infer-single", T0.plusSeconds(1620));
        Trained five = train("single-1", 0.85, WEATHER, "dana", T0.plusSeconds(2400));
        decide(five.message(), "olivia", true, null, T0.plusSeconds(2460));
        serve("single-1", "infer-single", T0.plusSeconds(2520));
        predict("infer-single", five.model(), 1, T0.plusSeconds(2600));
        return this;
    }

    /** Runs a poppler tool; a missing tool fails the test saying how to install it (CI installs it). */
    public static String poppler(String... command) throws IOException, InterruptedException {
        Process process;
        // Output to a file, so that a tool that hangs fails the test at the deadline instead of blocking a read.
        Path output = Files.createTempFile("poppler", ".out");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            Files.deleteIfExists(output);
            fail(command[0] + " is not installed: install poppler-utils (bash .ci/install-desktop-packages does): " + e.getMessage());
            throw e;
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Files.deleteIfExists(output);
            fail(command[0] + " did not finish within 60 s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertEquals(0, process.exitValue(), command[0] + " failed: " + text);
        return text;
    }
}
