package org.iongov.internal.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.iongov.ui.model.connections.AgentRow;
import org.iongov.ui.model.connections.ConnectionList;
import org.iongov.ui.model.connections.ConnectionList.Draft;
import org.iongov.ui.model.connections.ConnectionsPresenter;
import org.iongov.ui.model.connections.ConnectionsPresenter.Agents;
import org.iongov.ui.model.connections.ConnectionsPresenter.Entry;
import org.iongov.ui.model.connections.ConnectionsPresenter.Opened;
import org.iongov.ui.model.connections.ServerAddress;
import org.osgi.framework.FrameworkUtil;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The connections: the embedded store and the remembered servers, which one the workbench reads
 * through, and the agents that report to the selected server. Add, edit, remove and connect; a
 * server and its token are checked before they are remembered (tokens go to secure storage). A
 * thin shell over {@link ConnectionsPresenter}: every read, check and connection runs in a job
 * (a check or connection can be cancelled: its request is interrupted); what went wrong is said
 * under the form or the table, and what was typed stays.
 */
public final class ConnectionsPart {

    /** The part's id in the application model. */
    public static final String ID = "org.iongov.ui.part.connections";
    static final String[] COLUMNS = { "Connection", "Address", "Status" };
    static final String CONNECTED = "connected";

    @Inject
    WorkbenchConnections connections;

    private ConnectionsPresenter presenter;
    private PartJobs jobs;
    private Label message;
    private Table table;
    private Button connect;
    private Button edit;
    private Button remove;
    private Group form;
    private Text name;
    private Text url;
    private Text token;
    private Button save;
    private Button cancel;
    private Label formMessage;
    private Label agentsMessage;
    private Table agents;
    /** The connection being edited, null when adding (UI thread). */
    private String editing;
    /** The check or connection running, cancelled by Cancel (UI thread). */
    private Job running;
    private boolean lastFailed;
    private List<Entry> entries = List.of();
    private ActiveConnection active;

