package org.iongov.connector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedDifferencesTest {

    @Test
    void theMediansIntervalComesFromOrderStatistics() {
        double[] fifteen = new double[15];
        for (int i = 0; i < 15; i++) {
            fifteen[i] = 15 - i; // in any order
        }
        double[] interval = PairedDifferences.medianInterval(fifteen);
        // Of 15, the 4th to the 12th smallest hold the median with 1 - 2 P(Bin(15, 1/2) <= 3) = 96.5 %.
        assertEquals(4, interval[0]);
        assertEquals(12, interval[1]);
        assertEquals(100 * (1 - 2 * 576 / 32768.0), interval[2], 1e-9);
        // Seven pairs: only the whole range reaches 95 % (98.4 %).
        double[] seven = PairedDifferences.medianInterval(new double[] {3, -1, 2, 5, 0, 1, 4});
        assertEquals(-1, seven[0]);
        assertEquals(5, seven[1]);
        assertEquals(100 * (1 - 2 / 128.0), seven[2], 1e-9);
        assertTrue(Double.isNaN(PairedDifferences.medianInterval(new double[0])[0]));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, PairedDifferences.median(new double[] {4, 1, 3, 2}));
        assertEquals(3, PairedDifferences.median(new double[] {5, 3, 1}));
        assertTrue(Double.isNaN(PairedDifferences.median(new double[0])));
    }
}
