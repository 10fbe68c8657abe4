package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.compliance.ComplianceCheck;
import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.compliance.Violation;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.query.Limits;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.internal.ui.audit.AuditExportDialog;
import org.iongov.report.ReportFormat;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.junit.jupiter.api.Test;

/**
 * The audit views in the running workbench, over its store filled the way the server fills it: the
 * export wizard writes reports that name the models of the window, and the compliance view lists
 * what the core's check finds, with the ledger's verification.
 */
class AuditUiTest {

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final Display display = Display.getDefault();

    @Test
    void theExportWizardWritesAPdfAndACsvNamingTheModelsOfTheWindow() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        String ion = WorkbenchWindow.retrainingWithApproval();
        String suffix = "ax" + System.nanoTime();
        // A day long ago holds this test's two instances; a model a month later is outside the window.
        Instant day = Instant.parse("2024-03-05T10:00:00Z");
        ApprovalScenario approved = ApprovalScenario.record(store, ion, suffix, day);
        ApprovalScenario unreviewed = ApprovalScenario.recordWithoutApproval(store, ion, suffix + "-auto", day.plusSeconds(3600));
        ApprovalScenario later = ApprovalScenario.record(store, ion, suffix + "-later", day.plusSeconds(40L * 86_400));
        Instant from = day.minusSeconds(600);
        Instant to = day.plusSeconds(6 * 3600);
        List<String> inWindow = store.models(new RecordQuery(null, null, null, null, new TimeRange(from, to), Limits.MAX_ROWS)).stream()
                .map(ModelRecord::id).toList();
        assertTrue(inWindow.containsAll(List.of(approved.productionModel(), unreviewed.productionModel())), inWindow.toString());

        Path folder = Path.of(System.getProperty("iongov.test.output"), "audit-export");
        Files.createDirectories(folder);
        Path pdf = folder.resolve("audit-" + suffix + ".pdf");
        Shell shell = (Shell) window.getWidget();
        AuditExportDialog dialog = AuditExportDialog.of(shell, store);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            WorkbenchWindow.waitUntil(display, dialog::ionsRead, 30_000);
            assertTrue(dialog.ionsOffered().containsAll(List.of("all IONs", ApprovalScenario.ION, ApprovalScenario.AUTOMATIC_ION)),
                    dialog.ionsOffered().toString());

            // A window that ends before it starts is refused in words, and Export is disabled.
            dialog.choose(FIELD.format(to), FIELD.format(from), "all IONs", ReportFormat.PDF, pdf.toString());
            assertTrue(dialog.pageHasError());
            assertTrue(dialog.pageMessage().startsWith("The window ends"), dialog.pageMessage());
            assertFalse(dialog.exportButton().isEnabled());

            dialog.choose(FIELD.format(from), FIELD.format(to), "all IONs", ReportFormat.PDF, pdf.toString());
            assertTrue(dialog.exportButton().isEnabled(), dialog.pageMessage());
            dialog.export();
            WorkbenchWindow.waitUntil(display, () -> dialog.wizard().written() != null || dialog.pageHasError(), 60_000);
            assertFalse(dialog.pageHasError(), dialog.pageMessage());
            assertEquals("Audit report written to " + pdf.getFileName() + ".", dialog.pageMessage());
            assertTrue(dialog.outcome().startsWith("Audit report written to " + pdf.toAbsolutePath() + " (PDF, "), dialog.outcome());
            String text = pdftotext(pdf);
            for (String model : inWindow) {
                assertTrue(text.contains(model), model + " is in the window:\n" + text);
            }
            assertFalse(text.contains(later.productionModel()), "a model outside the window:\n" + text);
            assertTrue(dialog.exportButton().isEnabled(), "another export can follow");
            dialog.getShell().forceActive();
            WorkbenchWindow.settle(display);
            WorkbenchWindow.screenshot(dialog.getShell(), "audit-export");

            // The same window as CSV, only the automatic-approval ION.
            Path csv = folder.resolve("audit-" + suffix + "-automatic.csv");
            dialog.choose(FIELD.format(from), FIELD.format(to), ApprovalScenario.AUTOMATIC_ION, ReportFormat.CSV, csv.toString());
            dialog.export();
            WorkbenchWindow.waitUntil(display, () -> Files.exists(csv) || dialog.pageHasError(), 60_000);
            assertFalse(dialog.pageHasError(), dialog.pageMessage());
            String table = Files.readString(csv, StandardCharsets.UTF_8);
            assertTrue(table.contains(unreviewed.productionModel()), table);
            assertFalse(table.contains(approved.productionModel()), "another ION's model:\n" + table);
            assertTrue(dialog.outcome().contains("ION " + ApprovalScenario.AUTOMATIC_ION), dialog.outcome());

