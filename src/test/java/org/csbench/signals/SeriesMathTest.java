package org.csbench.signals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeriesMathTest {

    @Test
    void seriesMathSkipsMissingValues() {
        double[] v = {4, Double.NaN, 1, 3, 2};
        assertArrayEquals(new double[] {4, 1, 3, 2}, SeriesMath.available(v));
        assertArrayEquals(new int[] {0, 2, 3, 4}, SeriesMath.availableIndices(v));
        assertEquals(2.5, SeriesMath.median(SeriesMath.available(v)), 0); // (2 + 3) / 2
        assertEquals(3.0, SeriesMath.median(new double[] {5, 1, 3}), 0);
        assertEquals(2.5, SeriesMath.mean(new double[] {4, 1}), 0);
        assertEquals(Double.NaN, SeriesMath.median(new double[0]));
    }

    @Test
    void medianBySelectionEqualsTheMiddleOfTheSortedValues() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 500; trial++) {
            // Short arrays are sorted by the selector, long ones partitioned first.
            int n = 1 + random.nextInt(trial % 2 == 0 ? 60 : 3000);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextInt(12) - 3; // many ties
            }
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
            double[] before = v.clone();
            assertEquals(expected, SeriesMath.median(v), 0, java.util.Arrays.toString(v));
            assertArrayEquals(before, v, "the input is left as it was");
        }
        assertEquals(1.5, SeriesMath.median(new double[] {2, 1}), 0);
    }
}
