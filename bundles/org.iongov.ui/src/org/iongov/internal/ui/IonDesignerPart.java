package org.iongov.internal.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.internal.ui.designer.Palette;
import org.iongov.internal.ui.designer.PropertiesForm;
import org.iongov.internal.ui.designer.StoredDefinitionsDialog;
import org.iongov.internal.ui.graph.GraphCanvas;
import org.iongov.ui.model.designer.DesignMarker;
import org.iongov.ui.model.designer.IonDesigner;
import org.iongov.ui.model.designer.PaletteEntry;
import org.iongov.ui.model.designer.Snapshot;
import org.iongov.ui.model.graph.Badge;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The ION designer: a palette of node kinds (and, inside a pipeline, of component kinds), the
 * canvas the ION is drawn on, the model's validation markers under it and the properties of the
 * selection beside it. A thin shell over {@link IonDesigner}: every gesture and form edit is one
 * command on the ION editor's stack (Ctrl+Z undoes it, Ctrl+Y or Ctrl+Shift+Z redoes it); files
 * and the store are read and written in Eclipse jobs. "Open from store…" and "Upload to store" use
 * the store the workbench reads now: on a switch of connection the design stays, and what was
 * asked of the previous store is dropped.
 */
public final class IonDesignerPart {

    /** The part's id in the application model. */
    public static final String ID = "org.iongov.ui.part.designer";
    static final String HINT = "Pick a pipeline or policy in the palette and click the canvas (or drag it there); join nodes with a "
            + "channel; double-click a pipeline to edit its components. Open a definition from a file or from the store.";

    @Inject
    WorkbenchUser user;

    @Inject
    MPart part;

    /** Asked before changes are thrown away (New, Open); a dialog unless a test says otherwise. */
    Predicate<String> confirmDiscard = this::askToDiscard;

    private final IonDesigner designer = new IonDesigner();
    private GovernanceStore store;
    private ActiveConnection connection;
    /** Files: not tied to a store, so a switch of connection leaves them be. */
    private PartJobs jobs;
    /** Store reads and uploads: started over on a switch of connection. */
    private PartJobs storeJobs;
    private Composite root;
    private Label title;
    private Label message;
    private Label level;
    private Button back;
    private final Map<String, Button> buttons = new LinkedHashMap<>();
    private Palette palette;
    private GraphCanvas canvas;
    private Table markers;
    private PropertiesForm properties;
    private List<DesignMarker> shownMarkers = List.of();
    private Object shownLevel;
    private final Listener keys = this::key;

    /** The store to open from and upload to: at creation, and again whenever the workbench switches connections. */
    @Inject
    void useStore(GovernanceStore newStore) {
        store = newStore;
        if (storeJobs != null) {
            // A list or an upload asked of the previous store is not shown, nor, if not started yet, done.
            storeJobs.restart();
        }
    }

    /** Which connection that store belongs to, to say so when it changes (it is set right after the store). */
    @Inject
    @Optional
    void connectionChanged(ActiveConnection now) {
        boolean switched = connection != null && now != null && !now.equals(connection);
        connection = now;
        if (switched && message != null && !message.isDisposed()) {
            say("Now connected to " + now.name() + ": Open from store… and Upload to store use its store. The design is kept as it was.");
        }
    }

