package org.iongov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.iongov.core.access.Role;
import org.iongov.report.GovernedStoreFixture;
import org.iongov.server.GovernanceServer;
import org.iongov.server.IonDefinitionCheck;
import org.iongov.server.ServerOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code ./iongov audit} on a real embedded store, before and after someone edits its database. */
class AuditVerbTest {

    @TempDir
    Path temp;

    private final CliCapture cli = new CliCapture();

    private int run(String... args) {
        return cli.run(args);
    }

    private String out() {
        return cli.out();
    }

    private String err() {
        return cli.err();
    }

    @Test
    void verifiesExportsTheHeadListsAndFindsTampering() throws Exception {
        String store = temp.resolve("store").toString();
        Path example = Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json");
        assertEquals(ExitCodes.OK, run("ion", "upload", example.toString(), "--store", store), err());
        assertEquals(ExitCodes.OK, run("token", "create", "--store", store, "--user", "olivia", "--role", "operator"), err());
        String tokenId = out().split(" ")[1];
        assertEquals(ExitCodes.OK, run("token", "revoke", tokenId, "--store", store), err());

        Path head = temp.resolve("head.json");
        assertEquals(ExitCodes.OK, run("audit", "head", "--out", head.toString(), "--store", store), err());
        JsonNode exported = new ObjectMapper().readTree(Files.readString(head));
        assertEquals(3, exported.get("sequence").asLong());
        assertTrue(exported.get("hash").asText().matches("[0-9a-f]{64}"), exported.toString());
        assertEquals(ExitCodes.OK, run("audit", "head", "--store", store));
        assertEquals(exported, new ObjectMapper().readTree(out()));

        assertEquals(ExitCodes.OK, run("audit", "verify", "--head", head.toString(), "--store", store), err());
        assertTrue(out().startsWith("ledger intact: 3 entries, head at entry 3 (" + exported.get("hash").asText() + ")"), out());

        assertEquals(ExitCodes.OK, run("audit", "log", "--store", store));
        String table = out();
        assertTrue(table.startsWith("SEQ") && table.contains("ion-definition") && table.contains("token-revoked"), table);
        assertEquals(ExitCodes.OK, run("audit", "log", "--limit", "1", "--json", "--store", store));
        JsonNode last = new ObjectMapper().readTree(out());
        assertEquals(1, last.size(), "the last entry only");
        assertEquals("token-revoked", last.get(0).get("kind").asText());
        assertEquals("olivia", last.get(0).get("payload").get("user").asText());
        assertEquals(ExitCodes.OK, run("audit", "log", "--from", "2", "--limit", "1", "--json", "--store", store));
        assertEquals(2, new ObjectMapper().readTree(out()).get(0).get("sequence").asLong());

        // Remove the last entry and set the store's head back: only the exported head shows it.
        String hashOfTwo = new ObjectMapper().readTree(out()).get(0).get("hash").asText();
        sql(store, "DELETE FROM LEDGER_ENTRY WHERE SEQ = 3", "UPDATE LEDGER_HEAD SET SEQ = 2, HASH = '" + hashOfTwo + "'");
        assertEquals(ExitCodes.OK, run("audit", "verify", "--store", store), err());
        assertEquals(ExitCodes.FAILED, run("audit", "verify", "--head", head.toString(), "--store", store));
        assertEquals("iongov audit: ledger broken at entry 3: entry 3 is missing: the exported head is at entry 3 but the ledger ends"
                + " at entry 2\n", err());

        // Edit who the token was for: the entry is named with its kind.
        sql(store, "UPDATE LEDGER_ENTRY SET PAYLOAD = '{\"role\":\"admin\",\"tokenId\":\"" + tokenId + "\",\"user\":\"olivia\"}' WHERE SEQ = 2");
        assertEquals(ExitCodes.FAILED, run("audit", "verify", "--store", store));
        assertTrue(err().startsWith("iongov audit: ledger broken at entry 2 (token-created): its content was changed: it hashes to "),
                err());
        assertEquals(1, err().lines().count(), err());
        assertEquals(ExitCodes.FAILED, run("audit", "verify", "--json", "--store", store));
        assertEquals(2, new ObjectMapper().readTree(out()).get("brokenSequence").asLong());
    }

