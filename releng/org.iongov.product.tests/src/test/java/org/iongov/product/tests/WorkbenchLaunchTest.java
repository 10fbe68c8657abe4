package org.iongov.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the built product exactly as README tells a user to ({@code ./iongov workbench --store
 * DIR}), waits until its window is on the screen, keeps a screenshot under target/ and checks
 * the window is really drawn and the store was created.
 */
class WorkbenchLaunchTest {

    @TempDir
    Path temp;

    @Test
    void iongovWorkbenchShowsTheWindowOnANewStore() throws Exception {
        assertNotNull(System.getenv("DISPLAY"), "needs a display: run under xvfb-run (as .ci/run does)");
        Path root = Path.of(System.getProperty("iongov.root"));
        Path store = temp.resolve("store");
        Path log = Path.of("target", "workbench-launch.log").toAbsolutePath();
        Files.createDirectories(log.getParent());

        Robot robot = new Robot();
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        int coloursBefore = colours(robot.createScreenCapture(screen));

        Process workbench = new ProcessBuilder(root.resolve("iongov").toString(), "workbench", "--store", store.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            BufferedImage shot = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && workbench.isAlive()) {
                BufferedImage candidate = robot.createScreenCapture(screen);
                if (colours(candidate) > Math.max(20, coloursBefore * 2)) {
                    // Drawn; give it a moment to finish laying out, then take the screenshot we keep.
                    robot.delay(1500);
                    shot = robot.createScreenCapture(screen);
                    break;
                }
                robot.delay(500);
            }
            assertTrue(workbench.isAlive(), "workbench exited early:\n" + Files.readString(log, StandardCharsets.UTF_8));
            assertNotNull(shot, "no window was drawn within 120 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
            Path png = Path.of("target", "screenshots", "iongov-workbench.png").toAbsolutePath();
            Files.createDirectories(png.getParent());
            ImageIO.write(shot, "png", png.toFile());
            assertTrue(Files.size(png) > 5_000, "screenshot kept at " + png);
            assertTrue(colours(shot) > 20, "the window has text, borders and backgrounds");
            assertTrue(Files.isDirectory(store.resolve("db")), "the workbench created the store it was given");
        } finally {
            workbench.destroy();
            if (!workbench.waitFor(30, TimeUnit.SECONDS)) {
                workbench.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertFalse(workbench.isAlive());
        // Once the workbench is gone its store opens again, with its schema.
        Process check = new ProcessBuilder(root.resolve("iongov").toString(), "store", "--store", store.toString(), "--json")
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), out);
        assertTrue(out.matches("(?s).*\"schemaVersion\" : [1-9].*"), out);
    }

    private static int colours(BufferedImage image) throws IOException {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
