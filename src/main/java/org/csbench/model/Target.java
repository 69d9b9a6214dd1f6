package org.csbench.model;

/**
 * A performance target: a single value ({@code 85}) or a range ({@code 20-24}). A value meets a single
 * target when it is at least as good as the target by polarity; it meets a range when it lies within it.
 *
 * @param low  the target, or the range's lower end
 * @param high the same as {@code low} for a single value, or the range's upper end
 */
public record Target(double low, double high) {
    public Target {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException(String.format("Invalid target: %s-%s", low, high));
        }
    }

    public static Target of(double value) {
        return new Target(value, value);
    }

    public boolean isRange() {
        return low != high;
    }

    /**
     * Reads {@code 85}, {@code 85%}, {@code 20-24} or {@code 20-24%}; returns null for blank text.
     *
     * @throws IllegalArgumentException when the text is neither
     */
    public static Target parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().replace("%", "").replace(",", "");
        java.util.regex.Matcher range = java.util.regex.Pattern
                .compile("^(-?\\d+(?:\\.\\d+)?)\\s*[-\u2013]\\s*(-?\\d+(?:\\.\\d+)?)$").matcher(t);
        if (range.matches()) {
            return new Target(Double.parseDouble(range.group(1)), Double.parseDouble(range.group(2)));
        }
        try {
            return of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format("Invalid target: '%s'; expected a number like 85 or a range like 20-24", text));
        }
    }

    @Override
    public String toString() {
        return isRange() ? fmt(low) + "-" + fmt(high) : fmt(low);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