    @PostConstruct
    void createControls(Composite parent) {
        presenter = connections.presenter();
        jobs = new PartJobs(parent);
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "Connections");
        message = PartHeader.message(parent, "The workbench reads the embedded store, or a server you connect to.");

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite top = new Composite(sash, SWT.NONE);
        top.setLayout(new GridLayout(2, false));
        table = new Table(top, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String column : COLUMNS) {
            TableColumn c = new TableColumn(table, SWT.NONE);
            c.setText(column);
            c.setWidth(column.equals("Address") ? 360 : 160);
        }
        table.addListener(SWT.Selection, e -> selected());
        table.addListener(SWT.DefaultSelection, e -> connectSelected());
        Composite buttons = new Composite(top, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        GridLayout column = new GridLayout(1, true);
        column.marginWidth = 0;
        buttons.setLayout(column);
        connect = button(buttons, "Connect", this::connectSelected);
        button(buttons, "Add…", () -> openForm(null));
        edit = button(buttons, "Edit…", () -> openForm(selectedEntry()));
        remove = button(buttons, "Remove", this::removeSelected);

        form = new Group(top, SWT.NONE);
        form.setText("Server");
        form.setLayout(new GridLayout(2, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        name = field(form, "Name", "what to call it, e.g. clinic production", SWT.NONE);
        url = field(form, "URL", ServerAddress.EXAMPLE, SWT.NONE);
        token = field(form, "Token", "the secret ./iongov token create printed", SWT.PASSWORD);
        Composite formButtons = new Composite(form, SWT.NONE);
        formButtons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        GridLayout row = new GridLayout(3, false);
        row.marginWidth = 0;
        formButtons.setLayout(row);
        save = button(formButtons, "Test and save", this::checkAndSave);
        cancel = button(formButtons, "Cancel", this::cancelForm);
        formMessage = new Label(formButtons, SWT.WRAP);
        GridData formMessageData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        formMessageData.widthHint = 300;
        formMessage.setLayoutData(formMessageData);
        showForm(false);

        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(new GridLayout(2, false));
        agentsMessage = PartHeader.message(bottom, ConnectionsPresenter.NO_AGENTS_EMBEDDED);
        button(bottom, "Refresh", this::refreshAgents).setLayoutData(new GridData(SWT.END, SWT.TOP, false, false));
        agents = new Table(bottom, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        agents.setHeaderVisible(true);
        agents.setLinesVisible(true);
        agents.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (String c : AgentRow.COLUMNS) {
            new TableColumn(agents, SWT.NONE).setText(c);
        }
        packColumns(agents);
        sash.setWeights(55, 45);
        refresh();
    }

    /** The status column follows the active connection, whoever switched it. */
    @Inject
    void connectionChanged(ActiveConnection now) {
        active = now;
        if (table != null && !table.isDisposed()) {
            fillEntries();
        }
    }

    @Focus
    void focus() {
        table.setFocus();
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private static Text field(Composite parent, String label, String hint, int style) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE | style);
        text.setMessage(hint);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 320;
        text.setLayoutData(data);
        return text;
    }

    private static void packColumns(Table table) {
        for (TableColumn c : table.getColumns()) {
            c.pack();
            c.setWidth(Math.min(Math.max(c.getWidth(), 90), 420));
        }
    }

    // ---- the list ----

    /** Re-reads the remembered connections (secure storage) in a job, keeping the selection. */
    public void refresh() {
        String keep = selectedEntry() == null ? null : selectedEntry().id();
        jobs.run("Reading the remembered connections", presenter::entries, read -> {
            entries = read;
            fillEntries();
            select(keep != null ? keep : active == null ? ConnectionsPresenter.EMBEDDED_ID : active.id());
        }, this::say);
    }

    private void fillEntries() {
        String keep = selectedEntry() == null ? null : selectedEntry().id();
        table.removeAll();
        for (Entry entry : entries) {
            TableItem item = new TableItem(table, SWT.NONE);
            boolean isActive = active != null && active.id().equals(entry.id());
            item.setText(new String[] { entry.name(), entry.address(), isActive ? CONNECTED : "" });
            item.setData(entry);
        }
        if (keep != null) {
            select(keep);
        }
        enableButtons();
    }

    private void select(String id) {
        for (TableItem item : table.getItems()) {
            if (((Entry) item.getData()).id().equals(id)) {
                table.setSelection(item);
                selected();
                return;
            }
        }
    }

    private void selected() {
        enableButtons();
        refreshAgents();
    }

    private void enableButtons() {
        Entry entry = selectedEntry();
        boolean server = entry != null && !entry.embedded();
        connect.setEnabled(entry != null && running == null && (active == null || !active.id().equals(entry.id())));
        edit.setEnabled(server && running == null);
        remove.setEnabled(server && running == null && (active == null || !active.id().equals(entry.id())));
        remove.setToolTipText("Forget the server and its token (connect to another first to remove the one in use)");
    }

    private Entry selectedEntry() {
        TableItem[] selection = table.getSelection();
        return selection.length == 1 ? (Entry) selection[0].getData() : null;
    }

    /** Reads the selected connection's agents (in a job). */
    public void refreshAgents() {
        Entry entry = selectedEntry();
        if (entry == null) {
            return;
        }
        agentsMessage.setText("Reading the agents of " + entry.name() + "…");
        jobs.run("Reading the agents of " + entry.name(), () -> agentsOf(entry), found -> {
            agents.removeAll();
            for (AgentRow row : found.rows()) {
                new TableItem(agents, SWT.NONE).setText(row.cells().toArray(String[]::new));
            }
            packColumns(agents);
            setAgentsMessage(found.message());
        }, this::setAgentsMessage);
    }

    /** A server that refuses or cannot be reached is said in the agents' place, as their message. */
    private Agents agentsOf(Entry entry) {
        try {
            return presenter.agents(entry);
        } catch (IllegalArgumentException e) {
            return new Agents(List.of(), e.getMessage());
        }
    }

    // ---- add, edit, remove ----

    private void openForm(Entry entry) {
        editing = entry == null ? null : entry.id();
        form.setText(entry == null ? "New server" : "Edit " + entry.name());
        name.setText(entry == null ? "" : entry.name());
        url.setText(entry == null ? "" : entry.address());
        token.setText("");
        token.setMessage(entry == null ? "the secret ./iongov token create printed" : "leave empty to keep the stored token");
        setFormMessage("", false);
        showForm(true);
        name.setFocus();
    }

    private void showForm(boolean shown) {
        form.setVisible(shown);
        ((GridData) form.getLayoutData()).exclude = !shown;
        form.getParent().layout(true, true);
    }

    private void cancelForm() {
        if (running != null) {
            running.cancel(); // its request is interrupted; what was typed stays
            return;
        }
        showForm(false);
        setFormMessage("", false);
    }

    /** Checks what was typed, then (in a job) the server and its token; saves only when both are right. */
    void checkAndSave() {
        Draft draft;
        try {
            draft = ConnectionList.check(name.getText(), url.getText(), token.getText(), editing != null);
        } catch (IllegalArgumentException e) {
            setFormMessage(e.getMessage(), true);
            return;
        }
        String editingId = editing;
        String warning = ServerAddress.sendsTokenInClear(draft.server())
                ? " Note: plain http sends the token unencrypted to " + draft.server().getHost() + "; prefer https beyond this machine."
                : "";
        setFormMessage("Checking " + draft.server() + "…", false);
        background("Checking " + draft.server(), CHECKS, () -> presenter.checkAndSave(draft, editingId), saved -> {
            showForm(false);
            say("Saved " + saved.name() + " (" + saved.address() + "): the server answered and accepted the token." + warning);
            refreshThenSelect(saved.id());
        }, failure -> setFormMessage(failure, true));
    }

    private void refreshThenSelect(String id) {
        jobs.run("Reading the remembered connections", presenter::entries, read -> {
            entries = read;
            fillEntries();
            select(id);
        }, this::say);
    }

    private void removeSelected() {
        Entry entry = selectedEntry();
        if (entry == null || entry.embedded()) {
            return;
        }
        jobs.run("Forgetting " + entry.name(), () -> {
            presenter.remove(entry);
            return presenter.entries();
        }, read -> {
            entries = read;
            fillEntries();
            select(ConnectionsPresenter.EMBEDDED_ID);
            say("Forgot " + entry.name() + " and its token.");
        }, this::say);
    }

    // ---- connect ----

    /** Connects to the selected entry (in a job): every view then reads through it. */
    void connectSelected() {
        Entry entry = selectedEntry();
        if (entry == null || running != null || active != null && active.id().equals(entry.id())) {
            return;
        }
        say("Connecting to " + entry.name() + "…");
        background("Connecting to " + entry.name(), WorkbenchConnections.SWITCHING, () -> presenter.open(entry), (Opened opened) -> {
            connections.activate(opened);
            say("Connected to " + entry.name() + ": every view now reads " + opened.summary() + ".");
        }, failure -> say("Not connected to " + entry.name() + ": " + failure + " The workbench still reads "
                + (active == null ? "the previous store" : active.name()) + "."));
    }

    /**
     * Runs a check or a connection in a job that Cancel (or the progress view) stops by
     * interrupting its request; connecting waits for a previous store to finish closing. A
     * failure in the user's terms (IllegalArgumentException, a store that cannot be opened) goes
     * to {@code failed}; anything else is also logged with its cause.
     */
    private <T> void background(String what, ISchedulingRule rule, Supplier<T> work, Consumer<T> done, Consumer<String> failed) {
        Display display = table.getDisplay();
        Job job = new Job(what) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(what, IProgressMonitor.UNKNOWN);
                Object result;
                IStatus status = Status.OK_STATUS;
                try {
                    result = work.get();
                } catch (IllegalArgumentException | org.iongov.core.store.StoreException e) {
                    result = new Failure(monitor.isCanceled() ? "cancelled." : e.getMessage());
                } catch (RuntimeException e) {
                    result = new Failure("an internal error (a bug, logged with its cause): " + e);
                    status = new Status(IStatus.ERROR, FrameworkUtil.getBundle(ConnectionsPart.class).getSymbolicName(), what + " failed", e);
                }
                Object finalResult = result;
                display.asyncExec(() -> finished(this, finalResult, done, failed));
                return monitor.isCanceled() ? Status.CANCEL_STATUS : status;
            }

            @Override
            protected void canceling() {
                Thread thread = getThread();
                if (thread != null) {
                    thread.interrupt(); // the HTTP client gives up its request at once
                }
            }
        };
        job.setUser(true);
        job.setRule(rule);
        running = job;
        enableButtons();
        job.schedule();
    }

