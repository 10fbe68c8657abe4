package org.iongov.ui.model.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.iongov.ui.model.series.SeriesDownsampler.Series;
import org.junit.jupiter.api.Test;

class SeriesDownsamplerTest {

    @Test
    void aMillionPointsBecomeAtMostFourPerPixelKeepingEndsAndExtremes() {
        int n = 1_000_000;
        double[] x = new double[n];
        double[] y = new double[n];
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            x[i] = 1_700_000_000_000.0 + i * 10.0;
            y[i] = Math.sin(i / 5000.0) + random.nextGaussian() * 0.01;
        }
        y[123_457] = 50; // a spike
        y[654_321] = -40; // a dip
        Series s = SeriesDownsampler.downsample(x, y, 1600);

        assertTrue(s.size() <= 4 * 1600, "at most four points per pixel column, got " + s.size());
        assertTrue(s.size() >= 1600, "at least one point per column of a dense series, got " + s.size());
        assertEquals(x[0], s.x()[0]);
        assertEquals(y[0], s.y()[0]);
        assertEquals(x[n - 1], s.x()[s.size() - 1]);
        assertEquals(y[n - 1], s.y()[s.size() - 1]);
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.x()[i] > s.x()[i - 1], "x increases at " + i);
        }
        assertEquals(50, max(s.y()));
        assertEquals(-40, min(s.y()));
        assertTrue(contains(s, x[123_457], 50) && contains(s, x[654_321], -40), "extremes kept at their own x");
    }

    @Test
    void everyPixelColumnKeepsItsOwnMinimumAndMaximum() {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        Random random = new Random(11);
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = random.nextDouble();
        }
        int width = 100;
        Series s = SeriesDownsampler.downsample(x, y, width);
        for (int column = 0; column < width; column++) {
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int i = column * 100; i < (column + 1) * 100 && i < n; i++) {
                lo = Math.min(lo, y[i]);
                hi = Math.max(hi, y[i]);
            }
            double from = x[column * 100];
            double to = x[Math.min(n - 1, (column + 1) * 100 - 1)];
            double shownLo = Double.MAX_VALUE;
            double shownHi = -Double.MAX_VALUE;
            for (int i = 0; i < s.size(); i++) {
                if (s.x()[i] >= from && s.x()[i] <= to) {
                    shownLo = Math.min(shownLo, s.y()[i]);
                    shownHi = Math.max(shownHi, s.y()[i]);
                }
            }
            assertEquals(lo, shownLo, "minimum of column " + column);
            assertEquals(hi, shownHi, "maximum of column " + column);
        }
    }

    @Test
    void shortSeriesComeBackWholeAndGapsAreSkipped() {
        double[] x = { 1, 2, 3, 4 };
        double[] y = { 1, Double.NaN, 3, 4 };
        Series s = SeriesDownsampler.downsample(x, y, 800);
        assertArrayEquals(new double[] { 1, 3, 4 }, s.x());
        assertArrayEquals(new double[] { 1, 3, 4 }, s.y());

        double[] flatX = new double[1000];
        double[] flatY = new double[1000];
        for (int i = 0; i < 1000; i++) {
            flatX[i] = 5; // every point at the same time
            flatY[i] = i % 7;
        }
        Series same = SeriesDownsampler.downsample(flatX, flatY, 10);
        assertTrue(same.size() <= 4);
        assertEquals(6, max(same.y()));
        assertEquals(0, min(same.y()));
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> SeriesDownsampler.downsample(new double[2], new double[3], 10));
        assertThrows(IllegalArgumentException.class, () -> SeriesDownsampler.downsample(new double[2], new double[2], 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeriesDownsampler.downsample(new double[] { 1, 0, 2 }, new double[3], 10));
        assertTrue(e.getMessage().contains("never decrease"), e.getMessage());
    }

    private static boolean contains(Series s, double x, double y) {
        for (int i = 0; i < s.size(); i++) {
            if (s.x()[i] == x && s.y()[i] == y) {
                return true;
            }
        }
        return false;
    }

    private static double max(double[] v) {
        double m = -Double.MAX_VALUE;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }

    private static double min(double[] v) {
        double m = Double.MAX_VALUE;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }
}
