package org.csbench.signals.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags a non-missing value outside the closed valid range [min, max] of its unit of measure, e.g. a percentage
 * outside 0-100 or a negative count or rate. The range is a parameter, not inferred from the unit.
 *
 * @param min lowest valid value (may be -Infinity)
 * @param max highest valid value (may be +Infinity)
 */
public record RangeCheck(double min, double max) implements QualityCheck {

    public RangeCheck {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException(String.format("Invalid valid range: [%s, %s]", min, max));
        }
    }

    public static RangeCheck between(double min, double max) {
        return new RangeCheck(min, max);
    }

    /** [0, 100]. */
    public static RangeCheck percent() {
        return new RangeCheck(0, 100);
    }

    /** [0, +Infinity): counts and rates. */
    public static RangeCheck nonNegative() {
        return new RangeCheck(0, Double.POSITIVE_INFINITY);
    }

    @Override
    public List<QualityIssue> check(QualitySeries series) {
        List<QualityIssue> issues = new ArrayList<>();
        for (int t = 0; t < series.size(); t++) {
            double x = series.value(t);
            if (x < min || x > max) {
                double bound = x < min ? min : max;
                issues.add(new QualityIssue(t, IssueKind.OUT_OF_RANGE, x, bound, series.statuses().get(t),
                        String.format("Value %s outside the valid range [%s, %s]", x, min, max)));
            }
        }
        return issues;
    }
}
