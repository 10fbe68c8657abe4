package org.iongov.internal.ui.designer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.iongov.internal.ui.graph.GraphCanvas;
import org.iongov.ui.model.designer.PaletteEntry;
import org.iongov.ui.model.graph.EdgeKind;

/**
 * The designer's palette: one radio button per entry under its group's heading, with the colour
 * the canvas draws that kind in. Clicking an entry arms it; an entry that places something can
 * also be dragged onto the canvas ({@link #DRAG_PREFIX} + its id, as text).
 */
public final class Palette {

    /** What a palette entry dragged onto the canvas carries before its id. */
    public static final String DRAG_PREFIX = "iongov-palette:";

    private final Composite body;
    private final Consumer<String> onArm;
    private final Map<String, Button> buttons = new LinkedHashMap<>();
    private final List<Image> images = new ArrayList<>();

    /** @param onArm told the id of the entry picked */
    public Palette(Composite parent, Consumer<String> onArm) {
        this.onArm = onArm;
        body = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.verticalSpacing = 2;
        body.setLayout(layout);
        body.addListener(SWT.Dispose, e -> disposeImages());
    }

    public Control control() {
        return body;
    }

    /** Shows these entries (rebuilt when they differ from those shown) with {@code armed} picked. */
    public void show(List<PaletteEntry> entries, PaletteEntry armed) {
        if (!new ArrayList<>(buttons.keySet()).equals(entries.stream().map(PaletteEntry::id).toList())) {
            rebuild(entries);
        }
        buttons.forEach((id, button) -> button.setSelection(id.equals(armed.id())));
    }

    private void rebuild(List<PaletteEntry> entries) {
        for (Control child : body.getChildren()) {
            child.dispose();
        }
        disposeImages();
        buttons.clear();
        String group = null;
        for (PaletteEntry entry : entries) {
            if (!entry.group().equals(group)) {
                group = entry.group();
                Label heading = new Label(body, SWT.NONE);
                heading.setText(group);
                heading.setFont(JFaceResources.getBannerFont());
                GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
                data.verticalIndent = buttons.isEmpty() ? 0 : 6;
                heading.setLayoutData(data);
            }
            Button button = new Button(body, SWT.RADIO);
            button.setText(entry.label());
            button.setToolTipText(entry.hint());
            button.setData(entry.id());
            button.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            Image icon = icon(entry);
            if (icon != null) {
                button.setImage(icon);
            }
            button.addListener(SWT.Selection, e -> {
                if (button.getSelection()) {
                    onArm.accept(entry.id());
                }
            });
            if (entry.places()) {
                draggable(button, entry.id());
            }
            buttons.put(entry.id(), button);
        }
        body.layout(true, true);
        body.getParent().layout(true, true);
    }

    private static void draggable(Button button, String id) {
        DragSource source = new DragSource(button, DND.DROP_COPY);
        source.setTransfer(new Transfer[] { TextTransfer.getInstance() });
        source.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragSetData(DragSourceEvent event) {
                event.data = DRAG_PREFIX + id;
            }
        });
    }

    /** A small swatch: a box in its kind's colour, or a line in its edge's colour (dashed for events). */
    private Image icon(PaletteEntry entry) {
        if (entry.nodeKind() == null && entry.edgeKind() == null) {
            return null;
        }
        Image image = new Image(body.getDisplay(), 16, 16);
        GC gc = new GC(image);
        try {
            gc.setBackground(body.getBackground());
            gc.fillRectangle(0, 0, 16, 16);
            gc.setAntialias(SWT.ON);
            if (entry.nodeKind() != null) {
                Color fill = new Color(GraphCanvas.fill(entry.nodeKind()));
                gc.setBackground(fill);
                gc.fillRoundRectangle(1, 3, 14, 10, 4, 4);
                gc.setForeground(new Color(new RGB(110, 110, 110)));
                gc.drawRoundRectangle(1, 3, 14, 10, 4, 4);
            } else {
                RGB rgb = GraphCanvas.edgeColour(entry.edgeKind());
                gc.setForeground(new Color(rgb == null ? new RGB(120, 120, 120) : rgb));
                gc.setLineWidth(2);
                gc.setLineStyle(entry.edgeKind() == EdgeKind.EVENT_CHANNEL ? SWT.LINE_DASH : SWT.LINE_SOLID);
                gc.drawLine(1, 8, 12, 8);
                gc.setLineStyle(SWT.LINE_SOLID);
                gc.drawLine(12, 8, 8, 5);
                gc.drawLine(12, 8, 8, 11);
            }
        } finally {
            gc.dispose();
        }
        images.add(image);
        return image;
    }

    private void disposeImages() {
        images.forEach(Image::dispose);
        images.clear();
    }

    /** The button of an entry shown now, or null (for tests). */
    public Button button(String entryId) {
        return buttons.get(entryId);
    }
}
