package org.csbench.publish.report;

import org.csbench.publish.report.AuthorityPage.Icon;

/**
 * Making Data Count's icons as the reports draw them: variation (grey common cause; orange concern, blue
 * improvement, purple neither, each with H or L for high or low values) and assurance (P passes, F fails, ? either),
 * always beside their meaning in words.
 */
public final class Icons {
    private Icons() {
    }

    public static Icon variation(String code) {
        String words = Words.variation(code);
        if (code == null || code.equals("no_data")) {
            return new Icon("icon-none", "-", words);
        }
        String letter = code.endsWith("_high") ? "H" : code.endsWith("_low") ? "L" : "~";
        String css = code.startsWith("concern") ? "icon-concern" : code.startsWith("improvement") ? "icon-improvement"
                : code.startsWith("neutral") ? "icon-neutral" : "icon-common";
        return new Icon(css, letter, words);
    }

    public static Icon assurance(String code) {
        String words = Words.assurance(code);
        return switch (code == null ? "none" : code) {
            case "consistently_passing" -> new Icon("icon-improvement", "P", words);
            case "consistently_failing" -> new Icon("icon-concern", "F", words);
            case "inconsistent" -> new Icon("icon-common", "?", words);
            default -> new Icon("icon-none", "-", words);
        };
    }
}
