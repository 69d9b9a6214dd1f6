package org.csbench.generate;

import java.util.Locale;

/** How values are written: plain in the long file, as councils print them in the wide scorecard. */
final class ValueText {
    static final String NOT_YET_AVAILABLE = "Not Yet Available";

    private ValueText() {
    }

    /** Appends {@code value} as the long file writes it: {@code 1211}, {@code 28.1}. Not NaN. */
    static void appendPlain(StringBuilder out, double value, SeriesKind kind) {
        if (kind.isCount()) {
            out.append(Math.round(value));
        } else {
            appendOneDecimal(out, value);
        }
    }

    private static void appendOneDecimal(StringBuilder out, double value) {
        long tenths = Math.round(value * 10);
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        out.append(tenths / 10).append('.').append(tenths % 10);
    }

    /** {@code value} as a scorecard prints it: {@code 1,211}, {@code 28.1%}, {@code 16.6}; NaN is blank. */
    static String scorecard(double value, SeriesKind kind) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (kind.isCount()) {
            return String.format(Locale.UK, "%,d", Math.round(value));
        }
        StringBuilder out = new StringBuilder();
        appendOneDecimal(out, value);
        if (kind == SeriesKind.PERCENT) {
            out.append('%');
        }
        return out.toString();
    }
}
