package org.csbench.publish.export;

/**
 * Text cells made safe for spreadsheets (OWASP, CSV injection): a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be read by Excel as a formula, so it gets a leading single
 * quote. Numbers are written as numbers and never pass through here, so negative numbers stay numbers.
 */
public final class CellText {
    private CellText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
