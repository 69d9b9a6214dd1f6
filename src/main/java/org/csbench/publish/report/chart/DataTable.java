package org.csbench.publish.report.chart;

import java.util.List;

/**
 * A table of a chart's data (or any report table): a caption, column headers, and rows whose first cell names the
 * row (a row header).
 */
public record DataTable(String caption, List<String> headers, List<List<String>> rows) {
    public DataTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("Table '" + caption + "': a row has " + row.size()
                        + " cells for " + headers.size() + " columns");
            }
        }
    }
}
