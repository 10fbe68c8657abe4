package org.iongov.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench benchmark runs headless and reports its two figures; quick sizes are not judged against the goals. */
class WorkbenchBenchmarkTest {

    @TempDir
    Path out;

    @Test
    void quickRunReportsLayoutAndDownsamplingWithoutJudgingThemAgainstTheFullSizeGoals() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<Figure> figures = BenchmarkSuite.run(true, Set.of("workbench"), out, new PrintStream(progress, true, StandardCharsets.UTF_8));
        assertEquals(List.of("lineage layout, 500 nodes, p50", "timeline downsampling, 100,000 points to 1,600 px, p50"),
                figures.stream().map(Figure::name).toList());
        figures.forEach(f -> assertTrue(f.value() > 0 && f.goal() == null && f.met() == null, f.toString()));
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("== workbench (quick)"));
    }
}
