package org.csbench.signals.spc;

import java.io.Serializable;
import java.util.Arrays;
import org.csbench.signals.SeriesMath;

/**
 * Centre line and limits of one XmR segment, computed from its baseline points.
 *
 * <p>Mean of the baseline; moving ranges |y_i - y_(i-1)| between consecutive baseline points; process limits
 * mean &plusmn; 2.66 &times; mean moving range; inner (2-sigma) band mean &plusmn; (2/3 &times; 2.66) &times; mean
 * moving range. With {@link Screening#SCREEN_MOVING_RANGES} moving ranges &ge; 3.267 &times; the mean moving range
 * are dropped and the mean recomputed once (skipped when the mean moving range is 0, which would drop everything).
 * Limits are NaN when the baseline has fewer than two points.
 *
 * @param mean centre line
 * @param meanMovingRange the (screened) mean moving range
 */
public record XmrLimits(double mean, double meanMovingRange, double lowerLimit, double upperLimit,
        double lowerInner, double upperInner) implements Serializable {

    /** Process-limit constant: 3 / d2 with d2 = 1.128 for subgroups of two. */
    public static final double LIMIT = 2.66;
    /** Inner band constant: two thirds of {@link #LIMIT}. */
    public static final double INNER = 2.0 * LIMIT / 3.0;
    /** Moving-range screening constant (D4 for subgroups of two). */
    public static final double SCREEN = 3.267;

    /** Limits from the baseline values (no NaN), in time order. */
    public static XmrLimits fromBaseline(double[] baseline, Screening screening) {
        double mean = SeriesMath.mean(baseline);
        double[] ranges = new double[Math.max(0, baseline.length - 1)];
        for (int i = 1; i < baseline.length; i++) {
            ranges[i - 1] = Math.abs(baseline[i] - baseline[i - 1]);
        }
        double amr = SeriesMath.mean(ranges);
        if (screening == Screening.SCREEN_MOVING_RANGES && amr > 0) {
            double cut = SCREEN * amr;
            amr = SeriesMath.mean(Arrays.stream(ranges).filter(r -> r < cut).toArray());
        }
        return new XmrLimits(mean, amr, mean - LIMIT * amr, mean + LIMIT * amr, mean - INNER * amr, mean + INNER * amr);
    }
}
