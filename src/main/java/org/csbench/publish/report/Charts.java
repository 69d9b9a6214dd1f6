package org.csbench.publish.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import org.csbench.publish.report.chart.Chart;
import org.csbench.publish.report.chart.DataTable;
import org.csbench.publish.report.chart.LinearScale;
import org.csbench.publish.report.chart.Svg;
import org.csbench.publish.report.chart.Svg.Shape;

/**
 * The report's charts as chart models: a trend chart (the authority against its neighbours, region and England over
 * the periods), a focus chart (the authority among its neighbours in the latest period, with England's quartiles),
 * an SPC chart of a monthly series, and the authority's place in the latest funnel plot. Each comes with its data
 * as a table and a one-sentence summary. Geometry only: the SVG is written by the template.
 */
public final class Charts {
    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    static final double LEFT = 64;
    static final double RIGHT = 16;
    static final double TOP = 16;
    static final double BOTTOM = 44;
    private static final int MAX_X_LABELS = 8;
    private static final double MARK_ROW = 15;

    private Charts() {
    }

    /** One line of a trend chart: its name, style and shape, and how to read its value from an observation. */
    private record Line(String name, String css, Shape shape, Function<Observation, Double> value) {
    }

    /** The trend chart, or null when the series has no value at all. */
    public static Chart trend(String id, String authority, Indicator indicator, List<Observation> series) {
        List<Line> lines = List.of(
                new Line(authority, "s-self", Shape.CIRCLE, Observation::value),
                new Line("Statistical neighbours' average", "s-sn", Shape.SQUARE, Observation::snAverage),
                new Line("Region", "s-region", Shape.TRIANGLE, Observation::region),
                new Line("England", "s-england", Shape.DIAMOND, Observation::england));
        List<Double> all = series.stream().flatMap(o -> lines.stream().map(l -> l.value().apply(o)))
                .filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        LinearScale y = LinearScale.nice(min(all), max(all), HEIGHT - BOTTOM, TOP, 5);
        Frame frame = new Frame(y, series.size(), indicator);
        List<String> xLabels = series.stream().map(Observation::label).toList();
        frame.xAxis(xLabels);
        for (Line line : lines) {
            List<Double> values = series.stream().map(line.value()).toList();
            frame.series(values, line.css(), line.shape(), line.name(), xLabels);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Observation o : series) {
            rows.add(List.of(o.label(), Format.value(o, indicator), Format.value(o.snAverage(), indicator),
                    Format.value(o.region(), indicator), Format.value(o.england(), indicator)));
        }
        DataTable table = new DataTable(indicator.name() + ": " + authority + " and its comparators by period",
                List.of("Period", authority, "Statistical neighbours' average", "Region", "England"), rows);
        List<Chart.LegendItem> legend = lines.stream()
                .map(l -> new Chart.LegendItem(l.name(), l.css(), l.shape())).toList();
        return new Chart(id, "Trend: " + indicator.name(), trendSummary(authority, indicator, series), frame.svg(),
                legend, table);
    }

    static String trendSummary(String authority, Indicator indicator, List<Observation> series) {
        List<Observation> usable = series.stream().filter(o -> o.value() != null).toList();
        if (usable.isEmpty()) {
            return authority + " has no value for " + indicator.name() + " in these periods.";
        }
        Observation first = usable.get(0);
        Observation last = usable.get(usable.size() - 1);
        StringBuilder s = new StringBuilder(authority).append(": ");
        if (usable.size() == 1) {
            s.append(Format.value(last.value(), indicator)).append(" in ").append(last.label());
        } else {
            s.append("from ").append(Format.value(first.value(), indicator)).append(" in ").append(first.label())
                    .append(" to ").append(Format.value(last.value(), indicator)).append(" in ").append(last.label());
        }
        List<String> comparators = new ArrayList<>();
        if (last.snAverage() != null) {
            comparators.add("statistical neighbours " + Format.value(last.snAverage(), indicator));
        }
        if (last.region() != null) {
            comparators.add("region " + Format.value(last.region(), indicator));
        }
        if (last.england() != null) {
            comparators.add("England " + Format.value(last.england(), indicator));
        }
        if (!comparators.isEmpty()) {
            s.append("; in ").append(last.label()).append(": ").append(String.join(", ", comparators));
        }
        return s.append('.').toString();
    }

