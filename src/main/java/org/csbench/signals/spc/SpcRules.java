package org.csbench.signals.spc;

/**
 * The four special-cause rules, evaluated on the consecutive non-missing values of one segment.
 *
 * <p>Each rule yields a direction per point (+1 high/upwards, -1 low/downwards, 0 not triggered); {@link #label}
 * then keeps one rule per point by the precedence outside &gt; trend &gt; two-of-three &gt; shift.
 */
final class SpcRules {

    static final int RUN = 7;

    private SpcRules() {}

    /** The rule and direction for one point. */
    record Hit(SpcRule rule, int direction) {
        static final Hit NONE = new Hit(SpcRule.NONE, 0);
    }

    static Hit[] label(double[] v, XmrLimits limits) {
        int[] outside = outside(v, limits);
        int[] trend = trend(v);
        int[] twoOfThree = twoOfThree(v, limits);
        int[] shift = shift(v, limits.mean());
        Hit[] hits = new Hit[v.length];
        for (int i = 0; i < v.length; i++) {
            hits[i] = outside[i] != 0 ? new Hit(SpcRule.OUTSIDE_LIMITS, outside[i])
                    : trend[i] != 0 ? new Hit(SpcRule.TREND, trend[i])
                    : twoOfThree[i] != 0 ? new Hit(SpcRule.TWO_OF_THREE, twoOfThree[i])
                    : shift[i] != 0 ? new Hit(SpcRule.SHIFT, shift[i])
                    : Hit.NONE;
        }
        return hits;
    }

    /** Rule (a): strictly above the upper or below the lower process limit. */
    static int[] outside(double[] v, XmrLimits limits) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] > limits.upperLimit() ? 1 : v[i] < limits.lowerLimit() ? -1 : 0;
        }
        return out;
    }

    /**
     * Rule (b): 7 or more points forming 6+ consecutive strict increases (or decreases); a tie ends the run. A peak or
     * trough shared by an increasing and a decreasing run keeps the direction of the earlier run.
     */
    static int[] trend(double[] v) {
        int[] out = new int[v.length];
        int start = 0;
        while (start < v.length - 1) {
            int dir = (int) Math.signum(v[start + 1] - v[start]);
            int end = start + 1;
            while (end < v.length - 1 && dir != 0 && (int) Math.signum(v[end + 1] - v[end]) == dir) {
                end++;
            }
            if (dir != 0 && end - start + 1 >= RUN) {
                for (int i = start; i <= end; i++) {
                    out[i] = out[i] == 0 ? dir : out[i];
                }
            }
            start = end;
        }
        return out;
    }

    /**
     * Rule (c): 7 or more consecutive points strictly on one side of the mean; a point on the mean ends the run.
     */
    static int[] shift(double[] v, double mean) {
        int[] out = new int[v.length];
        int start = 0;
        while (start < v.length) {
            int side = (int) Math.signum(v[start] - mean);
            int end = start;
            while (end + 1 < v.length && (int) Math.signum(v[end + 1] - mean) == side) {
                end++;
            }
            if (side != 0 && end - start + 1 >= RUN) {
                java.util.Arrays.fill(out, start, end + 1, side);
            }
            start = end + 1;
        }
        return out;
    }

    /**
     * Rule (d): within any 3 consecutive points, 2 or more beyond the inner band on the same side of the mean (points
     * outside the process limits do not count); only those points are flagged.
     */
    static int[] twoOfThree(double[] v, XmrLimits limits) {
        int[] close = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            close[i] = v[i] > limits.upperInner() && v[i] <= limits.upperLimit() ? 1
                    : v[i] < limits.lowerInner() && v[i] >= limits.lowerLimit() ? -1 : 0;
        }
        int[] out = new int[v.length];
        for (int i = 0; i + 2 < v.length; i++) {
            for (int side : new int[] {1, -1}) {
                int count = 0;
                for (int k = i; k < i + 3; k++) {
                    count += close[k] == side ? 1 : 0;
                }
                for (int k = i; count >= 2 && k < i + 3; k++) {
                    out[k] = close[k] == side ? side : out[k];
                }
            }
        }
        return out;
    }
}
