package org.iongov.ui.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.report.ReportFormat;
import org.iongov.ui.model.audit.AuditExportPresenter.Progress;
import org.iongov.ui.model.audit.AuditExportPresenter.Request;
import org.iongov.ui.model.audit.AuditExportPresenter.Result;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.iongov.ui.model.sample.ApprovalScenario.Candidate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit export's presenter over a real embedded store: a January instance (one approved model,
 * one rejected), a March instance of the automatic-approval ION, and the reports it writes.
 */
class AuditExportPresenterTest {

    private static final Instant JANUARY = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant MARCH = Instant.parse("2026-03-02T09:30:00Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-20T12:34:56Z"), ZoneOffset.UTC);

    @TempDir
    static Path temp;

    private static GovernanceStore store;
    private static ApprovalScenario january;
    private static Candidate rejected;
    private static ApprovalScenario march;

    @BeforeAll
    static void record() throws Exception {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        String ion = Files.readString(Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json"));
        january = ApprovalScenario.record(store, ion, "jan", JANUARY);
        rejected = january.candidate("jan-2", "dana", JANUARY.plusSeconds(3600), "beef" + "00".repeat(30), Map.of("auc", 0.6));
        new org.iongov.core.policy.ModelPropagation(store, Clock.fixed(JANUARY.plusSeconds(4000), ZoneOffset.UTC))
                .decideByPeople(rejected.message(), "olivia", "clinical-lead", false, "AUC too low");
        march = ApprovalScenario.recordWithoutApproval(store, ion, "mar", MARCH);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static AuditExportPresenter presenter() {
        return new AuditExportPresenter(store, NOW, ZoneOffset.UTC);
    }

    /** Progress that records its steps and never cancels. */
    private static final class Steps implements Progress {
        final List<String> steps = new ArrayList<>();

        @Override
        public void step(String what) {
            steps.add(what);
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }

    @Test
    void theChoicesAreCheckedInThePersonsTerms() {
        AuditExportPresenter p = presenter();
        Request request = p.request("2026-01-01 00:00", "2026-02-01", "all IONs", ReportFormat.PDF, temp.resolve("jan.pdf").toString());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), request.window().from());
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), request.window().to());
        assertNull(request.ionName());
        assertEquals(temp.resolve("jan.pdf").toAbsolutePath(), request.file());

        Request open = p.request("", " ", ApprovalScenario.ION, ReportFormat.CSV, temp.resolve("all").toString());
        assertNull(open.window().from());
        assertNull(open.window().to());
        assertEquals(ApprovalScenario.ION, open.ionName());
        assertEquals(temp.resolve("all.csv").toAbsolutePath(), open.file(), "the format's extension is added");
        assertEquals(Instant.parse("2026-03-02T09:30:00Z"), p.request("2026-03-02T09:30:00Z", "", null, ReportFormat.HTML, "x.html")
                .window().from());

        assertEquals("The window ends (2026-01-01) before it starts (2026-02-01): choose a To after From.",
                assertThrows(IllegalArgumentException.class, () -> p.request("2026-02-01", "2026-01-01", null, ReportFormat.PDF, "x.pdf"))
                        .getMessage());
        assertEquals("From 'yesterday' is not a time: write it as yyyy-mm-dd hh:mm (e.g. 2026-03-20 12:34), a date, or leave it empty.",
                assertThrows(IllegalArgumentException.class, () -> p.request("yesterday", "", null, ReportFormat.PDF, "x.pdf"))
                        .getMessage());
        assertEquals("report.csv is a CSV file name but the format chosen is PDF: choose CSV or name a .pdf file.",
                assertThrows(IllegalArgumentException.class, () -> p.request("", "", null, ReportFormat.PDF, "report.csv")).getMessage());
        assertEquals("Name the file to write the report to.",
                assertThrows(IllegalArgumentException.class, () -> p.request("", "", null, ReportFormat.PDF, " ")).getMessage());

        assertEquals("/tmp/audit.html", AuditExportPresenter.withExtension("/tmp/audit.pdf", ReportFormat.HTML));
        assertEquals("/tmp/audit.csv", AuditExportPresenter.withExtension("/tmp/audit", ReportFormat.CSV));
        assertEquals("2026-02-18 00:00", p.defaultFrom());
        assertEquals("2026-03-20 12:35", p.defaultTo());
        assertEquals(List.of(ApprovalScenario.ION, ApprovalScenario.AUTOMATIC_ION), p.ions());
    }

    @Test
    void aPdfOfJanuaryNamesJanuarysModelsAndNoOthers() throws Exception {
        AuditExportPresenter p = presenter();
        Path pdf = temp.resolve("january.pdf");
        Steps progress = new Steps();
        Result result = p.export(p.request("2026-01-01 00:00", "2026-02-01 00:00", AuditExportPresenter.ALL_IONS, ReportFormat.PDF,
                pdf.toString()), progress);

        assertEquals(pdf.toAbsolutePath(), result.file());
        assertEquals(Files.size(pdf), result.bytes());
        assertEquals(AuditExportPresenter.STEPS, progress.steps.size(), progress.steps.toString());
        String text = pdftotext(pdf);
        assertTrue(text.contains("IonGov audit report"), text);
        assertTrue(text.contains(january.productionModel()), text);
        assertTrue(text.contains(rejected.model()), text);
        assertFalse(text.contains(march.productionModel()), "March's model is outside the window:\n" + text);
        assertEquals(List.of(january.productionModel(), rejected.model()),
                result.report().models().stream().map(m -> m.modelId()).toList());
        assertTrue(result.message().startsWith("Audit report written to " + pdf.toAbsolutePath() + " (PDF, "), result.message());
        assertTrue(result.message().contains("2 models trained, 1 approved and 1 rejected"), result.message());
        assertTrue(result.message().endsWith("ledger intact at entry " + store.ledgerHead().sequence() + "."), result.message());
    }

    @Test
    void aCsvOfOneIonNamesOnlyItsModels() throws Exception {
        AuditExportPresenter p = presenter();
        Path csv = temp.resolve("automatic.csv");
        Result result = p.export(p.request("", "", ApprovalScenario.AUTOMATIC_ION, ReportFormat.CSV, csv.toString()), new Steps());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains(march.productionModel()), text);
        assertFalse(text.contains(january.productionModel()), text);
        assertTrue(result.message().contains("ION " + ApprovalScenario.AUTOMATIC_ION), result.message());
        assertTrue(result.message().contains("1 violation"), "the model serves without approval: " + result.message());
    }

    @Test
    void aCancelledExportWritesNothingAndAFolderThatIsNotThereIsSaid() {
        AuditExportPresenter p = presenter();
        Path pdf = temp.resolve("cancelled.pdf");
        Progress cancelling = new Progress() {
            @Override
            public void step(String what) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> p.export(p.request("", "", null, ReportFormat.PDF, pdf.toString()), cancelling));
        assertFalse(Files.exists(pdf));

        Path nowhere = temp.resolve("no-such-folder").resolve("report.csv");
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> p.export(p.request("", "", null, ReportFormat.CSV, nowhere.toString()), new Steps()));
        assertEquals("Cannot write " + nowhere.toAbsolutePath() + ": the folder " + nowhere.getParent().toAbsolutePath()
                + " does not exist.", missing.getMessage());

        IllegalArgumentException unknownIon = assertThrows(IllegalArgumentException.class,
                () -> p.export(p.request("", "", "no-such-ion", ReportFormat.CSV, temp.resolve("x.csv").toString()), new Steps()));
        assertTrue(unknownIon.getMessage().startsWith("no instance of an ION named 'no-such-ion' is recorded"), unknownIon.getMessage());
    }

    /** The PDF's text as poppler's pdftotext reads it (CI installs poppler-utils). */
    static String pdftotext(Path pdf) throws IOException, InterruptedException {
        Path out = Files.createTempFile("pdftotext", ".txt");
        try {
            Process process;
            try {
                process = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), out.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                fail("pdftotext is not installed: install poppler-utils (bash .ci/install-desktop-packages does): " + e.getMessage());
                throw e;
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("pdftotext did not finish within 60 s");
            }
            assertEquals(0, process.exitValue(), "pdftotext failed on " + pdf);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
