package org.csbench.detect;

import java.io.Serializable;

import org.csbench.signals.quality.RelativeJumpCheck;
import org.csbench.signals.outlier.ModifiedZScore;
import org.csbench.signals.spc.XmrChart;

/**
 * The settings of the Detect stage.
 *
 * @param alpha            significance level of the Mann-Kendall trend test, in (0, 1)
 * @param jumpThreshold    relative change against the median of the previous {@code jumpHistory} values above which
 *                         a value is a data-quality anomaly (0.5 = 50%)
 * @param jumpHistory      how many previous values the jump is measured against
 * @param outlierThreshold |modified z-score| above which an authority is a cross-sectional outlier
 * @param minSegmentPoints XmR segments with fewer values get a warning
 */
public record DetectOptions(double alpha, double jumpThreshold, int jumpHistory, double outlierThreshold,
        int minSegmentPoints) implements Serializable {

    public DetectOptions {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException(String.format("Invalid trend significance level: %s; use a value "
                    + "between 0 and 1 such as 0.05", alpha));
        }
        if (!(jumpThreshold > 0) || Double.isInfinite(jumpThreshold)) {
            throw new IllegalArgumentException(String.format("Invalid relative-jump threshold: %s", jumpThreshold));
        }
        if (jumpHistory < 1) {
            throw new IllegalArgumentException(String.format("Invalid relative-jump history: %s values", jumpHistory));
        }
        if (!(outlierThreshold > 0) || Double.isInfinite(outlierThreshold)) {
            throw new IllegalArgumentException(String.format("Invalid outlier threshold: %s", outlierThreshold));
        }
        if (minSegmentPoints < 0) {
            throw new IllegalArgumentException(String.format("Invalid minimum segment length: %s points",
                    minSegmentPoints));
        }
    }

    /** alpha 0.05, jumps beyond 50% of the median of the previous 3 values, |M| &gt; 3.5, 13 points per segment. */
    public static DetectOptions defaults() {
        RelativeJumpCheck jump = RelativeJumpCheck.standard();
        return new DetectOptions(0.05, jump.threshold(), jump.history(), ModifiedZScore.DEFAULT_THRESHOLD,
                XmrChart.RECOMMENDED_POINTS);
    }

    public DetectOptions withAlpha(double newAlpha) {
        return new DetectOptions(newAlpha, jumpThreshold, jumpHistory, outlierThreshold, minSegmentPoints);
    }

    public DetectOptions withJump(double threshold, int history) {
        return new DetectOptions(alpha, threshold, history, outlierThreshold, minSegmentPoints);
    }

    public DetectOptions withOutlierThreshold(double threshold) {
        return new DetectOptions(alpha, jumpThreshold, jumpHistory, threshold, minSegmentPoints);
    }

    public DetectOptions withMinSegmentPoints(int points) {
        return new DetectOptions(alpha, jumpThreshold, jumpHistory, outlierThreshold, points);
    }
}
