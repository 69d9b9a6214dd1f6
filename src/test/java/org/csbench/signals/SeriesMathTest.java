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
}
