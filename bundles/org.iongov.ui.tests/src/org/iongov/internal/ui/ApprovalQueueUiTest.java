package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.policy.ModelPropagation.PendingApproval;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.iongov.ui.model.sample.ApprovalScenario.Candidate;
import org.junit.jupiter.api.Test;

/**
 * The approval queue in the running workbench, over its store filled the way the server fills it:
 * it lists what waits, shows a model's review, records the workbench's user as the approver, sends
 * the model on with the policy's second approval, and says plainly when the policy refuses.
 */
class ApprovalQueueUiTest {

    private final Display display = Display.getDefault();

    @Test
    void approvingInTheQueueRecordsTheUserAndTheSecondApprovalDeliversTheModel() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        WorkbenchUser user = window.getContext().get(WorkbenchUser.class);
        assertEquals("ursula", user.name(), "the test runs the workbench with --user ursula");
        String suffix = Long.toString(System.nanoTime());
        String ion = WorkbenchWindow.retrainingWithApproval();
        ApprovalScenario clinic = ApprovalScenario.record(store, ion, "aq" + suffix, Instant.now().minusSeconds(3600));
        Candidate candidate = clinic.candidate("aq" + suffix + "-2", "dana", Instant.now().minusSeconds(900), "beef" + "00".repeat(30),
                Map.of("auc", 0.91, "recall-at-3", 0.69, "precision-at-3", 0.52));
        Candidate own = clinic.candidate("aq" + suffix + "-3", user.name(), Instant.now().minusSeconds(300), "cafe" + "00".repeat(30),
                Map.of("auc", 0.93, "recall-at-3", 0.72));
        ModelPropagation propagation = new ModelPropagation(store, Clock.systemUTC());
        // A colleague approved first (through the server, here through the same propagation).
        propagation.decideByPeople(candidate.message(), "olivia", "clinical-lead", true, "looks fine");

        MPart mpart = window.getContext().get(EPartService.class).showPart(ApprovalQueuePart.ID, PartState.ACTIVATE);
        ApprovalQueuePart part = (ApprovalQueuePart) mpart.getObject();
        part.refresh();
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        assertEquals(propagation.pending(null).stream().map(PendingApproval::modelId).toList(), column(part, 0),
                "the queue lists exactly the models waiting in the store, oldest first");
        TableItem row = item(part, candidate.model());
        assertEquals(List.of(candidate.model(), clinic.instance(), ApprovalScenario.POLICY_NODE, "1 of 2"),
                List.of(row.getText(0), row.getText(1), row.getText(2), row.getText(4)));

        // Selecting it shows its review.
        select(part, candidate.model());
        assertEquals(candidate.model(), part.review().pending().modelId());
        TableItem auc = Arrays.stream(part.metrics().getItems()).filter(i -> i.getText(0).equals("auc")).findFirst().orElseThrow();
        assertEquals(List.of("0.9100", "0.8800", "+0.0300"), List.of(auc.getText(1), auc.getText(2), auc.getText(3)));
        TableItem encounters = Arrays.stream(part.data().getItems()).filter(i -> i.getText(0).equals(ApprovalScenario.ENCOUNTERS))
                .findFirst().orElseThrow();
        assertEquals("changed", encounters.getText(3));
        assertTrue(Arrays.stream(part.training().getItems()).anyMatch(i -> i.getText(0).equals("engine") && i.getText(1).equals("spark 4.0.1")));

        // Approving it records the workbench's user; with olivia's, the policy's two approvals are there.
        part.comment().setText("AUC up, recall about the same");
        part.approveButton().notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        assertFalse(part.refused(), part.outcome());
        assertTrue(part.outcome().startsWith("Approved model " + candidate.model() + " as ursula"), part.outcome());
        List<HumanActionRecord> approvals = store.humanActions(new RecordQuery(null, null, "approve", candidate.model(), null, 10));
        assertEquals(List.of("olivia", "ursula"), approvals.stream().map(HumanActionRecord::actor).sorted().toList());
        HumanActionRecord mine = approvals.stream().filter(a -> a.actor().equals("ursula")).findFirst().orElseThrow();
        assertEquals("operator", mine.role());
        assertEquals("AUC up, recall about the same", mine.comment());
        assertTrue(propagation.deliveries(clinic.instance(), ApprovalScenario.INFERENCE_NODE, null, null).stream()
                .anyMatch(m -> candidate.model().equals(m.modelId())), "delivered to the inference node");
        assertFalse(column(part, 0).contains(candidate.model()), "no longer waiting");
        assertEquals(List.of("ursula", "approve", candidate.model()),
                List.of(part.history().getItem(0).getText(1), part.history().getItem(0).getText(3), part.history().getItem(0).getText(4)),
                "the newest decision heads the history");

        // Approving a model of a run the user started: the policy's separation of duties refuses it, in words.
        select(part, own.model());
        part.approveButton().notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        assertTrue(part.refused());
        assertTrue(part.outcome().startsWith("Refused: ursula started the run that produced model " + own.model()), part.outcome());
        assertTrue(part.outcome().contains("separation of duties"), part.outcome());
        assertTrue(store.humanActions(new RecordQuery(null, null, null, own.model(), null, 10)).isEmpty(), "nothing recorded");
        assertTrue(column(part, 0).contains(own.model()), "still waiting");
        assertTrue(part.approveButton().isEnabled() && part.rejectButton().isEnabled(), "the user may still reject it");

        ((Shell) window.getWidget()).forceActive();
        WorkbenchWindow.screenshotMaximized(mpart, "approval-queue");
        assertTrue(Files.size(Path.of(System.getProperty("iongov.test.output"), "screenshots", "approval-queue.png")) > 1000);
    }

    private void select(ApprovalQueuePart part, String model) {
        part.table().setSelection(item(part, model));
        part.table().notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !part.busy() && part.review() != null && part.review().pending().modelId().equals(model),
                30_000);
    }

    private static TableItem item(ApprovalQueuePart part, String model) {
        return Arrays.stream(part.table().getItems()).filter(i -> i.getText(0).equals(model)).findFirst().orElseThrow();
    }

    private static List<String> column(ApprovalQueuePart part, int column) {
        return Arrays.stream(part.table().getItems()).map(i -> i.getText(column)).toList();
    }
}