    @PostConstruct
    void createControls(Composite parent) {
        root = parent;
        jobs = new PartJobs(parent);
        storeJobs = new PartJobs(parent);
        parent.setLayout(new GridLayout(1, false));
        title = PartHeader.title(parent, "ION Designer");
        message = PartHeader.message(parent, HINT);

        Composite actions = new Composite(parent, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.marginLeft = 0;
        row.center = true;
        actions.setLayout(row);
        action(actions, "New", "A new, empty ION", this::newIon);
        action(actions, "Open file…", "Open an ION definition (JSON)", this::openFileDialog);
        action(actions, "Open from store…", "Open an ION definition kept in the store", this::openFromStore);
        action(actions, "Save", "Save the definition as JSON (Ctrl+S)", this::save);
        action(actions, "Save as…", "Save the definition to another file (Ctrl+Shift+S)", this::saveAs);
        action(actions, "Upload to store", "Store this definition as the next version of its ION", this::upload);
        action(actions, "Undo", "Ctrl+Z", this::undo);
        action(actions, "Redo", "Ctrl+Y or Ctrl+Shift+Z", this::redo);
        action(actions, "Delete", "Delete the selection (Delete key)", this::delete);
        action(actions, "Auto layout", "Lay the graph out left to right (Eclipse Layout Kernel, layered)", this::autoLayout);
        action(actions, "Fit", "Show the whole graph (key 0)", () -> canvas.fitToView());
        action(actions, "Zoom in", "Ctrl+wheel or +", () -> canvas.setZoom(canvas.zoom() * 1.25));
        action(actions, "Zoom out", "Ctrl+wheel or -", () -> canvas.setZoom(canvas.zoom() / 1.25));

        Composite levelRow = new Composite(parent, SWT.NONE);
        GridLayout levelLayout = new GridLayout(2, false);
        levelLayout.marginWidth = 0;
        levelLayout.marginHeight = 0;
        levelRow.setLayout(levelLayout);
        levelRow.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        back = new Button(levelRow, SWT.PUSH);
        back.setText("◀ Back to the ION");
        back.setToolTipText("Leave the pipeline's components for the ION's nodes and channels");
        back.addListener(SWT.Selection, e -> {
            designer.backToIon();
            refresh();
        });
        level = new Label(levelRow, SWT.NONE);
        level.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ScrolledComposite paletteScroll = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.BORDER);
        paletteScroll.setExpandHorizontal(true);
        paletteScroll.setExpandVertical(true);
        palette = new Palette(paletteScroll, this::arm);
        paletteScroll.setContent(palette.control());

        SashForm middle = new SashForm(sash, SWT.VERTICAL);
        canvas = new GraphCanvas(middle, SWT.BORDER);
        canvas.setEditable(true);
        canvas.addSelectionListener(node -> {
            designer.select(node == null ? null : node.id());
            refresh();
        });
        canvas.addEdgeSelectionListener(edge -> {
            designer.select(edge == null ? null : edge.id());
            refresh();
        });
        canvas.addBackgroundClickListener((x, y) -> edit(() -> designer.clickCanvas(x, y)));
        canvas.addMoveListener((id, x, y) -> {
            designer.moved(id, x, y);
            canvas.updateGraph(designer.graph());
        });
        canvas.addConnectListener((from, to) -> edit(() -> designer.connect(from, to)));
        canvas.addOpenListener(node -> {
            if (designer.open(node.id())) {
                say("Components of " + node.label() + ": add them from the palette and join them with inputs; '◀ Back to the ION' returns.");
            }
            refresh();
        });
        dropTarget();
        markers = new Table(middle, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        markers.setHeaderVisible(true);
        markers.setLinesVisible(true);
        for (String[] column : new String[][] { { "Severity", "80" }, { "Where", "240" }, { "Problem", "900" } }) {
            TableColumn c = new TableColumn(markers, SWT.NONE);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
        markers.addListener(SWT.Selection, e -> showMarker(markers.getSelectionIndex()));
        middle.setWeights(78, 22);

        properties = new PropertiesForm(sash, (key, value) -> edit(() -> designer.setProperty(key, value)), (key, value) -> {
            if (edit(() -> designer.addParameter(key, value))) {
                properties.clearNewParameter();
            }
        });
        sash.setWeights(16, 60, 24);

        parent.getDisplay().addFilter(SWT.KeyDown, keys);
        refresh();
        paletteScroll.setMinSize(palette.control().computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    @PreDestroy
    void dispose() {
        if (root != null && !root.isDisposed()) {
            root.getDisplay().removeFilter(SWT.KeyDown, keys);
        }
    }

    @Focus
    void focus() {
        canvas.setFocus();
    }

    /** Saved by the workbench (its Save command): as Save. */
    @Persist
    void persist() {
        save();
    }

    private void action(Composite parent, String text, String tooltip, Runnable run) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tooltip);
        b.addListener(SWT.Selection, e -> run.run());
        buttons.put(text, b);
    }

    /** A palette entry dragged onto the canvas is placed where it is dropped. */
    private void dropTarget() {
        DropTarget drop = new DropTarget(canvas, DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[] { TextTransfer.getInstance() });
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                if (event.detail == DND.DROP_DEFAULT) {
                    event.detail = DND.DROP_COPY;
                }
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String text && text.startsWith(Palette.DRAG_PREFIX)) {
                    Point at = canvas.toControl(event.x, event.y);
                    double[] g = canvas.toGraph(at.x, at.y);
                    edit(() -> designer.place(text.substring(Palette.DRAG_PREFIX.length()), g[0], g[1]));
                }
            }
        });
    }

    // ---- keys ----

    /** Undo, redo, save and delete, wherever the focus is in the designer except in a text field. */
    private void key(Event e) {
        if (!(e.widget instanceof Control control) || !inside(control) || control instanceof Text || control instanceof Combo) {
            return;
        }
        boolean mod = (e.stateMask & SWT.MOD1) != 0;
        boolean shift = (e.stateMask & SWT.SHIFT) != 0;
        int letter = Character.toLowerCase(e.keyCode);
        if (mod && letter == 'z') {
            if (shift) {
                redo();
            } else {
                undo();
            }
        } else if (mod && letter == 'y') {
            redo();
        } else if (mod && letter == 's') {
            if (shift) {
                saveAs();
            } else {
                save();
            }
        } else if ((e.keyCode == SWT.DEL || e.keyCode == SWT.BS) && control == canvas) {
            delete();
        } else if (e.keyCode == SWT.ESC && control == canvas) {
            arm(PaletteEntry.SELECT_ID);
            return; // the canvas lets go of a connection's first end too
        } else {
            return;
        }
        e.doit = false;
    }

    private boolean inside(Widget widget) {
        for (Control c = widget instanceof Control control ? control : null; c != null; c = c.getParent()) {
            if (c == root) {
                return true;
            }
        }
        return false;
    }

    // ---- editing ----

    private void arm(String entryId) {
        designer.arm(entryId);
        say(designer.armed().hint());
        refresh();
    }

    /** Runs one change of the design; a change refused in the user's terms says why and changes nothing. */
    private boolean edit(Runnable change) {
        try {
            change.run();
            refresh();
            return true;
        } catch (IllegalArgumentException e) {
            refresh();
            fail(e.getMessage());
            return false;
        }
    }

    void undo() {
        String label = designer.undoLabel();
        if (label != null && edit(designer::undo)) {
            say(label + ".");
        }
    }

    void redo() {
        String label = designer.redoLabel();
        if (label != null && edit(designer::redo)) {
            say(label + ".");
        }
    }

    void delete() {
        if (designer.selection() == null) {
            say("Select a node, channel, component or input to delete it.");
            return;
        }
        if (edit(designer::deleteSelection)) {
            say(designer.undoLabel().replaceFirst("^Undo ", "") + ". Ctrl+Z brings it back.");
        }
    }

    private void autoLayout() {
        designer.autoLayout();
        canvas.setGraph(designer.graph());
        refresh();
    }

    private void showMarker(int index) {
        if (index < 0 || index >= shownMarkers.size()) {
            return;
        }
        designer.show(shownMarkers.get(index));
        refresh();
        if (designer.selection() != null) {
            canvas.reveal(designer.selection());
        }
    }

    // ---- documents ----

    private void newIon() {
        if (!confirmDiscard.test("start a new ION")) {
            return;
        }
        designer.newIon();
        refresh();
        say(HINT);
    }

    private void openFileDialog() {
        FileDialog dialog = new FileDialog(root.getShell(), SWT.OPEN);
        dialog.setText("Open an ION definition");
        dialog.setFilterExtensions(new String[] { "*.json", "*" });
        String chosen = dialog.open();
        if (chosen != null) {
            openFile(Path.of(chosen));
        }
    }

    /** Opens a JSON definition from a file (read in a job). */
    public void openFile(Path file) {
        if (!confirmDiscard.test("open " + file.getFileName())) {
            return;
        }
        say("Reading " + file + "…");
        jobs.run("Reading " + file, () -> read(file), json -> {
            try {
                designer.open(json, file.getFileName().toString(), file);
                refresh();
                say("Opened " + file + ".");
            } catch (IllegalArgumentException e) {
                fail(e.getMessage());
            }
        }, this::fail);
    }

    private void openFromStore() {
        say("Reading the store's ION definitions…");
        GovernanceStore reading = store;
        storeJobs.run("Reading the ION definitions in the store", reading::ionDefinitions, definitions -> {
            say(definitions.isEmpty() ? "No ION definitions in this store yet." : "Pick a definition to open.");
            StoredDefinitionsDialog.open(root.getShell(), definitions, this::openStored);
        }, this::fail);
    }

    /** Opens a definition kept in the store (already read). */
    public void openStored(IonDefinitionRecord stored) {
        if (!confirmDiscard.test("open " + stored.name() + " version " + stored.version())) {
            return;
        }
        try {
            designer.open(stored);
            refresh();
            say("Opened " + stored.name() + " version " + stored.version() + " from the store. Save as… keeps a copy in a file.");
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        }
    }

    void save() {
        if (designer.file() == null) {
            saveAs();
        } else {
            saveTo(designer.file());
        }
    }

    void saveAs() {
        FileDialog dialog = new FileDialog(root.getShell(), SWT.SAVE);
        dialog.setText("Save the ION definition");
        dialog.setFilterExtensions(new String[] { "*.json", "*" });
        dialog.setFileName(designer.ion().getName() + ".json");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            saveTo(Path.of(chosen));
        }
    }

    /** Writes the definition as it is now to a file (in a job); Save writes there from then on. */
    public void saveTo(Path file) {
        Snapshot snapshot = designer.snapshot();
        say("Saving to " + file + "…");
        jobs.run("Saving " + file, () -> {
            try {
                Files.writeString(file, snapshot.json(), StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + " (" + e.getMessage() + ")", e);
            }
        }, saved -> {
            designer.saved(snapshot, saved);
            refresh();
            say("Saved to " + saved + "." + (designer.markers().isEmpty() ? "" : " It still has problems: see the list."));
        }, this::fail);
    }

    /** Stores the definition as the next version of its ION (in a job), if it has no errors. */
    public void upload() {
        Snapshot snapshot;
        try {
            snapshot = designer.uploadable();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        say("Uploading ION '" + snapshot.name() + "'…");
        GovernanceStore target = store;
        storeJobs.run("Uploading ION '" + snapshot.name() + "'", () -> IonDesigner.upload(target, snapshot, user.name()),
                stored -> say("Uploaded ION '" + stored.name() + "' to the store as version " + stored.version() + " (by " + user.name() + ")."),
                this::fail);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private boolean askToDiscard(String what) {
        if (!designer.isDirty()) {
            return true;
        }
        MessageBox box = new MessageBox(root.getShell(), SWT.ICON_WARNING | SWT.YES | SWT.NO);
        box.setText("Unsaved changes");
        box.setMessage("ION '" + designer.ion().getName() + "' has changes that are not saved. Throw them away and " + what + "?");
        return box.open() == SWT.YES;
    }

    // ---- showing ----

    /** Brings every view of the design up to date with the presenter. */
    private void refresh() {
        Object levelNow = designer.openedPipeline() == null ? designer.ion() : designer.openedPipeline();
        if (levelNow != shownLevel) {
            canvas.setGraph(designer.graph()); // another level: a fresh view of it
            shownLevel = levelNow;
        } else {
            canvas.updateGraph(designer.graph());
        }
        canvas.setBadges(designer.badges());
        canvas.showSelection(designer.selection());
        boolean connects = designer.armed().connects();
        if (canvas.connecting() != connects) {
            canvas.setConnecting(connects);
        }
        palette.show(designer.palette(), designer.armed());
        showMarkers();
        Object shown = designer.selection() == null ? designer.ion() : designer.selection();
        properties.show(shown, designer.properties(), designer.selectionTakesParameters());

        title.setText("ION Designer: " + designer.title());
        level.setText(designer.level() + "  ·  " + designer.summary());
        back.setEnabled(designer.openedPipeline() != null);
        buttons.get("Undo").setEnabled(designer.canUndo());
        buttons.get("Undo").setToolTipText(designer.canUndo() ? designer.undoLabel() + " (Ctrl+Z)" : "Nothing to undo");
        buttons.get("Redo").setEnabled(designer.canRedo());
        buttons.get("Redo").setToolTipText(designer.canRedo() ? designer.redoLabel() + " (Ctrl+Y)" : "Nothing to redo");
        buttons.get("Delete").setEnabled(designer.selection() != null);
        if (part != null) {
            part.setDirty(designer.isDirty());
        }
        level.getParent().layout(true, true);
        title.getParent().layout(false, false);
    }

    private void showMarkers() {
        List<DesignMarker> now = designer.markers();
        if (!now.equals(shownMarkers)) {
            markers.removeAll();
            Display display = markers.getDisplay();
            for (DesignMarker m : now) {
                TableItem item = new TableItem(markers, SWT.NONE);
                item.setText(new String[] { m.severity() == Badge.ERROR ? "error" : "warning", m.element(), m.message() });
                item.setForeground(0, display.getSystemColor(m.severity() == Badge.ERROR ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_YELLOW));
            }
            shownMarkers = now;
        }
    }

    private void say(String text) {
        message.setForeground(null);
        message.setText(text);
        message.getParent().layout(true, true);
    }

    private void fail(String text) {
        message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        message.setText(text);
        message.getParent().layout(true, true);
    }

    // ---- for tests ----

    public IonDesigner designer() {
        return designer;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    public Palette palette() {
        return palette;
    }

    public PropertiesForm properties() {
        return properties;
    }

    /** The validation markers listed under the canvas. */
    public Table markers() {
        return markers;
    }

    /** A button of the designer's row by its text ("Save", "Upload to store", …), or the back button ("◀ Back to the ION"). */
    public Button button(String text) {
        return text.equals(back.getText()) ? back : buttons.get(text);
    }

    public String message() {
        return message.getText();
    }

    public String title() {
        return title.getText();
    }

    public String level() {
        return level.getText();
    }

    /** Whether a file or store step asked for is still running or not yet shown. */
    public boolean busy() {
        return jobs.busy() || storeJobs.busy();
    }
}
