package org.csbench.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The geographic levels of DfE statistics, as labelled in the {@code geographic_level} column. */
public enum GeographicLevel {
    NATIONAL("National"),
    REGIONAL("Regional"),
    LOCAL_AUTHORITY("Local authority");

    private final String label;

    GeographicLevel(String label) {
        this.label = label;
    }

    /** The label as published, e.g. {@code Local authority}. */
    public String label() {
        return label;
    }

    /** The value stored in tables, e.g. {@code local_authority}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GeographicLevel> fromLabel(String label) {
        String wanted = label == null ? "" : label.trim();
        return Arrays.stream(values()).filter(l -> l.label.equalsIgnoreCase(wanted)).findFirst();
    }
}
