package org.csbench.publish.report;

import java.util.Locale;

/**
 * A catalogue indicator as the reports describe it (from {@code gold.dim_indicator}).
 *
 * @param polarity higher_is_better, lower_is_better or neutral
 * @param frequency monthly, quarterly or annual
 */
public record Indicator(String id, String name, String unit, String polarity, String frequency, int decimals) {
    public Indicator {
        if (id == null || name == null) {
            throw new IllegalArgumentException("An indicator needs an id and a name: " + id);
        }
    }

    public boolean monthly() {
        return "monthly".equals(frequency);
    }

    public boolean neutral() {
        return polarity == null || "neutral".equals(polarity);
    }

    public boolean higherIsBetter() {
        return "higher_is_better".equals(polarity);
    }

    /** The name without a trailing unit in brackets, e.g. "Re-referrals within 12 months" for "... (%)". */
    public String subject() {
        return name.replaceFirst("\\s*\\((%|FTE)\\)\\s*$", "");
    }

    /**
     * "is" or "are" for the indicator's name as the subject of a sentence: plural when the head noun (the last word
     * before the first qualifier such as "per", "within" or "in") is plural.
     */
    public String verb() {
        String head = subject().toLowerCase(Locale.ROOT);
        int cut = head.length();
        for (String qualifier : QUALIFIERS) {
            int at = head.indexOf(qualifier);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        head = head.substring(0, cut);
        String[] words = head.trim().split("\\s+");
        String last = words[words.length - 1];
        boolean plural = last.equals("children") || last.equals("people")
                || (last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us"));
        return plural ? "are" : "is";
    }

    private static final String[] QUALIFIERS = {" per ", " within ", " with ", " in ", " at ", " that ", " lasting ",
        " open ", " assessed ", " starting ", " ceasing ", " completed ", " received ", " re-referred ", " leaving ",
        " receiving ", " ("};
}
