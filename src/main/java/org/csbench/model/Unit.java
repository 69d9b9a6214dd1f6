package org.csbench.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The unit of an observed measure or an indicator. */
public enum Unit {
    COUNT,
    PERCENT,
    RATE_PER_10000,
    RATE_PER_100000,
    DAYS,
    WEEKS,
    RATIO,
    FTE;

    /** The lowest value a measure in this unit can take: none is negative (a count, a rate, a duration). */
    public double naturalMin() {
        return 0;
    }

    /** The highest value a measure in this unit can take: 100 for a percentage, unbounded otherwise. */
    public double naturalMax() {
        return this == PERCENT ? 100 : Double.POSITIVE_INFINITY;
    }

    /** Why a value outside {@link #naturalMin}-{@link #naturalMax} cannot be right, for the quarantine. */
    public String outOfRangeReason() {
        return this == PERCENT ? "a percentage lies between 0 and 100" : "a " + code() + " cannot be negative";
    }

    /** The name used in specs and tables, e.g. {@code rate_per_10000}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Unit> fromCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code().equalsIgnoreCase(code == null ? "" : code.trim()))
                .findFirst();
    }

    public static String allCodes() {
        return Arrays.stream(values()).map(Unit::code).collect(Collectors.joining(", "));
    }
}