    @Test
    void usageErrorsAreOneLine() throws Exception {
        String store = temp.resolve("store").toString();
        assertEquals(ExitCodes.OK, run("audit", "--help"));
        assertTrue(out().contains("./iongov audit verify [--head FILE]") && out().contains("--store DIR"), out());
        assertEquals(ExitCodes.USAGE, run("audit", "--store", store));
        assertEquals("iongov audit: say verify, head, log, check, report or flag-personal-data (see ./iongov audit --help)\n", err());
        assertEquals(ExitCodes.USAGE, run("audit", "verify", "--head", temp.resolve("none.json").toString(), "--store", store));
        assertTrue(err().startsWith("iongov audit verify: no head file ") && err().lines().count() == 1, err());
        Path notAHead = Files.writeString(temp.resolve("bad.json"), "{\"sequence\": \"x\"}");
        assertEquals(ExitCodes.USAGE, run("audit", "verify", "--head", notAHead.toString(), "--store", store));
        assertTrue(err().contains("is not an exported head"), err());
        assertEquals(ExitCodes.USAGE, run("audit", "head", "--limit", "3", "--store", store));
        assertEquals("iongov audit head: --limit does not apply (see ./iongov audit --help)\n", err());
        assertEquals(ExitCodes.USAGE, run("audit", "log", "--limit", "0", "--store", store));
        assertEquals(ExitCodes.USAGE, run("audit", "rewrite", "--store", store));
        assertTrue(new IonGovCli().overview().contains("audit"));
        // The server's compliance schedule is checked before it starts.
        assertEquals(ExitCodes.USAGE, run("server", "--compliance-interval", "5 minutes", "--store", store));
        assertEquals("iongov server: --compliance-interval '5 minutes' is not 0 or a duration such as 30s, 5m or 1h\n", err());
        assertEquals(ExitCodes.USAGE, run("server", "--compliance-policies", temp.resolve("none.json").toString(), "--store", store));
        assertTrue(err().startsWith("iongov server: no compliance policy file "), err());
        assertEquals(java.time.Duration.ofMinutes(5), ServerVerb.interval("5m"));
        assertEquals(java.time.Duration.ZERO, ServerVerb.interval("0"));
    }

    // ---- compliance checks and audit reports ----

    private static final Instant T0 = GovernedStoreFixture.T0;

    /** The report fixture's scenario in an embedded store, closed again for the CLI to open. */
    private String scenarioStore() throws Exception {
        Path folder = temp.resolve("governed");
        try (GovernedStoreFixture fixture = new GovernedStoreFixture(folder)) {
            fixture.standardScenario();
        }
        return folder.toString();
    }

    @Test
    void checkListsTheViolationsRecordsThemOnceAndExitsOneWhileAnyRemain() throws Exception {
        String store = scenarioStore();
        String[] hour = {"--from", T0.toString(), "--to", T0.plusSeconds(3600).toString()};
        assertEquals(ExitCodes.FAILED, run(concat(new String[] {"audit", "check", "--store", store}, hour)), err());
        String text = out();
        assertTrue(text.startsWith("FAIL  serving-models-approved: every model serving in production had a human approval and a training"
                + " auc of at least 0.8 (4 checked)\n"), text);
        assertTrue(text.contains("PASS  ledger-intact: the governance ledger's hash chain verifies"), text);
        assertTrue(text.contains("  ERROR serving-models-approved: model model-3 serves at recommend-tests (instance auto-1) without a"
                + " human approval and with a training auc of 0.72, below 0.8\n"), text);
        assertTrue(text.contains("  ERROR personal-data-approvals: model model-4 serves at recommend-tests (instance single-1) and was"
                + " trained on personal data (dataset:patients, flagged by priya) with 1 distinct human approval (olivia); 2 needed"), text);
        assertTrue(text.endsWith("3 violations in the window from 2026-11-20T08:00:00Z to 2026-11-20T09:00:00Z; 3 recorded now as"
                + " compliance-violation events\n"), text);

        assertEquals(ExitCodes.FAILED, run(concat(new String[] {"audit", "check", "--json", "--store", store}, hour)));
        JsonNode json = new ObjectMapper().readTree(out());
        assertEquals(0, json.get("recorded").asInt(), "recorded by the first check");
        assertEquals("model-3", json.get("report").get("results").get(0).get("violations").get(0).get("subjectId").asText());
        assertEquals(ExitCodes.OK, run("events", "--type", "compliance-violation", "--json", "--store", store), err());
        assertEquals(3, new ObjectMapper().readTree(out()).size());

        // Before the first deployment nothing served: exit 0.
        assertEquals(ExitCodes.OK, run("audit", "check", "--store", store, "--to", T0.plusSeconds(500).toString()), out());
        assertTrue(out().endsWith("0 violations in the window from the beginning to 2026-11-20T08:08:20Z; 0 recorded now as"
                + " compliance-violation events\n"), out());

        // A policy file of the operator's own; a bad one is refused naming its problem.
        Path lenient = Files.writeString(temp.resolve("lenient.json"),
                "{\"policies\": [{\"id\": \"lenient\", \"type\": \"serving-models-approved\", \"minApprovals\": 0, \"minimum\": 0.7}]}");
        assertEquals(ExitCodes.OK, run(concat(new String[] {"audit", "check", "--policies", lenient.toString(), "--store", store}, hour)));
        assertTrue(out().startsWith("PASS  lenient: every model serving in production had 0 human approvals and a training auc of at"
                + " least 0.7 (4 checked)"), out());
        Path bad = Files.writeString(temp.resolve("bad.json"), "{\"policies\": [{\"type\": \"serving-models-approved\", \"minimum\": \"high\"}]}");
        assertEquals(ExitCodes.USAGE, run("audit", "check", "--policies", bad.toString(), "--store", store));
        assertEquals("iongov audit: " + bad + " is not a valid compliance policy configuration: policies[0].minimum: must be a number,"
                + " was \"high\"\n", err());
        assertEquals(ExitCodes.USAGE, run("audit", "check", "--from", "yesterday", "--store", store));
        assertEquals(ExitCodes.USAGE, run("audit", "check", "--ion", "x", "--store", store));
        assertEquals("iongov audit check: --ion does not apply (see ./iongov audit --help)\n", err());
    }

