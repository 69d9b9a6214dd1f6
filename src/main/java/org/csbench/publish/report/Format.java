package org.csbench.publish.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as the reports print them: the indicator's decimal places, thousands separated, % for percentages. */
public final class Format {
    /** What a table shows where there is no value. */
    public static final String NONE = "no value";

    private Format() {
    }

    /** {@code value} to {@code decimals} places (half up) with thousands separators; {@link #NONE} for null. */
    public static String number(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return NONE;
        }
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(BigDecimal.valueOf(value));
    }

    /** A value of {@code indicator} with its unit sign: "18.4%", "481.1", "1,234". */
    public static String value(Double value, Indicator indicator) {
        if (value == null || value.isNaN()) {
            return NONE;
        }
        return number(value, indicator.decimals()) + ("percent".equals(indicator.unit()) ? "%" : "");
    }

    /** An observation's value, or why it has none ("suppressed", "not available"). */
    public static String value(Observation observation, Indicator indicator) {
        if (observation.value() != null) {
            return value(observation.value(), indicator);
        }
        return status(observation.status());
    }

    /** Why a value is missing, in words: "c (suppressed)" for a suppressed one, as DfE marks it. */
    public static String status(String status) {
        if (status == null || "available".equals(status) || "missing".equals(status)) {
            return NONE;
        }
        return "suppressed".equals(status) ? "c (suppressed)" : status.replace('_', ' ');
    }

    /** A p-value as reports print it: "p = 0.036", or "p < 0.001" for a smaller one. */
    public static String pValue(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    /** An ordinal: 1st, 2nd, 3rd, 11th, 22nd. */
    public static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
