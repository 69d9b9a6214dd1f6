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