    /**
     * The focus chart: the authority and its statistical neighbours in the latest period as bars, highest first,
     * with the neighbours' average and England's quartiles of all authorities marked. Null without values.
     */
    public static Chart focus(String id, String authority, Indicator indicator, Observation latest,
            List<NeighbourValue> neighbours) {
        record Bar(String name, Double value, boolean self) {
        }
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar(authority, latest.value(), true));
        neighbours.forEach(n -> bars.add(new Bar(n.name(), n.value(), false)));
        bars.sort(Comparator.comparing((Bar b) -> b.value() == null).thenComparing(b -> b.value() == null ? 0
                : -b.value()));
        List<Double> all = Stream.concat(bars.stream().map(Bar::value), Stream.of(latest.q25(), latest.q75(),
                latest.snAverage())).filter(Objects::nonNull).toList();
        if (latest.value() == null || all.isEmpty()) {
            return null;
        }
        double rowHeight = 24;
        double labelWidth = 200;
        long marks = Stream.of(latest.snAverage(), latest.q25(), latest.q50(), latest.q75()).filter(Objects::nonNull)
                .count();
        double plotTop = TOP + MARK_ROW * marks + 4;
        double plotBottom = plotTop + rowHeight * bars.size();
        int height = (int) (plotBottom + BOTTOM);
        double low = Math.min(0, min(all));
        LinearScale x = LinearScale.nice(low, max(all), labelWidth, WIDTH - RIGHT - 8, 5);
        List<Svg.Line> lines = new ArrayList<>();
        List<Svg.Rect> rects = new ArrayList<>();
        List<Svg.Label> labels = new ArrayList<>();
        for (double t : x.ticks()) {
            double px = x.map(t);
            lines.add(new Svg.Line(px, plotTop, px, plotBottom, "grid"));
            labels.add(new Svg.Label(px, plotBottom + 16, "middle", Format.number(t, x.tickDecimals()), "tick"));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = plotTop + i * rowHeight + 4;
            String name = bar.self() ? bar.name() + " (this authority)" : bar.name();
            labels.add(new Svg.Label(labelWidth - 6, top + rowHeight / 2, "end", name, bar.self() ? "name self"
                    : "name"));
            if (bar.value() != null) {
                double x0 = x.map(Math.max(low, 0));
                double x1 = x.map(bar.value());
                rects.add(new Svg.Rect(Math.min(x0, x1), top, Math.abs(x1 - x0), rowHeight - 8, bar.self()
                        ? "bar-self" : "bar-other", bar.name() + ": " + Format.value(bar.value(), indicator)));
                labels.add(new Svg.Label(Math.max(x0, x1) + 4, top + rowHeight / 2, "start",
                        Format.value(bar.value(), indicator), "value"));
            } else {
                labels.add(new Svg.Label(x.map(Math.max(low, 0)) + 4, top + rowHeight / 2, "start", Format.NONE,
                        "value"));
            }
        }
        List<Chart.LegendItem> legend = new ArrayList<>(List.of(
                new Chart.LegendItem(authority + " (this authority)", "bar-self", Shape.SQUARE),
                new Chart.LegendItem("Statistical neighbour", "bar-other", Shape.SQUARE)));
        int row = 0;
        row += markValue(lines, labels, x, latest.snAverage(), row, plotBottom, "sn-line", "Neighbours' average");
        row += markValue(lines, labels, x, latest.q25(), row, plotBottom, "quartile", "England Q1");
        row += markValue(lines, labels, x, latest.q50(), row, plotBottom, "quartile", "England median");
        markValue(lines, labels, x, latest.q75(), row, plotBottom, "quartile", "England Q3");
        if (latest.snAverage() != null) {
            legend.add(new Chart.LegendItem("Statistical neighbours' average (dashed line)", "sn-line", null));
        }
        if (latest.q50() != null) {
            legend.add(new Chart.LegendItem("England's quartiles of all authorities: Q1, median, Q3 (dotted lines)",
                    "quartile", null));
        }
        lines.add(new Svg.Line(labelWidth, plotTop, labelWidth, plotBottom, "axis"));
        Svg svg = new Svg(WIDTH, height, lines, rects, List.of(), List.of(), labels);

