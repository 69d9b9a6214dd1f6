package org.csbench.generate;

/** RFC 4180 quoting for the long file's text fields. */
final class Csv {
    private Csv() {
    }

    /** {@code text} as a CSV field: quoted (inner quotes doubled) if it holds a comma, a quote or a line break. */
    static String field(String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
