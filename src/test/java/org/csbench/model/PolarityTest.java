package org.csbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PolarityTest {

    @Test
    void judgesDirectionByPolarity() {
        assertEquals(Judgement.FAVOURABLE, Polarity.HIGHER_IS_BETTER.judge(2.5));
        assertEquals(Judgement.UNFAVOURABLE, Polarity.HIGHER_IS_BETTER.judge(-1));
        assertEquals(Judgement.FAVOURABLE, Polarity.LOWER_IS_BETTER.judge(-0.1));
        assertEquals(Judgement.UNFAVOURABLE, Polarity.LOWER_IS_BETTER.judge(3));
        assertEquals(Judgement.HIGH, Polarity.NEUTRAL.judge(1));
        assertEquals(Judgement.LOW, Polarity.NEUTRAL.judge(-1));
        assertEquals(Judgement.NONE, Polarity.HIGHER_IS_BETTER.judge(0));
        assertEquals(Judgement.NONE, Polarity.NEUTRAL.judge(Double.NaN));
    }

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
