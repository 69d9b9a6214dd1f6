package org.csbench.detect;

import java.util.Locale;

/** How the Detect stage writes the signals' values into tables. */
final class Labels {
    private Labels() {
    }

    /** An enum constant as stored in tables: its name in lower case ({@code SPECIAL_CAUSE_CONCERN} -> {@code special_cause_concern}). */
    static String label(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** NaN (the signals' "missing") as null. */
    static Double nullable(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
