package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** The running workbench as UI tests see it: its main window, its event loop, screenshots. */
final class WorkbenchWindow {

    static final String MAIN = "org.iongov.ui.window.main";

    private WorkbenchWindow() {
    }

    static MTrimmedWindow main(Display display) {
        waitUntil(display, () -> find(display) != null, 30_000);
        return find(display);
    }

    private static MTrimmedWindow find(Display display) {
        for (Shell shell : display.getShells()) {
            // e4's renderers link each widget to its model element under this key.
            if (shell.getData("modelElement") instanceof MTrimmedWindow window && MAIN.equals(window.getElementId())) {
                return window;
            }
        }
        return null;
    }

    /** Runs the event loop until the condition holds, failing after the deadline. */
    static void waitUntil(Display display, BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("condition not met within " + timeoutMillis + " ms");
            }
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> { }); // wake up to re-check the deadline
                display.sleep();
            }
        }
    }

    /**
     * Runs the event loop for a while before a screenshot: GTK animates a widget's change of
     * state (a button enabled again greys out for about 200 ms), which a screenshot would catch
     * half-way. Cosmetic only: nothing is asserted on it.
     */
    static void settle(Display display) {
        long until = System.currentTimeMillis() + 500;
        waitUntil(display, () -> System.currentTimeMillis() >= until, 5_000);
    }

    static void processEvents(Display display) {
        while (display.readAndDispatch()) {
            // drain pending UI events
        }
    }

    /** Draws a shell as the screen shows it into {@code <test output>/screenshots/<name>.png}. */
    static ImageData screenshot(Shell shell, String name) throws Exception {
        Display display = shell.getDisplay();
        // GTK paints on its own clock: repaint everything now, so the copy shows the current state.
        shell.redraw(0, 0, shell.getSize().x, shell.getSize().y, true);
        shell.update();
        processEvents(display);
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        // The shell draws itself into the image (what the screen would show, without reading the screen back).
        GC gc = new GC(image);
        try {
            shell.print(gc);
            ImageData data = image.getImageData();
            Path out = Path.of(System.getProperty("iongov.test.output"), "screenshots", name + ".png");
            Files.createDirectories(out.getParent());
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(out.toString(), SWT.IMAGE_PNG);
            return data;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /**
     * Maximizes the stack a part is in (as double-clicking its tab does), takes the screenshot of
     * the shell, then restores the stack.
     */
    static ImageData screenshotMaximized(MPart part, String name) throws Exception {
        MElementContainer<MUIElement> stack = part.getParent();
        Shell shell = ((org.eclipse.swt.widgets.Control) part.getWidget()).getShell();
        Display display = shell.getDisplay();
        stack.setSelectedElement(part);
        stack.getTags().add(IPresentationEngine.MAXIMIZED);
        try {
            processEvents(display);
            shell.layout(true, true);
            processEvents(display);
            return screenshot(shell, name);
        } finally {
            stack.getTags().remove(IPresentationEngine.MAXIMIZED);
            processEvents(display);
        }
    }

    /** The paper's Figure 1(c) as a stored ION definition: ion-model/examples/c-retraining-with-approval.json. */
    static String retrainingWithApproval() throws java.io.IOException {
        return Files.readString(Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json"));
    }
}
