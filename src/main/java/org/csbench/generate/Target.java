package org.csbench.generate;

import java.math.BigDecimal;
import java.util.Objects;

import org.csbench.model.Errors;

/**
 * A council's target for an indicator: a single value ({@code 85%}, met at or above, or at or below) or a
 * range ({@code 20-24%}). {@link #rag} rates a value: {@code G} meets the target, {@code A} misses it by at
 * most {@value #AMBER_TOLERANCE} of the target's value (relative: 2% of 85 is 1.7 points), {@code R} otherwise.
 *
 * @param kind how the value meets it
 * @param low  the target, or the range's low end
 * @param high the target, or the range's high end
 */
public record Target(TargetKind kind, double low, double high) {
    /** Amber: within this fraction of the target's value. */
    public static final double AMBER_TOLERANCE = 0.02;

    public Target {
        Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high
                || (kind != TargetKind.BETWEEN && low != high)) {
            throw Errors.invalidArgument(String.format("Invalid target: %s %s..%s", kind, low, high));
        }
    }

    public static Target atLeast(double value) {
        return new Target(TargetKind.AT_LEAST, value, value);
    }

    public static Target atMost(double value) {
        return new Target(TargetKind.AT_MOST, value, value);
    }

    public static Target between(double low, double high) {
        return new Target(TargetKind.BETWEEN, low, high);
    }

    /** {@code G}, {@code A} or {@code R}; empty for a missing value (NaN). */
    public String rag(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        boolean belowOk = kind == TargetKind.AT_MOST || value >= low;
        boolean aboveOk = kind == TargetKind.AT_LEAST || value <= high;
        if (belowOk && aboveOk) {
            return "G";
        }
        double miss = !belowOk ? low - value : value - high;
        double bound = !belowOk ? low : high;
        return miss <= AMBER_TOLERANCE * Math.abs(bound) + 1e-9 ? "A" : "R";
    }

    /** The target as a council prints it: {@code 85%}, {@code 20-24%}, {@code 18}. */
    public String format(SeriesKind unit) {
        String suffix = unit == SeriesKind.PERCENT ? "%" : "";
        String text = kind == TargetKind.BETWEEN ? plain(low) + "-" + plain(high) : plain(low);
        return text + suffix;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