    private static final ISchedulingRule CHECKS = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private record Failure(String message) {
    }

    @SuppressWarnings("unchecked")
    private <T> void finished(Job job, Object result, Consumer<T> done, Consumer<String> failed) {
        if (running == job) {
            running = null;
        }
        if (table.isDisposed()) {
            if (!(result instanceof Failure) && result instanceof Opened opened) {
                connections.activate(opened); // connected while the view closed: still the user's choice
            }
            return;
        }
        enableButtons();
        if (result instanceof Failure f) {
            failed.accept(f.message());
        } else {
            done.accept((T) result);
        }
    }

    // ---- messages ----

    private void say(String text) {
        message.setText(text);
        message.getParent().layout(true, true);
    }

    private void setFormMessage(String text, boolean failed) {
        lastFailed = failed;
        formMessage.setText(text);
        formMessage.setForeground(failed ? formMessage.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        form.layout(true, true);
    }

    private void setAgentsMessage(String text) {
        agentsMessage.setText(text);
        agentsMessage.getParent().layout(true, true);
    }

    // ---- for tests ----

    public Table table() {
        return table;
    }

    public Table agents() {
        return agents;
    }

    public String message() {
        return message.getText();
    }

    public String formMessage() {
        return formMessage.getText();
    }

    public String agentsMessage() {
        return agentsMessage.getText();
    }

    /** Whether the last thing the form said was a failure. */
    public boolean formFailed() {
        return lastFailed;
    }

    public boolean formShown() {
        return form.getVisible();
    }

    public Text nameField() {
        return name;
    }

    public Text urlField() {
        return url;
    }

    public Text tokenField() {
        return token;
    }

    /** Buttons by what they say: Connect, Add…, Edit…, Remove, Test and save, Cancel, Refresh. */
    public Button button(String text) {
        for (Button b : List.of(connect, edit, remove, save, cancel)) {
            if (b.getText().equals(text)) {
                return b;
            }
        }
        return findButton(table.getParent().getParent(), text);
    }

    private static Button findButton(Composite parent, String text) {
        for (var child : parent.getChildren()) {
            if (child instanceof Button b && b.getText().equals(text)) {
                return b;
            }
            if (child instanceof Composite c) {
                Button found = findButton(c, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Whether a read, check or connection asked for is still running or not yet shown. */
    public boolean busy() {
        return jobs.busy() || running != null;
    }
}
