package org.iongov.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.query.TimeRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Audit reports built from a real store and written as PDF (read back with poppler), HTML and CSV. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReportTest {

    private static final Instant T0 = GovernedStoreFixture.T0;
    private static final TimeRange HOUR = new TimeRange(T0, T0.plusSeconds(3600));

    @TempDir
    static Path temp;

    private GovernedStoreFixture fixture;
    private AuditReport report;

    @BeforeAll
    void build() throws Exception {
        fixture = new GovernedStoreFixture(temp.resolve("store")).standardScenario();
        report = new AuditReportBuilder(fixture.store, CompliancePolicies.defaults(), "auc",
                Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC)).build(HOUR, null);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void theReportHoldsWhatWasTrainedDecidedAndDeployedWithLineageComplianceAndTheLedger() {
        assertEquals(List.of("model-1", "model-2", "model-3", "model-4", "model-5"),
                report.models().stream().map(AuditReport.TrainedModel::modelId).toList());
        assertEquals("dana", report.models().get(0).trainedBy());
        assertEquals(0.91, report.models().get(0).metric());
        List<String> decisions = report.decisions().stream().map(d -> d.modelId() + " " + d.outcome() + " by " + d.by()).toList();
        // A person's approval is a vote towards the policy's decision; only the policy's decisions count as approved or rejected.
        assertTrue(decisions.containsAll(List.of("model-1 approve (vote 1 of 2) by olivia", "model-1 approve (vote 2 of 2) by oscar",
                "model-1 approved by policy:clinical-approval", "model-2 rejected by olivia", "model-3 approved by policy:clinical-approval",
                "model-4 approve (vote 1 of 1) by olivia", "model-5 approve (vote 1 of 1) by olivia")), decisions.toString());
        assertEquals(4, report.modelsApproved(), "model-1, model-3, model-4, model-5");
        assertEquals(1, report.modelsRejected(), "model-2");
        assertEquals(List.of("model-1", "model-3", "model-4", "model-5"),
                report.deployments().stream().map(AuditReport.Deployment::modelId).toList());
        assertEquals("recommend-tests", report.deployments().get(0).node());
        assertEquals(3, report.compliance().violations().size());
        AuditReport.ModelSummary one = report.summaries().get(0);
        assertEquals("model-1", one.modelId());
        assertEquals(3, one.predictions());
        assertTrue(one.datasets().get(0).contains("dataset:patients") && one.datasets().get(0).contains("personal data (flagged by priya)"),
                one.datasets().toString());
        assertEquals(List.of("clinical-approval: approval by olivia, oscar"), one.policySteps());
        assertTrue(one.servedAt().get(0).startsWith("recommend-tests (run infer-c) since "), one.servedAt().toString());
        assertTrue(report.ledgerVerification().intact());
        assertEquals(report.ledgerHead(), fixture.store.ledgerHead());

        AuditReport onlySingle = new AuditReportBuilder(fixture.store, CompliancePolicies.defaults(), "auc", Clock.systemUTC())
                .build(HOUR, "clinic-single-approval");
        assertEquals(List.of("model-4", "model-5"), onlySingle.models().stream().map(AuditReport.TrainedModel::modelId).toList());
        assertEquals(List.of("model-4"), onlySingle.compliance().violations().stream().map(v -> v.subjectId()).toList());
        assertFalse(onlySingle.decisions().isEmpty(), "model-4's and model-5's decisions");
        assertTrue(onlySingle.decisions().stream().allMatch(d -> "single-1".equals(d.instanceId())), onlySingle.decisions().toString());
    }

    @Test
    void thePdfOpensWithPopplerHoldsTheExpectedRowsAndRendersAPage() throws Exception {
        Path pdf = temp.resolve("report.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfReportWriter.write(report, out);
        }
        assertTrue(Files.readString(pdf, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        String text = GovernedStoreFixture.poppler("pdftotext", "-layout", pdf.toString(), "-");
        assertTrue(text.contains("IonGov audit report"), text);
        for (String model : List.of("model-1", "model-2", "model-3", "model-4", "model-5")) {
            assertTrue(text.contains(model), model + " in\n" + text);
        }
        assertTrue(lineWith(text, "model-2", "rejected", "olivia"), "the rejection row:\n" + text);
        assertTrue(lineWith(text, "model-1", "approve", "oscar"), "oscar's approval row:\n" + text);
        assertTrue(lineWith(text, "serving-models-approved", "FAILED"), text);
        assertTrue(lineWith(text, "ledger-intact", "passed"), text);
        assertTrue(text.contains("model model-3 serves at recommend-tests"), "the violation:\n" + text);
        assertTrue(text.contains(report.ledgerHead().hash()), "the ledger head's hash:\n" + text);
        assertTrue(lineWith(text, "verification", "intact"), text);

        GovernedStoreFixture.poppler("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", pdf.toString(), temp.resolve("page").toString());
        try (var pages = Files.list(temp)) {
            Path page = pages.filter(p -> p.getFileName().toString().startsWith("page") && p.toString().endsWith(".png")).findFirst()
                    .orElseThrow(() -> new AssertionError("pdftoppm wrote no page image"));
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(page.toFile());
            assertTrue(image.getWidth() > 300 && image.getHeight() > 200, image.getWidth() + "x" + image.getHeight());
            assertTrue(hasColour(image), "the chart's coloured bars are on the first page");
        }
    }

    @Test
    void theHtmlIsSelfContainedAndEscapesWhatPeopleWrote() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReportWriter.write(report, out);
        String html = out.toString(StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<script>"), "a comment's markup must not become markup");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;recall&quot; dropped"), html);
        assertTrue(html.contains("<td>model-2</td><td>rejected</td><td>olivia</td>"), html);
        assertTrue(html.contains("src=\"data:image/png;base64,iVBOR"), "the chart is embedded as a PNG");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "nothing is loaded from elsewhere");
        assertTrue(html.contains(report.ledgerHead().hash()));
    }

    @Test
    void theCsvParsesBackIntoItsSections() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvReportWriter.write(report, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n"));
        List<List<String>> rows = parseCsv(csv);
        List<String> header = null;
        List<List<String>> decisions = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.get(0).equals("section") && row.get(1).equals("TIME") && row.get(3).equals("OUTCOME")) {
                header = row;
            } else if (row.get(0).equals("decisions")) {
                assertEquals(header.size(), row.size(), row.toString());
                decisions.add(row);
            }
        }
        assertEquals(List.of("section", "TIME", "MODEL", "OUTCOME", "BY", "ROLE", "POLICY NODE", "INSTANCE", "COMMENT OR REASON", "LEDGER #"),
                header);
        List<String> rejection = decisions.stream().filter(r -> r.get(2).equals("model-2") && r.get(3).equals("rejected")).findFirst()
                .orElseThrow();
        assertEquals("olivia", rejection.get(4));
        assertEquals(GovernedStoreFixture.HTML_COMMENT, rejection.get(8), "commas and quotes survive the round trip");
        assertEquals(report.decisions().size(), decisions.size());
        assertTrue(rows.stream().anyMatch(r -> r.equals(List.of("ledger", "head hash", report.ledgerHead().hash()))));
        assertEquals(5, rows.stream().filter(r -> r.get(0).equals("models-trained")).count());
        assertEquals(3, rows.stream().filter(r -> r.get(0).equals("violations")).count());
    }

    @Test
    void aTamperedLedgerShowsAsBrokenAndAsAViolation() throws Exception {
        // A store of its own: the shared one stays intact for the other tests.
        Path folder = temp.resolve("tampered");
        try (GovernedStoreFixture own = new GovernedStoreFixture(folder)) {
            own.ion("clinic-approved-retraining", null);
            own.instance("c-9", "clinic-approved-retraining");
        }
        String url = "jdbc:derby:" + folder.resolve("db");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("UPDATE LEDGER_ENTRY SET ACTOR = 'mallory' WHERE SEQ = 1"));
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException expected) {
                assertEquals("08006", expected.getSQLState(), expected.getMessage());
            }
        }
        try (GovernedStoreFixture reopened = new GovernedStoreFixture(folder)) {
            AuditReport broken = new AuditReportBuilder(reopened.store, CompliancePolicies.defaults(), "auc", Clock.systemUTC())
                    .build(TimeRange.ALL, null);
            assertFalse(broken.ledgerVerification().intact());
            assertEquals(1, broken.compliance().violations().size());
            assertTrue(broken.compliance().violations().get(0).message().startsWith("the governance ledger is broken at entry 1"),
                    broken.compliance().violations().get(0).message());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            HtmlReportWriter.write(broken, out);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("BROKEN at entry 1"));
        }
    }

    @Test
    void lineageCoversModelsDeployedOrServingInTheWindowWithTheirPredictionsInIt() {
        // Nothing was trained after 2500 s, but four models served then; model-1's predictions were made long before.
        AuditReport late = new AuditReportBuilder(fixture.store, CompliancePolicies.defaults(), "auc",
                Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC)).build(new TimeRange(T0.plusSeconds(2500), T0.plusSeconds(3600)), null);
        assertTrue(late.models().isEmpty(), late.models().toString());
        assertEquals(List.of("model-1", "model-3", "model-4", "model-5"),
                late.summaries().stream().map(AuditReport.ModelSummary::modelId).sorted().toList());
        assertEquals(4, late.summariesTotal());
        AuditReport.ModelSummary one = late.summaries().stream().filter(m -> m.modelId().equals("model-1")).findFirst().orElseThrow();
        assertEquals("0", one.predictionsText(), "its three predictions were made at 700 s");
        AuditReport.ModelSummary five = late.summaries().stream().filter(m -> m.modelId().equals("model-5")).findFirst().orElseThrow();
        assertEquals("1", five.predictionsText());
        assertTrue(ReportTables.of(late).stream().anyMatch(t -> t.section().equals("lineage") && t.title().endsWith("(4)")));
        assertEquals("≥10000", new AuditReport.ModelSummary("m", "r", List.of(), List.of(), List.of(), 10000, true).predictionsText());
    }

    @Test
    void cellsASpreadsheetWouldTakeForFormulasStayText() throws Exception {
        assertEquals("'=1+2", CsvReportWriter.field("=1+2"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", CsvReportWriter.field("=HYPERLINK(\"http://x\",\"y\")"));
        for (String formula : List.of("+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            String written = CsvReportWriter.field(formula);
            assertTrue(written.startsWith("'") || written.startsWith("\"'"), formula + " written as " + written);
        }
        assertEquals("model-1", CsvReportWriter.field("model-1"));
        assertEquals("", CsvReportWriter.field(""));
    }

    @Test
    void votesForAModelTheyRejectedAreNotApprovalsAndThePdfKeepsNamesInAnyScript() throws Exception {
        Path folder = temp.resolve("votes");
        try (GovernedStoreFixture own = new GovernedStoreFixture(folder)) {
            own.ion("clinic-approved-retraining", null);
            own.instance("c-2", "clinic-approved-retraining");
            own.dataset(GovernedStoreFixture.WEATHER, "file:///data/weather.csv");
            GovernedStoreFixture.Trained model = own.train("c-2", 0.9, GovernedStoreFixture.WEATHER, "dana", T0.plusSeconds(60));
            own.decide(model.message(), "Łukasz Żółć", true, "zgoda — 同意", T0.plusSeconds(120));
            own.decide(model.message(), "oscar", false, "no", T0.plusSeconds(180));
            var head = own.store.ledgerHead();
            AuditReport votes = new AuditReportBuilder(own.store, CompliancePolicies.defaults(), "auc", Clock.fixed(T0.plusSeconds(7200),
                    ZoneOffset.UTC)).build(HOUR, null, head);

            assertEquals(List.of("approve (vote 1) by Łukasz Żółć", "rejected by oscar", "rejected by policy:clinical-approval"),
                    votes.decisions().stream().map(d -> d.outcome() + " by " + d.by()).toList());
            assertEquals(0, votes.modelsApproved());
            assertEquals(1, votes.modelsRejected());
            var chart = ReportCharts.modelsPerDay(votes);
            assertEquals(0, chart.getValue("approved", "2026-11-20").intValue(), "a vote for a rejected model is not an approval");
            assertEquals(1, chart.getValue("rejected", "2026-11-20").intValue());

            // Verified against an exported head, which the report shows.
            assertEquals(head, votes.exportedHead());
            assertTrue(ReportTables.of(votes).stream().filter(t -> t.section().equals("ledger")).flatMap(t -> t.rows().stream())
                    .anyMatch(r -> r.get(0).equals("exported head") && r.get(1).equals("entry " + head.sequence() + " (" + head.hash()
                            + "): in the chain")));

            Path pdf = temp.resolve("votes.pdf");
            try (OutputStream out = Files.newOutputStream(pdf)) {
                PdfReportWriter.write(votes, out);
            }
            String text = GovernedStoreFixture.poppler("pdftotext", "-layout", pdf.toString(), "-");
            assertTrue(text.contains("Łukasz Żółć"), "the approver's name in its own letters:\n" + text);
            assertTrue(text.contains("zgoda — 同意") || text.contains("zgoda —"), text);
        }
    }

    // ---- helpers ----

    private static boolean lineWith(String text, String... parts) {
        return text.lines().anyMatch(line -> java.util.Arrays.stream(parts).allMatch(line::contains));
    }

    private static boolean hasColour(java.awt.image.BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    return true;
                }
            }
        }
        return false;
    }

    /** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold both, "" is a quote. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(row.isEmpty() && field.length() == 0, "the file ends with a line end");
        return rows;
    }
}
