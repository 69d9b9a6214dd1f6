package org.csbench.detect;

import java.util.Locale;

import org.csbench.contract.CodeSet;

/** How the Detect stage writes the signals' values into tables. */
final class Labels {
    private Labels() {
    }

    /** An enum constant as a label: its name in lower case ({@code SPECIAL_CAUSE_CONCERN} -> {@code special_cause_concern}). */
    static String label(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** An enum constant as its code in {@code set} (null stays null); fails for a constant the set has no label for. */
    static Byte code(CodeSet set, Enum<?> value) {
        return value == null ? null : set.code(label(value));
    }

    /** NaN (the signals' "missing") as null. */
    static Double nullable(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
