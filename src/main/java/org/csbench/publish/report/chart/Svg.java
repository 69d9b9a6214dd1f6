package org.csbench.publish.report.chart;

import java.util.List;
import java.util.Locale;

/**
 * A chart's drawing as data: what the SVG template draws, in drawing coordinates of a {@code width} by
 * {@code height} view box (the SVG itself scales to the page's width). Every text is escaped by the template.
 */
public record Svg(int width, int height, List<Line> lines, List<Rect> rects, List<Path> paths, List<Marker> markers,
        List<Label> labels) {
    public Svg {
        lines = List.copyOf(lines);
        rects = List.copyOf(rects);
        paths = List.copyOf(paths);
        markers = List.copyOf(markers);
        labels = List.copyOf(labels);
    }

    /** A straight line; {@code css} names its style (axis, grid, centre, limit ...). */
    public record Line(double x1, double y1, double x2, double y2, String css) {
        public Line {
            x1 = r(x1);
            y1 = r(y1);
            x2 = r(x2);
            y2 = r(y2);
        }
    }

    /** A rectangle (a bar or a shaded band). */
    public record Rect(double x, double y, double width, double height, String css, String title) {
        public Rect {
            x = r(x);
            y = r(y);
            width = r(width);
            height = r(height);
        }
    }

    /** A polyline through points. */
    public record Path(List<double[]> points, String css) {
        public String d() {
            StringBuilder d = new StringBuilder();
            for (double[] p : points) {
                d.append(d.length() == 0 ? "M" : " L").append(n(p[0])).append(' ').append(n(p[1]));
            }
            return d.toString();
        }
    }

    /** A data point drawn as a shape (circle, square, triangle or diamond), with its value as a tooltip. */
    public record Marker(Shape shape, double x, double y, double size, String css, String title) {
        public String d() {
            return shape.path(x, y, size);
        }
    }

    /** A text: {@code anchor} start, middle or end. */
    public record Label(double x, double y, String anchor, String text, String css) {
        public Label {
            x = r(x);
            y = r(y);
        }
    }

    /** Marker shapes: a second cue beside colour. */
    public enum Shape {
        CIRCLE, SQUARE, TRIANGLE, DIAMOND;

        String path(double x, double y, double r) {
            return switch (this) {
                case CIRCLE -> "M" + n(x - r) + " " + n(y) + " a" + n(r) + " " + n(r) + " 0 1 0 " + n(2 * r)
                        + " 0 a" + n(r) + " " + n(r) + " 0 1 0 " + n(-2 * r) + " 0Z";
                case SQUARE -> "M" + n(x - r) + " " + n(y - r) + " h" + n(2 * r) + " v" + n(2 * r) + " h" + n(-2 * r)
                        + "Z";
                case TRIANGLE -> "M" + n(x) + " " + n(y - r * 1.2) + " L" + n(x + r * 1.2) + " " + n(y + r) + " L"
                        + n(x - r * 1.2) + " " + n(y + r) + "Z";
                case DIAMOND -> "M" + n(x) + " " + n(y - r * 1.3) + " L" + n(x + r * 1.3) + " " + n(y) + " L" + n(x)
                        + " " + n(y + r * 1.3) + " L" + n(x - r * 1.3) + " " + n(y) + "Z";
            };
        }

        public String lower() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A coordinate rounded to one decimal place. */
    static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A coordinate with one decimal place. */
    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