    @Test
    void reportWritesAPdfThatPopplerReadsAndHtmlAndCsv() throws Exception {
        String store = scenarioStore();
        Path pdf = temp.resolve("report.pdf");
        assertEquals(ExitCodes.OK, run("audit", "report", "--from", T0.toString(), "--to", T0.plusSeconds(3600).toString(), "--out",
                pdf.toString(), "--store", store), err());
        assertTrue(out().startsWith("audit report written to " + pdf + " (pdf): 5 models trained, 4 approved and 1 rejected (policy"
                + " decisions), 4 deployed, 3 violations; ledger intact at entry "), out());
        assertTrue(out().contains("(no exported head given"), out());
        String text = GovernedStoreFixture.poppler("pdftotext", "-layout", pdf.toString(), "-");
        assertTrue(text.lines().anyMatch(l -> l.contains("model-2") && l.contains("rejected") && l.contains("olivia")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("model-1") && l.contains("approve") && l.contains("oscar")), text);
        assertTrue(text.contains("model model-3 serves at recommend-tests"), text);
        assertEquals(ExitCodes.OK, run("audit", "head", "--store", store));
        String head = new ObjectMapper().readTree(out()).get("hash").asText();
        assertTrue(text.contains(head), "the ledger head " + head + " in\n" + text);
        GovernedStoreFixture.poppler("pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", pdf.toString(), temp.resolve("page").toString());
        assertTrue(Files.size(temp.resolve("page-1.png")) > 1000);

        Path html = temp.resolve("report.html");
        assertEquals(ExitCodes.OK, run("audit", "report", "--ion", "clinic-single-approval", "--out", html.toString(), "--store", store));
        String page = Files.readString(html);
        assertTrue(page.contains("<td>model-4</td>") && !page.contains("<td>model-1</td>"), "only the ION's models");
        Path csv = temp.resolve("report.txt");
        assertEquals(ExitCodes.OK, run("audit", "report", "--format", "csv", "--out", csv.toString(), "--store", store), err());
        assertTrue(Files.readString(csv).contains("\r\ndecisions,2026-11-20T08:16:00Z,model-2,rejected,olivia,operator,"), Files.readString(csv));

        assertEquals(ExitCodes.USAGE, run("audit", "report", "--out", temp.resolve("report.doc").toString(), "--store", store));
        assertEquals("iongov audit report: cannot tell the format from 'report.doc': name a .pdf, .html or .csv file, or give --format"
                + " pdf|html|csv\n", err());
        assertEquals(ExitCodes.USAGE, run("audit", "report", "--store", store));
        // Verified against an exported head, which the report names.
        Path exported = temp.resolve("head.json");
        assertEquals(ExitCodes.OK, run("audit", "head", "--out", exported.toString(), "--store", store), err());
        Path withHead = temp.resolve("with-head.csv");
        assertEquals(ExitCodes.OK, run("audit", "report", "--head", exported.toString(), "--out", withHead.toString(), "--store", store),
                err());
        assertTrue(out().contains(", verified against the exported head at entry "), out());
        assertTrue(Files.readString(withHead).contains("\r\nledger,exported head,entry "), Files.readString(withHead));
        // A file that cannot be written is a failure (exit 1), not a usage error, and leaves nothing behind.
        Path noFolder = temp.resolve("missing-folder").resolve("report.csv");
        assertEquals(ExitCodes.FAILED, run("audit", "report", "--out", noFolder.toString(), "--store", store));
        assertTrue(err().startsWith("iongov audit report: cannot write " + noFolder), err());
        assertEquals(ExitCodes.USAGE, run("audit", "report", "--ion", "nope", "--out", pdf.toString(), "--store", store));
        assertTrue(err().startsWith("iongov audit: no instance of an ION named 'nope' is recorded"), err());
    }

