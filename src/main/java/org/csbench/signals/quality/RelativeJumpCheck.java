package org.csbench.signals.quality;

import java.util.ArrayList;
import java.util.List;
import org.csbench.signals.SeriesMath;

/**
 * Flags a value that jumps against the unit's own recent history: |x_t - m| / |m| &gt; threshold, where m is the
 * median of the previous {@code history} non-missing values (gaps skipped). Values with fewer than {@code history}
 * earlier values are not checked. When m = 0 the relative change is infinite for any x_t &ne; 0, which is flagged.
 * Defaults: threshold 0.5 (a 50% change), history 3.
 *
 * @param threshold relative change above which a value is flagged; positive
 * @param history number of previous non-missing values whose median is the reference; at least 1
 */
public record RelativeJumpCheck(double threshold, int history) implements QualityCheck {

    public RelativeJumpCheck {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException(String.format("Invalid relative-change threshold: %s", threshold));
        }
        if (history < 1) {
            throw new IllegalArgumentException(String.format("Invalid history length: %s values", history));
        }
    }

    public static RelativeJumpCheck standard() {
        return new RelativeJumpCheck(0.5, 3);
    }

    @Override
    public List<QualityIssue> check(QualitySeries series) {
        List<QualityIssue> issues = new ArrayList<>();
        double[] recent = new double[history];
        int seen = 0;
        for (int t = 0; t < series.size(); t++) {
            double x = series.value(t);
            if (Double.isNaN(x)) {
                continue;
            }
            if (seen >= history) {
                double m = SeriesMath.median(recent);
                double change = m == 0 ? (x == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(x - m) / Math.abs(m);
                if (change > threshold) {
                    issues.add(new QualityIssue(t, IssueKind.RELATIVE_JUMP, x, m, series.statuses().get(t), String.format(
                            "Value %s differs from the median %s of the previous %d values by %.1f%%", x, m, history,
                            100 * change)));
                }
            }
            recent[seen++ % history] = x;
        }
        return issues;
    }
}
