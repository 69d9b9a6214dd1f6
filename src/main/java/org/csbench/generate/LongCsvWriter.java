package org.csbench.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@value #FILE}: one row per LA x indicator x month, header {@value #HEADER}, UTF-8, LF line ends,
 * RFC 4180 quoting. Values as published: counts whole, ratios and percentages with 1 decimal place, blank
 * or {@code Not Yet Available} where the cell has no value.
 */
final class LongCsvWriter implements Closeable {
    static final String FILE = "monthly_long.csv";
    static final String HEADER = "la_code,la_name,region_code,ref,indicator,month,value";
    private static final int BUFFER = 1 << 20;

    private final Writer writer;
    private final String[] monthLabels;
    private final StringBuilder buffer = new StringBuilder(1 << 16);
    private long rows;
    private long blankCells;
    private long pendingCells;

    LongCsvWriter(Path file, MonthWindow window) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                BUFFER);
        this.monthLabels = new String[window.count()];
        for (int m = 0; m < monthLabels.length; m++) {
            monthLabels[m] = ',' + MonthWindow.isoLabel(window.month(m)) + ',';
        }
        writer.write(HEADER);
        writer.write('\n');
    }

    /** Writes every indicator and month of one LA. */
    void write(LaSeries series) throws IOException {
        Authority la = series.authority();
        String laPart = Csv.field(la.code()) + ',' + Csv.field(la.name()) + ',' + Csv.field(la.regionCode()) + ',';
        List<IndicatorDef> indicators = series.indicators();
        int months = series.months();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorDef indicator = indicators.get(i);
            String prefix = laPart + Csv.field(indicator.ref()) + ',' + Csv.field(indicator.name());
            SeriesKind kind = indicator.kind();
            buffer.setLength(0);
            for (int m = 0; m < months; m++) {
                buffer.append(prefix).append(monthLabels[m]);
                double value = series.value(i, m);
                if (!Double.isNaN(value)) {
                    ValueText.appendPlain(buffer, value, kind);
                } else if (series.isNotYetAvailable(i, m)) {
                    buffer.append(ValueText.NOT_YET_AVAILABLE);
                    pendingCells++;
                } else {
                    blankCells++;
                }
                buffer.append('\n');
            }
            writer.append(buffer);
            rows += months;
        }
    }

    long rows() {
        return rows;
    }

    long blankCells() {
        return blankCells;
    }

    long pendingCells() {
        return pendingCells;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
