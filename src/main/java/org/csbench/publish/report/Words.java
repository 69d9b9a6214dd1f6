package org.csbench.publish.report;

import java.util.Map;

/**
 * The words and symbols reports print for the labels of the star's codes and the detection step's signals: every
 * judgement is said in words and with a symbol, never by colour alone.
 */
public final class Words {
    private Words() {
    }

    private static final Map<String, String> VARIATION = Map.of(
            "common_cause", "common cause variation",
            "concern_high", "special cause of concern (high values)",
            "concern_low", "special cause of concern (low values)",
            "improvement_high", "special cause of improvement (high values)",
            "improvement_low", "special cause of improvement (low values)",
            "neutral_high", "special cause variation, high (neither better nor worse)",
            "neutral_low", "special cause variation, low (neither better nor worse)",
            "no_data", "too few points for an SPC chart");

    private static final Map<String, String> ASSURANCE = Map.of(
            "consistently_passing", "consistently meets the target",
            "consistently_failing", "consistently misses the target",
            "inconsistent", "may meet or miss the target (the target lies within the limits)",
            "none", "no target");

    private static final Map<String, String> TREND = Map.of(
            "improving", "improving (significant trend)",
            "deteriorating", "deteriorating (significant trend)",
            "increasing", "increasing (significant trend)",
            "decreasing", "decreasing (significant trend)",
            "no_significant_trend", "no significant trend",
            "insufficient_data", "too few points for a trend test");

    private static final Map<String, String> POINT = Map.of(
            "special_cause_neutral_high", "special cause, high (neither better nor worse)",
            "special_cause_neutral_low", "special cause, low (neither better nor worse)",
            "common_cause", "common cause",
            "special_cause_concern", "special cause of concern",
            "special_cause_improvement", "special cause of improvement",
            "special_cause_neutral", "special cause (neither better nor worse)",
            "missing", "no value");

    private static final Map<String, String> JUDGEMENT = Map.of(
            "favourable", "better than expected (outside the limits)",
            "unfavourable", "worse than expected (outside the limits)",
            "high", "higher than expected (outside the limits)",
            "low", "lower than expected (outside the limits)",
            "none", "within the limits");

    public static String variation(String code) {
        return word(VARIATION, code);
    }

    public static String assurance(String code) {
        return word(ASSURANCE, code);
    }

    public static String trend(String code) {
        return word(TREND, code);
    }

    public static String point(String code) {
        return word(POINT, code);
    }

    public static String judgement(String code) {
        return word(JUDGEMENT, code);
    }

    /** RAG with a symbol: "✓ Green", "! Amber", "✗ Red"; empty without a target. */
    public static String rag(String rag) {
        if (rag == null) {
            return "no target";
        }
        return switch (rag) {
            case "green" -> "\u2713 Green: meets target";
            case "amber" -> "! Amber: close to target";
            case "red" -> "\u2717 Red: misses target";
            default -> rag;
        };
    }

    /** A direction of travel in words, with an arrow for the movement of the value. */
    public static String direction(String direction, Double value, Double previous) {
        String arrow = value == null || previous == null ? "" : value > previous ? "\u25B2 " : value < previous
                ? "\u25BC " : "\u25B6 ";
        if (direction == null) {
            return arrow + "no earlier value";
        }
        return arrow + direction.replace('_', ' ');
    }

    /** A comparison with a comparator, in words: better, worse, similar, higher, lower. */
    public static String comparison(String comparison) {
        return comparison == null ? "" : comparison;
    }

    private static String word(Map<String, String> words, String code) {
        if (code == null) {
            return "not available";
        }
        return words.getOrDefault(code, code.replace('_', ' '));
    }
}