            // A folder that is not there is said plainly, and nothing is written.
            Path nowhere = folder.resolve("no-such-folder-" + suffix).resolve("audit.csv");
            dialog.choose(FIELD.format(from), FIELD.format(to), "all IONs", ReportFormat.CSV, nowhere.toString());
            dialog.export();
            assertTrue(dialog.pageHasError());
            assertEquals("Cannot write " + nowhere.toAbsolutePath() + ": the folder " + nowhere.getParent().toAbsolutePath()
                    + " does not exist.", dialog.pageMessage());
            assertFalse(Files.exists(nowhere.getParent()));
        } finally {
            dialog.close();
        }
    }

    @Test
    void fileExportAuditReportOpensTheWizard() {
        IEclipseContext context = WorkbenchWindow.main(display).getContext();
        List<String> titles = new ArrayList<>();
        // The dialog is modal: look at it and close it from the event loop it runs.
        display.timerExec(100, new Runnable() {
            @Override
            public void run() {
                Shell export = Arrays.stream(display.getShells())
                        .filter(s -> !s.isDisposed() && "Export Audit Report".equals(s.getText())).findFirst().orElse(null);
                if (export == null) {
                    display.timerExec(100, this);
                    return;
                }
                titles.add(export.getText());
                export.close();
            }
        });
        context.get(EHandlerService.class).executeHandler(context.get(ECommandService.class)
                .createCommand("org.iongov.ui.command.exportAudit", null));
        assertEquals(List.of("Export Audit Report"), titles);
    }

    @Test
    void theComplianceViewListsExactlyTheViolationsTheCoreCheckFindsAndTheLedgerIntact() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        ApprovalScenario unreviewed = ApprovalScenario.recordWithoutApproval(store, WorkbenchWindow.retrainingWithApproval(),
                "cv" + System.nanoTime(), Instant.now().minusSeconds(3600));

        EPartService parts = window.getContext().get(EPartService.class);
        MPart mpart = parts.showPart(CompliancePart.ID, PartState.ACTIVATE);
        CompliancePart part = (CompliancePart) mpart.getObject();
        WorkbenchWindow.waitUntil(display, () -> !part.busy() && part.shown() != null, 60_000);
        part.checkNowButton().notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !part.busy() && part.shown() != null && part.shown().recorded() >= 0, 60_000);

        List<Violation> core = new ComplianceCheck(CompliancePolicies.defaults(), Clock.systemUTC()).run(store, TimeRange.ALL).violations();
        List<List<String>> expected = core.stream().map(v -> List.of(v.policyId(), v.subjectKind() + " " + v.subjectId(), v.message()))
                .toList();
        List<List<String>> shown = Arrays.stream(part.violations().getItems())
                .map(i -> List.of(i.getText(0), i.getText(1), i.getText(3))).toList();
        assertEquals(expected, shown, "the view lists exactly what the core check reports");
        TableItem mine = Arrays.stream(part.violations().getItems())
                .filter(i -> i.getText(1).equals("model " + unreviewed.productionModel())).findFirst().orElseThrow();
        assertEquals("serving-models-approved", mine.getText(0));
        assertEquals(unreviewed.instance() + " / run " + unreviewed.inferenceRun(), mine.getText(2));
        assertTrue(mine.getText(3).contains("without a human approval"), mine.getText(3));
        assertTrue(store.events(new RecordQuery(null, null, Violation.EVENT_TYPE, null, null, Limits.MAX_ROWS)).stream()
                .anyMatch(e -> e.id().equals(((Violation) mine.getData()).eventId())), "Check now recorded the violation");

        TableItem serving = Arrays.stream(part.results().getItems()).filter(i -> i.getText(0).equals("serving-models-approved"))
                .findFirst().orElseThrow();
        assertEquals("FAIL", serving.getText(1));
        TableItem ledgerPolicy = Arrays.stream(part.results().getItems()).filter(i -> i.getText(0).equals("ledger-intact")).findFirst()
                .orElseThrow();
        assertEquals("PASS", ledgerPolicy.getText(1));
        LedgerVerification ledger = store.verifyLedger(null);
        assertTrue(ledger.intact());
        assertTrue(part.ledgerStatus().startsWith("Ledger intact: "), part.ledgerStatus());
        assertTrue(part.ledgerStatus().contains("head at entry "), part.ledgerStatus());
        assertTrue(part.checkNowButton().isEnabled());
        part.violations().setSelection(mine);
        part.violations().notifyListeners(SWT.Selection, new Event());
        assertTrue(part.violationDetail().startsWith("serving-models-approved: model " + unreviewed.productionModel() + " serves at "),
                part.violationDetail());

        ((Shell) window.getWidget()).forceActive();
        WorkbenchWindow.settle(display);
        WorkbenchWindow.screenshotMaximized(mpart, "compliance");
        assertTrue(Files.size(Path.of(System.getProperty("iongov.test.output"), "screenshots", "compliance.png")) > 1000);

        // Double-clicking the violation opens the model's page.
        part.violations().notifyListeners(SWT.DefaultSelection, new Event());
        ModelPages pages = new ModelPages(parts, window.getContext().get(org.eclipse.e4.ui.workbench.modeling.EModelService.class),
                window.getContext().get(org.eclipse.e4.ui.model.application.MApplication.class));
        MPart page = pages.find(unreviewed.productionModel());
        assertTrue(page != null, "the model's page opened");
        parts.hidePart(page, true);
    }

    /** The PDF's text as poppler's pdftotext reads it (CI installs poppler-utils). */
    private static String pdftotext(Path pdf) throws IOException, InterruptedException {
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