    @Test
    void checkAndReportThroughAServer() throws Exception {
        String folder = scenarioStore();
        try (GovernedStoreFixture opened = new GovernedStoreFixture(Path.of(folder));
                GovernanceServer server = GovernanceServer.start(opened.store, IonDefinitionCheck.ionModel(),
                        ServerOptions.defaults().withPort(0))) {
            String auditor = opened.store.createToken("alice", Role.AUDITOR).secret();
            String operator = opened.store.createToken("olivia", Role.OPERATOR).secret();
            String url = server.uri().toString();
            assertEquals(ExitCodes.FAILED, run("audit", "check", "--server", url, "--token", auditor, "--from", T0.toString()), err());
            assertTrue(out().contains("  ERROR personal-data-approvals: model model-3 serves at"), out());
            assertTrue(out().endsWith("; 3 recorded now as compliance-violation events\n"), out());
            assertEquals(ExitCodes.STORE_UNAVAILABLE, run("audit", "check", "--server", url, "--token", operator));
            assertTrue(err().contains("role operator may not export"), err());

            // A person flags a dataset through the server, as themselves; an agent's token may not.
            assertEquals(ExitCodes.OK, run("audit", "flag-personal-data", "--dataset", GovernedStoreFixture.WEATHER, "--comment",
                    "holds postcodes", "--server", url, "--token", auditor), err());
            assertTrue(out().startsWith("dataset dataset:weather flagged as personal data by alice (auditor) at "), out());
            assertEquals("holds postcodes", opened.store.humanActions(new org.iongov.core.query.RecordQuery(null, null,
                    "flag-personal-data", GovernedStoreFixture.WEATHER, null, 10)).get(0).comment());
            String agent = opened.store.createToken("agent-1", Role.AGENT).secret();
            assertEquals(ExitCodes.STORE_UNAVAILABLE, run("audit", "flag-personal-data", "--dataset", GovernedStoreFixture.WEATHER,
                    "--clear", "--server", url, "--token", agent));
            assertEquals(ExitCodes.USAGE, run("audit", "flag-personal-data", "--dataset", GovernedStoreFixture.WEATHER, "--store",
                    folder));
            assertEquals(ExitCodes.OK, run("audit", "flag-personal-data", "--dataset", GovernedStoreFixture.WEATHER, "--clear",
                    "--server", url, "--token", operator), err());
            assertTrue(out().startsWith("personal-data flag of dataset dataset:weather withdrawn by olivia (operator)"), out());

            Path html = temp.resolve("remote.html");
            assertEquals(ExitCodes.OK, run("audit", "report", "--server", url, "--token", auditor, "--out", html.toString()), err());
            assertTrue(Files.readString(html).contains("<td>model-2</td><td>rejected</td><td>olivia</td>"));
        }
    }

    private static String[] concat(String[] first, String[] second) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }

    private static void sql(String store, String... statements) throws SQLException {
        String url = "jdbc:derby:" + Path.of(store).resolve("db");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String statement : statements) {
                assertEquals(1, st.executeUpdate(statement), statement);
            }
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException expected) {
                // Derby reports a successful shutdown as an exception (08006)
                assertEquals("08006", expected.getSQLState(), expected.getMessage());
            }
        }
    }
}
