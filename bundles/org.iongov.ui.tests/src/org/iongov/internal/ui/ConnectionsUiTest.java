package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.client.RemoteGovernanceStore;
import org.iongov.core.access.Role;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.internal.ui.audit.AuditExportDialog;
import org.iongov.internal.ui.designer.StoredDefinitionsDialog;
import org.iongov.server.GovernanceServer;
import org.iongov.server.ServerOptions;
import org.iongov.ui.model.audit.AuditExportPresenter;
import org.iongov.ui.model.compliance.CompliancePresenter;
import org.iongov.ui.model.connections.ConnectionsPresenter;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.iongov.ui.model.sample.ApprovalScenario.Candidate;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The connection view in the running workbench against a real IonGov server started in the test
 * JVM on loopback over a store of its own, with a real agent sending it heartbeats: a wrong token
 * is refused and nothing typed is lost; the right one is saved (encrypted in secure storage);
 * connecting makes every view read the server's store (the ION designer opens from it and uploads
 * to it; a model page, the compliance view and an open audit export follow the switch); its agents
 * are listed; switching back to the embedded store restores what the other tests read.
 */
class ConnectionsUiTest {

    private final Display display = Display.getDefault();

    @Test
    void aServerAddedInTheViewBecomesWhatEveryViewReadsAndListsItsAgents() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        IEclipseContext context = window.getContext();
        GovernanceStore embedded = context.get(GovernanceStore.class);
        String suffix = Long.toString(System.nanoTime());
        Path folder = Path.of(System.getProperty("iongov.test.output"), "connections-" + suffix);

