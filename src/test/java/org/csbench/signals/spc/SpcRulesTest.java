package org.csbench.signals.spc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpcRulesTest {

    /** mean 0, mean moving range 1: limits +-2.66, inner band +-1.7733. */
    private static final XmrLimits UNIT = new XmrLimits(0, 1, -2.66, 2.66, -2.0 * 2.66 / 3, 2.0 * 2.66 / 3);

    @Test
    void trendNeedsSixStrictRises() {
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1}, SpcRules.trend(new double[] {1, 2, 3, 4, 5, 6, 7}));
        assertArrayEquals(new int[6], SpcRules.trend(new double[] {1, 2, 3, 4, 5, 6}));
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1, -1, -1, -1, 0},
                SpcRules.trend(new double[] {9, 8, 7, 6, 5, 4, 3, 2, 2}));
    }

    @Test
    void tieBreaksTrend() {
        // runs 1,2,3 (2 rises) and 3,4,5,6,7 (4 rises): neither has 6 rises
        assertArrayEquals(new int[8], SpcRules.trend(new double[] {1, 2, 3, 3, 4, 5, 6, 7}));
    }

    @Test
    void sharedPeakKeepsEarlierRunDirection() {
        int[] t = SpcRules.trend(new double[] {1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1});
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1}, t);
    }

    @Test
    void shiftNeedsSevenStrictlyOnOneSide() {
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1}, SpcRules.shift(new double[] {1, 1, 1, 1, 1, 1, 1}, 0));
        // the point on the mean splits 3 + 4
        assertArrayEquals(new int[8], SpcRules.shift(new double[] {1, 1, 1, 0, 1, 1, 1, 1}, 0));
        assertArrayEquals(new int[] {0, -1, -1, -1, -1, -1, -1, -1, 0},
                SpcRules.shift(new double[] {1, -1, -2, -1, -3, -1, -1, -2, 5}, 0));
    }

    @Test
    void twoOfThreeFlagsOnlyPointsBeyondInnerBand() {
        // 2 > 1.7733 (inner) and <= 2.66: beyond the band; window (1,2,3) holds two such points
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 0}, SpcRules.twoOfThree(new double[] {0, 2, 0, 2, 0, 0}, UNIT));
        // windows (0,1,2) and (1,2,3) each hold only one
        assertArrayEquals(new int[4], SpcRules.twoOfThree(new double[] {2, 0, 0, 2}, UNIT));
        // 3 is outside the process limits and does not count; 2 and 2 still make two of three
        assertArrayEquals(new int[] {1, 0, 1}, SpcRules.twoOfThree(new double[] {2, 3, 2}, UNIT));
        // low side
        assertArrayEquals(new int[] {-1, -1, 0}, SpcRules.twoOfThree(new double[] {-2, -2.5, 0}, UNIT));
        // opposite sides never combine
        assertArrayEquals(new int[3], SpcRules.twoOfThree(new double[] {2, -2, 0}, UNIT));
    }

    @Test
    void precedenceOutsideThenTrendThenTwoOfThreeThenShift() {
        // 1..7: all above the mean (shift) and a trend; 3..7 are outside; 2 is beyond the inner band (alone)
        SpcRules.Hit[] hits = SpcRules.label(new double[] {1, 2, 3, 4, 5, 6, 7}, UNIT);
        assertEquals(SpcRule.TREND, hits[0].rule());
        assertEquals(SpcRule.TREND, hits[1].rule());
        for (int i = 2; i < 7; i++) {
            assertEquals(SpcRule.OUTSIDE_LIMITS, hits[i].rule());
        }
        // shift of 7 above the mean; 2 and 2.5 are two of three beyond the band
        SpcRules.Hit[] h2 = SpcRules.label(new double[] {0.5, 2, 2.5, 0.5, 0.5, 0.5, 0.5}, UNIT);
        assertEquals(
                Arrays.asList(SpcRule.SHIFT, SpcRule.TWO_OF_THREE, SpcRule.TWO_OF_THREE, SpcRule.SHIFT, SpcRule.SHIFT,
                        SpcRule.SHIFT, SpcRule.SHIFT),
                Arrays.stream(h2).map(SpcRules.Hit::rule).toList());
    }
}
