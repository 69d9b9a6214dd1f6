package org.csbench.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code scorecard_<la_code>.tsv}, the wide monthly scorecard a council publishes: tab-separated,
 * UTF-8, LF line ends, one header row then one row per {@link ScorecardRow}. Columns: {@code Ref},
 * {@code Indicator}, the months of the latest financial year to date ({@code Apr-24} ... the end month),
 * {@code Current} (end month), {@code Previous Year} (same month a year earlier), {@code Target},
 * {@code Regional Average}, {@code Statistical Neighbour Average}, {@code England Average} (see
 * {@link Comparators}), {@code Performance} (R/A/G of Current against the target, blank without one) and
 * {@code Direction of Travel} (↑ ↓ ↔ of Current against the previous month, as printed).
 */
final class WideScorecardWriter {
    static final String UP = "↑";
    static final String DOWN = "↓";
    static final String SAME = "↔";
    static final List<String> TRAILING_COLUMNS = List.of("Current", "Previous Year", "Target", "Regional Average",
            "Statistical Neighbour Average", "England Average", "Performance", "Direction of Travel");

    private WideScorecardWriter() {
    }

    static String fileName(Authority la) {
        return "scorecard_" + la.code() + ".tsv";
    }

    /** The header's fields for {@code window}. */
    static List<String> header(MonthWindow window) {
        List<String> header = new ArrayList<>(List.of("Ref", "Indicator"));
        for (int m = window.financialYearStart(); m < window.count(); m++) {
            header.add(MonthWindow.scorecardLabel(window.month(m)));
        }
        header.addAll(TRAILING_COLUMNS);
        return header;
    }

    /** Writes the scorecard of {@code series}; returns the number of indicator rows. */
    static long write(Path file, LaSeries series, List<ScorecardRow> rows, MonthWindow window,
            Comparators comparators) throws IOException {
        Authority la = series.authority();
        int end = window.count() - 1;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8))) {
            out.write(String.join("\t", header(window)));
            out.write('\n');
            for (int r = 0; r < rows.size(); r++) {
                ScorecardRow row = rows.get(r);
                List<String> fields = new ArrayList<>();
                fields.add(row.ref());
                fields.add(row.name());
                for (int m = window.financialYearStart(); m <= end; m++) {
                    fields.add(cell(row, series, m));
                }
                double current = row.value(series, end);
                fields.add(cell(row, series, end));
                fields.add(end >= 12 ? cell(row, series, end - 12) : "");
                fields.add(row.target().map(t -> t.format(row.kind())).orElse(""));
                fields.add(average(comparators.regional(la, r), row.kind()));
                fields.add(average(comparators.statisticalNeighbours(la, r), row.kind()));
                fields.add(average(comparators.england(r), row.kind()));
                fields.add(row.target().map(t -> t.rag(current)).orElse(""));
                fields.add(direction(row, current, row.value(series, end - 1)));
                out.write(String.join("\t", fields));
                out.write('\n');
            }
        }
        return rows.size();
    }

    private static String cell(ScorecardRow row, LaSeries series, int month) {
        double value = row.value(series, month);
        if (Double.isNaN(value) && row.isNotYetAvailable(series, month)) {
            return ValueText.NOT_YET_AVAILABLE;
        }
        return ValueText.scorecard(value, row.kind());
    }

    private static String average(double value, SeriesKind kind) {
        return ValueText.scorecard(value, kind);
    }

    /** Compares the values as printed, so 28.14 and 28.1 count as no change. */
    static String direction(ScorecardRow row, double current, double previous) {
        if (Double.isNaN(current) || Double.isNaN(previous)) {
            return "";
        }
        int compare = ValueText.scorecard(current, row.kind()).equals(ValueText.scorecard(previous, row.kind()))
                ? 0 : Double.compare(current, previous);
        return compare > 0 ? UP : compare < 0 ? DOWN : SAME;
    }
}