        // The server's own store: a model waits for approval there, and nowhere in the workbench's store.
        GovernanceStore served = provider().openEmbedded(folder.resolve("served-store"));
        ApprovalScenario clinic = ApprovalScenario.record(served, WorkbenchWindow.retrainingWithApproval(), "srv" + suffix,
                Instant.now().minusSeconds(3600));
        Candidate waiting = clinic.candidate("srv" + suffix + "-2", "dana", Instant.now().minusSeconds(600), "beef" + "00".repeat(30),
                Map.of("auc", 0.9));
        GovernanceServer server = GovernanceServer.start(served, json -> "retraining", ServerOptions.defaults().withPort(0));
        String agentToken = served.createToken("agent-flink-1", Role.AGENT).secret();
        String operatorToken = served.createToken("ursula", Role.OPERATOR).secret();
        String name = "clinic server " + suffix.substring(suffix.length() - 4);
        ConnectionsPart part = null;
        MPart modelPage = null;
        AuditExportDialog export = null;
        try (Agent agent = Agent.start(AgentConfig.of(server.uri(), agentToken, folder.resolve("spool")))) {
            RunHandle run = agent.governance().openRun(RunSpec.of(clinic.instance(), ApprovalScenario.INFERENCE_NODE).withEngine("flink", "2.1.1"));
            EPartService parts = context.get(EPartService.class);
            MPart mpart = parts.showPart(ConnectionsPart.ID, PartState.ACTIVATE);
            part = (ConnectionsPart) mpart.getObject();
            ConnectionsPart view = part;
            WorkbenchWindow.waitUntil(display, () -> !view.busy(), 30_000);
            assertEquals("Embedded store", view.table().getItem(0).getText(0));
            assertEquals(ConnectionsPart.CONNECTED, view.table().getItem(0).getText(2), "the embedded store is in use");
            assertEquals(ConnectionsPresenter.NO_AGENTS_EMBEDDED, view.agentsMessage());
            int remembered = view.table().getItemCount(); // the storage lives in target/ across runs

            // A wrong token: refused in words, the form stays with what was typed.
            press(view.button("Add…"));
            assertTrue(view.formShown());
            view.nameField().setText(name);
            view.urlField().setText(server.uri().toString());
            view.tokenField().setText("not-the-token");
            press(view.button("Test and save"));
            WorkbenchWindow.waitUntil(display, () -> !view.busy(), 30_000);
            assertTrue(view.formFailed(), view.formMessage());
            assertTrue(view.formMessage().startsWith("The server at " + server.uri() + " does not accept this token"), view.formMessage());
            assertTrue(view.formShown());
            assertEquals(name, view.nameField().getText(), "nothing typed is lost");
            assertEquals(remembered, view.table().getItemCount(), "nothing saved");

            // The right one: checked against the server, then saved, the token encrypted in secure storage.
            view.tokenField().setText(operatorToken);
            press(view.button("Test and save"));
            WorkbenchWindow.waitUntil(display, () -> !view.busy(), 30_000);
            assertFalse(view.formShown(), view.formMessage());
            assertTrue(view.message().startsWith("Saved " + name + " (" + server.uri() + ")"), view.message());
            TableItem row = item(view, name);
            assertEquals(server.uri().toString(), row.getText(1));
            String id = ((ConnectionsPresenter.Entry) row.getData()).id();
            SecureConnectionStorage storage = new SecureConnectionStorage(SecureConnectionStorage.defaultLocation());
            assertTrue(storage.isEncrypted(id, "token"), "the token is kept encrypted");
            assertEquals(operatorToken, storage.get(id, "token").orElseThrow());
            assertFalse(Files.readString(storage.file(), StandardCharsets.ISO_8859_1).contains(operatorToken),
                    "the storage file does not hold the token in the clear");

            assertTrue(embedded.models(RecordQuery.latest(1000)).stream().noneMatch(m -> m.id().equals(waiting.model())),
                    "the model waits in the server's store only");

            // The designer, open before the switch, follows it too.
            IonDesignerPart designer = (IonDesignerPart) parts.showPart(IonDesignerPart.ID, PartState.ACTIVATE).getObject();
            designer.confirmDiscard = what -> true;

            // So do a model page, the compliance view and an open audit export: the waiting model has no page here yet.
            ModelPages pages = new ModelPages(parts, context.get(EModelService.class), context.get(MApplication.class));
            modelPage = pages.open(waiting.model());
            ModelPagePart page = (ModelPagePart) modelPage.getObject();
            WorkbenchWindow.waitUntil(display, () -> !page.busy(), 30_000);
            assertNull(page.page(), page.summary());
            assertEquals("No model '" + waiting.model() + "' is recorded in this store.", page.summary());
            CompliancePart compliance = (CompliancePart) parts.showPart(CompliancePart.ID, PartState.ACTIVATE).getObject();
            WorkbenchWindow.waitUntil(display, () -> !compliance.busy() && compliance.shown() != null, 30_000);
            parts.showPart(ConnectionsPart.ID, PartState.ACTIVATE);
            export = AuditExportDialog.following((Shell) window.getWidget(), context.get(MApplication.class).getContext());
            export.setBlockOnOpen(false);
            export.open();
            AuditExportDialog exporting = export;
            WorkbenchWindow.waitUntil(display, exporting::ionsRead, 30_000);
            assertEquals(offered(embedded), export.ionsOffered(), "the workbench's IONs");

            // Connect: every view now reads the server's store (and the embedded one is closed).
            view.table().setSelection(row);
            view.table().notifyListeners(SWT.Selection, new Event());
            press(view.button("Connect"));
            WorkbenchWindow.waitUntil(display, () -> !view.busy(), 30_000);
            assertTrue(view.message().startsWith("Connected to " + name), view.message());
            assertInstanceOf(RemoteGovernanceStore.class, context.get(GovernanceStore.class));
            assertEquals(ConnectionsPart.CONNECTED, item(view, name).getText(2));
            assertEquals("", view.table().getItem(0).getText(2));
            assertEquals(name + ": " + server.uri() + " (the server's " + served.info().summary() + ")", statusLine(window));

            ApprovalQueuePart queue = (ApprovalQueuePart) parts.showPart(ApprovalQueuePart.ID, PartState.ACTIVATE).getObject();
            WorkbenchWindow.waitUntil(display, () -> !queue.busy() && column(queue).contains(waiting.model()), 30_000);
            assertEquals(List.of(waiting.model()), column(queue), "the queue the server's store holds, not the workbench's");

            // The model page reads its model from the server's store, the compliance view checks that store's policies
            // and ledger, and the audit export offers that store's IONs.
            WorkbenchWindow.waitUntil(display, () -> !page.busy() && page.page() != null, 30_000);
            assertEquals(waiting.model(), page.page().modelId(), page.summary());
            assertEquals(served.model(waiting.model()).orElseThrow().sha256(), page.page().sha256());
            WorkbenchWindow.waitUntil(display, () -> !compliance.busy() && compliance.shown() != null, 30_000);
            assertEquals(CompliancePresenter.ledgerStatus(served.verifyLedger(null)), compliance.ledgerStatus());
            WorkbenchWindow.waitUntil(display, exporting::ionsRead, 30_000);
            assertEquals(offered(served), export.ionsOffered(), "the server's IONs, not the workbench's");
            export.close();

            // The designer opens from the server's store and uploads to it, where an operator may not upload an ION.
            parts.showPart(IonDesignerPart.ID, PartState.ACTIVATE);
            assertTrue(designer.message().startsWith("Now connected to " + name + ": "), designer.message());
            press(designer.button("Open from store…"));
            WorkbenchWindow.waitUntil(display, () -> storedDefinitions() != null, 30_000);
            Shell dialog = storedDefinitions();
            Table listed = (Table) Arrays.stream(dialog.getChildren()).filter(Table.class::isInstance).findFirst().orElseThrow();
            List<String> servedDefinitions = served.ionDefinitions().stream().map(d -> d.name() + " " + d.version()).sorted().toList();
            assertEquals(servedDefinitions, Arrays.stream(listed.getItems()).map(i -> i.getText(0) + " " + i.getText(1)).sorted().toList(),
                    "the server's ION definitions, not the workbench's");
            listed.setSelection(0);
            listed.notifyListeners(SWT.DefaultSelection, new Event());
            WorkbenchWindow.processEvents(display);
            assertEquals(ApprovalScenario.ION, designer.designer().ion().getName(), designer.message());
            press(designer.button("Upload to store"));
            WorkbenchWindow.waitUntil(display, () -> !designer.busy(), 30_000);
            assertEquals("Uploading ION '" + ApprovalScenario.ION + "' failed: the server at " + server.uri()
                    + " refused: role operator may not upload ion (POST /api/v1/ions)", designer.message());
            assertEquals(servedDefinitions.size(), served.ionDefinitions().size(), "nothing stored");
            press(designer.button("New"));

            // The agent that sends the server heartbeats, with its engine, host, state, backlog and last contact.
            parts.showPart(ConnectionsPart.ID, PartState.ACTIVATE);
            long deadline = System.currentTimeMillis() + 30_000;
            while (agentRow(view, agent.id()) == null || !agentRow(view, agent.id()).getText(1).contains("flink")) {
                assertTrue(System.currentTimeMillis() < deadline, "the agent was never listed: " + view.agentsMessage());
                press(view.button("Refresh"));
                WorkbenchWindow.waitUntil(display, () -> !view.busy(), 30_000);
            }
            TableItem agentRow = agentRow(view, agent.id());
            assertTrue(agentRow.getText(3).startsWith("online"), agentRow.getText(3));
            assertFalse(agentRow.getText(2).isEmpty(), "its host");
            assertFalse(agentRow.getText(4).isEmpty(), "its backlog");
            assertTrue(agentRow.getText(5).matches("(just now|[0-9]+ s ago) \\(.+\\)"), agentRow.getText(5));
            assertTrue(view.agentsMessage().startsWith("1 agent reports to " + name), view.agentsMessage());

            WorkbenchWindow.screenshotMaximized(mpart, "connections");
            assertTrue(Files.size(Path.of(System.getProperty("iongov.test.output"), "screenshots", "connections.png")) > 1000);
            run.close();
        } finally {
            if (export != null && export.getShell() != null) {
                export.close();
            }
            // Back to the embedded store, as the other tests expect; then forget the server.
            if (part != null && context.get(GovernanceStore.class) instanceof RemoteGovernanceStore) {
                ConnectionsPart view = part;
                view.table().setSelection(0);
                view.table().notifyListeners(SWT.Selection, new Event());
                press(view.button("Connect"));
                WorkbenchWindow.waitUntil(display, () -> !view.busy()
                        && !(context.get(GovernanceStore.class) instanceof RemoteGovernanceStore), 30_000);
            }
            server.close();
            served.close();
            if (modelPage != null) {
                context.get(EPartService.class).hidePart(modelPage, true);
            }
        }
        ConnectionsPart view = part;
        assertTrue(statusLine(window).startsWith("Embedded store: embedded store "), statusLine(window));
        assertTrue(context.get(GovernanceStore.class).info().location().endsWith("test-store"), "the workbench's own store, reopened");
        view.table().setSelection(item(view, name));
        view.table().notifyListeners(SWT.Selection, new Event());
        String id = ((ConnectionsPresenter.Entry) item(view, name).getData()).id();
        press(view.button("Remove"));
        WorkbenchWindow.waitUntil(display, () -> !view.busy(), 30_000);
        assertTrue(Arrays.stream(view.table().getItems()).noneMatch(i -> i.getText(0).equals(name)), view.message());
        assertTrue(new SecureConnectionStorage(SecureConnectionStorage.defaultLocation()).get(id, "token").isEmpty(), "the token is forgotten");
    }

    /** What the audit export offers for a store: all IONs, then those with instances there. */
    private static List<String> offered(GovernanceStore store) {
        List<String> ions = new AuditExportPresenter(store, Clock.systemUTC(), ZoneId.systemDefault()).ions();
        return Stream.concat(Stream.of(AuditExportPresenter.ALL_IONS), ions.stream()).toList();
    }

    private Shell storedDefinitions() {
        return Arrays.stream(display.getShells()).filter(s -> !s.isDisposed() && StoredDefinitionsDialog.TITLE.equals(s.getText()))
                .findFirst().orElse(null);
    }

    private static GovernanceStoreProvider provider() {
        BundleContext bundleContext = FrameworkUtil.getBundle(ConnectionsUiTest.class).getBundleContext();
        ServiceReference<GovernanceStoreProvider> reference = bundleContext.getServiceReference(GovernanceStoreProvider.class);
        assertNotNull(reference, "the Derby store provider is registered");
        return bundleContext.getService(reference);
    }

    private void press(Button button) {
        assertNotNull(button);
        assertTrue(button.isEnabled(), button.getText() + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.processEvents(display);
    }

    private static TableItem item(ConnectionsPart view, String name) {
        return Arrays.stream(view.table().getItems()).filter(i -> i.getText(0).equals(name)).findFirst().orElseThrow();
    }

    private static TableItem agentRow(ConnectionsPart view, String agentId) {
        return Arrays.stream(view.agents().getItems()).filter(i -> i.getText(0).equals(agentId)).findFirst().orElse(null);
    }

    private static List<String> column(ApprovalQueuePart queue) {
        return Arrays.stream(queue.table().getItems()).map(i -> i.getText(0)).toList();
    }

    private static String statusLine(MTrimmedWindow window) {
        MToolControl status = (MToolControl) window.getContext().get(EModelService.class).find("org.iongov.ui.status.store", window);
        return ((StoreStatusControl) status.getObject()).text();
    }
}