        List<List<String>> rows = new ArrayList<>();
        int position = 0;
        for (Bar bar : bars) {
            position++;
            rows.add(List.of(bar.self() ? bar.name() + " (this authority)" : bar.name(),
                    Format.value(bar.value(), indicator), bar.value() == null ? "" : Format.ordinal(position)));
        }
        DataTable table = new DataTable(indicator.name() + ", " + latest.label() + ": " + authority
                + " and its statistical neighbours, highest first", List.of("Authority", "Value",
                "Position (highest first)"), rows);
        return new Chart(id, "Among its statistical neighbours, " + latest.label(),
                focusSummary(authority, indicator, latest, bars.stream().filter(b -> b.value() != null).toList()
                        .indexOf(bars.stream().filter(Bar::self).findFirst().orElseThrow()) + 1,
                        (int) bars.stream().filter(b -> b.value() != null).count()), svg, legend, table);
    }

    static String focusSummary(String authority, Indicator indicator, Observation latest, int position, int of) {
        StringBuilder s = new StringBuilder("In ").append(latest.label()).append(", ").append(authority)
                .append("'s ").append(Format.value(latest.value(), indicator)).append(" is the ")
                .append(Format.ordinal(position)).append(" highest of ").append(of)
                .append(" (the authority and its statistical neighbours with a value)");
        if (latest.band() != null) {
            s.append(", in quartile band ").append(latest.band()).append(" of all authorities (A is the best "
                    + "quarter)");
        }
        return s.append('.').toString();
    }

    /** A vertical line at {@code value}, labelled in its own row above the plot; 1 if drawn, else 0. */
    private static int markValue(List<Svg.Line> lines, List<Svg.Label> labels, LinearScale x, Double value, int row,
            double bottom, String css, String text) {
        if (value == null) {
            return 0;
        }
        double px = x.map(value);
        double y = TOP + MARK_ROW * row + 10;
        lines.add(new Svg.Line(px, y + 3, px, bottom, css));
        String anchor = px > WIDTH - 120 ? "end" : px < 260 ? "start" : "middle";
        labels.add(new Svg.Label(anchor.equals("start") ? px + 3 : anchor.equals("end") ? px - 3 : px, y, anchor,
                text, "mark"));
        return 1;
    }

    /** The SPC (XmR) chart of a monthly series, or null without points. */
    public static Chart spc(String id, String authority, Indicator indicator, List<Signals.SpcPoint> points,
            java.util.function.Function<java.time.LocalDate, String> monthLabel) {
        List<Double> all = points.stream().flatMap(p -> Stream.of(p.value(), p.lower(), p.upper(), p.centre()))
                .filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        LinearScale y = LinearScale.nice(min(all), max(all), HEIGHT - BOTTOM, TOP, 5);
        Frame frame = new Frame(y, points.size(), indicator);
        List<String> xLabels = points.stream().map(p -> monthLabel.apply(p.end())).toList();
        frame.xAxis(xLabels);
        frame.steps(points.stream().map(Signals.SpcPoint::upper).toList(), "limit");
        frame.steps(points.stream().map(Signals.SpcPoint::lower).toList(), "limit");
        frame.steps(points.stream().map(Signals.SpcPoint::centre).toList(), "centre");
        frame.series(points.stream().map(Signals.SpcPoint::value).toList(), "s-spc", null, authority, xLabels);
        List<List<String>> rows = new ArrayList<>();
        int special = 0;
        for (int i = 0; i < points.size(); i++) {
            Signals.SpcPoint p = points.get(i);
            String type = p.pointType() == null ? "common_cause" : p.pointType();
            if (p.value() != null) {
                String kind = type.contains("concern") ? "special-cause-concern" : type.contains("improvement")
                        ? "special-cause-improvement" : type.contains("neutral") ? "special-cause-neutral"
                        : "common-cause";
                Shape shape = kind.endsWith("concern") ? Shape.DIAMOND : kind.endsWith("improvement") ? Shape.SQUARE
                        : kind.endsWith("neutral") ? Shape.TRIANGLE : Shape.CIRCLE;
                frame.marker(i, p.value(), shape, "pt-" + kind, xLabels.get(i) + ": "
                        + Format.value(p.value(), indicator) + ", " + Words.point(type));
            }
            if (type.startsWith("special_cause")) {
                special++;
            }
            rows.add(List.of(xLabels.get(i), Format.value(p.value(), indicator), Format.value(p.centre(), indicator),
                    Format.value(p.lower(), indicator), Format.value(p.upper(), indicator),
                    Words.point(type) + (p.rule() == null || p.rule().isEmpty() ? "" : " (" + p.rule().replace('_',
                            ' ') + ")")));
        }
        List<Chart.LegendItem> legend = List.of(
                new Chart.LegendItem("Monthly value", "s-spc", null),
                new Chart.LegendItem("Mean (centre line)", "centre", null),
                new Chart.LegendItem("Process limits (dashed)", "limit", null),
                new Chart.LegendItem("Common cause", "pt-common-cause", Shape.CIRCLE),
                new Chart.LegendItem("Special cause of concern", "pt-special-cause-concern", Shape.DIAMOND),
                new Chart.LegendItem("Special cause of improvement", "pt-special-cause-improvement", Shape.SQUARE),
                new Chart.LegendItem("Special cause, neither better nor worse", "pt-special-cause-neutral",
                        Shape.TRIANGLE));
        DataTable table = new DataTable(indicator.name() + ": " + authority + "'s SPC chart by month",
                List.of("Month", "Value", "Mean", "Lower limit", "Upper limit", "Point"), rows);
        Signals.SpcPoint last = points.get(points.size() - 1);
        String summary = String.format("Of %d months, %d %s special cause variation; the latest, %s, is %s against a "
                + "mean of %s (limits %s to %s).", points.size(), special, special == 1 ? "shows" : "show",
                xLabels.get(points.size() - 1), Format.value(last.value(), indicator),
                Format.value(last.centre(), indicator), Format.value(last.lower(), indicator),
                Format.value(last.upper(), indicator));
        return new Chart(id, "SPC chart: " + indicator.name(), summary, frame.svg(), legend, table);
    }

    /**
     * The authority's place in the latest funnel plot: a scale with the 99.8% and 95% limits at its denominator as
     * bands, the pooled value as a line and its value as a marker.
     */
    public static Chart funnel(String id, String authority, Indicator indicator, Signals.Funnel funnel,
            String periodLabel) {
        List<Double> all = Stream.of(funnel.value(), funnel.centre(), funnel.lower998(), funnel.upper998(),
                funnel.lower95(), funnel.upper95()).filter(Objects::nonNull).toList();
        int height = 110;
        LinearScale x = LinearScale.nice(min(all), max(all), LEFT, WIDTH - RIGHT - 8, 5);
        List<Svg.Line> lines = new ArrayList<>();
        List<Svg.Rect> rects = new ArrayList<>();
        List<Svg.Label> labels = new ArrayList<>();
        double top = 30;
        double bottom = 66;
        band(rects, x, funnel.lower998(), funnel.upper998(), top, bottom, "band-998", "99.8% limits");
        band(rects, x, funnel.lower95(), funnel.upper95(), top + 8, bottom - 8, "band-95", "95% limits");
        for (double t : x.ticks()) {
            labels.add(new Svg.Label(x.map(t), bottom + 20, "middle", Format.number(t, x.tickDecimals()), "tick"));
            lines.add(new Svg.Line(x.map(t), bottom, x.map(t), bottom + 5, "axis"));
        }
        lines.add(new Svg.Line(LEFT, bottom, WIDTH - RIGHT - 8, bottom, "axis"));
        if (funnel.centre() != null) {
            lines.add(new Svg.Line(x.map(funnel.centre()), top - 6, x.map(funnel.centre()), bottom, "centre"));
            labels.add(new Svg.Label(x.map(funnel.centre()), top - 10, "middle", "Average "
                    + Format.value(funnel.centre(), indicator), "mark"));
        }
        List<Svg.Marker> markers = List.of(new Svg.Marker(Shape.DIAMOND, x.map(funnel.value()), (top + bottom) / 2,
                7, "s-self", authority + ": " + Format.value(funnel.value(), indicator)));
        Svg svg = new Svg(WIDTH, height, lines, rects, List.of(), markers, labels);
        List<Chart.LegendItem> legend = List.of(
                new Chart.LegendItem(authority, "s-self", Shape.DIAMOND),
                new Chart.LegendItem("95% limits (inner band)", "band-95", Shape.SQUARE),
                new Chart.LegendItem("99.8% limits (outer band)", "band-998", Shape.SQUARE),
                new Chart.LegendItem("Average of all authorities (line)", "centre", null));
        DataTable table = new DataTable(indicator.name() + ", " + periodLabel + ": " + authority
                + "'s place in the funnel plot", List.of("Measure", "Value"), List.of(
                List.of(authority, Format.value(funnel.value(), indicator)),
                List.of("Average of all authorities", Format.value(funnel.centre(), indicator)),
                List.of("95% limits", Format.value(funnel.lower95(), indicator) + " to "
                        + Format.value(funnel.upper95(), indicator)),
                List.of("99.8% limits", Format.value(funnel.lower998(), indicator) + " to "
                        + Format.value(funnel.upper998(), indicator)),
                List.of("Judgement (99.8%)", Words.judgement(funnel.judgement998())),
                List.of("Judgement (95%)", Words.judgement(funnel.judgement95()))));
        String summary = String.format("In %s, %s's %s is %s at 99.8%% and %s at 95%%, against an average of %s.",
                periodLabel, authority, Format.value(funnel.value(), indicator),
                Words.judgement(funnel.judgement998()), Words.judgement(funnel.judgement95()),
                Format.value(funnel.centre(), indicator));
        return new Chart(id, "Funnel plot position, " + periodLabel, summary, svg, legend, table);
    }

    private static void band(List<Svg.Rect> rects, LinearScale x, Double low, Double high, double top, double bottom,
            String css, String title) {
        if (low == null || high == null) {
            return;
        }
        double x0 = x.map(low);
        double x1 = x.map(high);
        rects.add(new Svg.Rect(x0, top, x1 - x0, bottom - top, css, title));
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /**
     * A chart with a value axis on the left and evenly spaced periods along the bottom: gridlines, ticks, lines broken
     * where a value is missing, markers.
     */
    static final class Frame {
        private final LinearScale y;
        private final int count;
        private final Indicator indicator;
        private final List<Svg.Line> lines = new ArrayList<>();
        private final List<Svg.Path> paths = new ArrayList<>();
        private final List<Svg.Marker> markers = new ArrayList<>();
        private final List<Svg.Label> labels = new ArrayList<>();

        Frame(LinearScale y, int count, Indicator indicator) {
            this.y = y;
            this.count = count;
            this.indicator = indicator;
            for (double t : y.ticks()) {
                double py = y.map(t);
                lines.add(new Svg.Line(LEFT, py, WIDTH - RIGHT, py, "grid"));
                labels.add(new Svg.Label(LEFT - 6, py + 4, "end", Format.number(t, y.tickDecimals()), "tick"));
            }
            lines.add(new Svg.Line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "axis"));
            lines.add(new Svg.Line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "axis"));
        }

        /** The x coordinate of period {@code i} of {@code count}, evenly spaced in the plot's width. */
        double x(int i) {
            double width = WIDTH - RIGHT - LEFT;
            return LEFT + (i + 0.5) * width / count;
        }

        void xAxis(List<String> periodLabels) {
            int every = (int) Math.ceil(count / (double) MAX_X_LABELS);
            for (int i = 0; i < count; i++) {
                if ((count - 1 - i) % every == 0) {
                    labels.add(new Svg.Label(x(i), HEIGHT - BOTTOM + 18, "middle", periodLabels.get(i), "tick"));
                    lines.add(new Svg.Line(x(i), HEIGHT - BOTTOM, x(i), HEIGHT - BOTTOM + 5, "axis"));
                }
            }
        }

        /** A line through the values (broken at a missing one), with a marker on each value. */
        void series(List<Double> values, String css, Shape shape, String name, List<String> periodLabels) {
            brokenLine(values, css, (i, v) -> List.of(new double[] {x(i), y.map(v)}));
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null && shape != null) {
                    marker(i, values.get(i), shape, css, name + ", " + periodLabels.get(i) + ": "
                            + Format.value(values.get(i), indicator));
                }
            }
        }

        /** A stepped line for a value that holds over periods (SPC limits, recalculated by segment). */
        void steps(List<Double> values, String css) {
            double half = (WIDTH - RIGHT - LEFT) / count / 2;
            brokenLine(values, css, (i, v) -> List.of(new double[] {x(i) - half, y.map(v)},
                    new double[] {x(i) + half, y.map(v)}));
        }

        /** Joins the points of each value into a path, a new path after each missing value. */
        private void brokenLine(List<Double> values, String css,
                java.util.function.BiFunction<Integer, Double, List<double[]>> points) {
            List<double[]> run = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Double v = values.get(i);
                if (v == null) {
                    flush(run, css);
                    run = new ArrayList<>();
                } else {
                    run.addAll(points.apply(i, v));
                }
            }
            flush(run, css);
        }

        void marker(int i, double value, Shape shape, String css, String title) {
            markers.add(new Svg.Marker(shape, x(i), y.map(value), 4.5, css, title));
        }

        private void flush(List<double[]> run, String css) {
            if (run.size() > 1) {
                paths.add(new Svg.Path(run, css));
            }
        }

        Svg svg() {
            return new Svg(WIDTH, HEIGHT, lines, List.of(), paths, markers, labels);
        }
    }
}
