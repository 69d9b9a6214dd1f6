package org.csbench.publish.report.chart;

import java.util.List;

/**
 * A chart as the page shows it: a title, a one-sentence summary, the drawing, a legend (each entry with the line
 * style and marker shape as well as the colour), and the chart's data as a table.
 */
public record Chart(String id, String title, String summary, Svg svg, List<LegendItem> legend, DataTable table) {
    public Chart {
        legend = List.copyOf(legend);
    }

    /** A legend entry: its label, style class and marker shape. */
    public record LegendItem(String label, String css, Svg.Shape shape) {
        public String markerPath() {
            return shape == null ? "" : shape.path(20, 8, 4.5);
        }
    }
}
