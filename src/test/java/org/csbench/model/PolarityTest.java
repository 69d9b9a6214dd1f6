package org.csbench.model;

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
}
