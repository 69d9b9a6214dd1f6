package org.csbench.detect;

import static org.csbench.detect.Labels.label;
import static org.csbench.detect.Labels.nullable;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.Polarity;
import org.csbench.model.Status;
import org.csbench.signals.SeriesMath;
import org.csbench.signals.quality.NewlyMissingCheck;
import org.csbench.signals.quality.QualityCheck;
import org.csbench.signals.quality.QualityIssue;
import org.csbench.signals.quality.QualitySeries;
import org.csbench.signals.quality.RangeCheck;
import org.csbench.signals.quality.RelativeJumpCheck;
import org.csbench.signals.spc.AssuranceIcon;
import org.csbench.signals.spc.PointType;
import org.csbench.signals.spc.XmrChart;
import org.csbench.signals.spc.XmrPoint;
import org.csbench.signals.spc.XmrResult;
import org.csbench.signals.trend.MannKendall;
import org.csbench.signals.trend.MannKendallResult;

/**
 * Analyses one series inside an executor: the rows of one indicator, geography and period type, in any order, in;
 * one {@link SeriesSignals#SERIES} row out.
 *
 * <p>The rows are laid on the series' calendar (months for monthly series, quarters, years otherwise), so a period
 * with no row at all is a gap: it is missing to the statistics (Sen's slope is per period, across gaps) and a new
 * gap is a data-quality anomaly, but it gets no row in {@code gold.spc_point}. A value counts when its status is
 * {@code available}.
 *
 * <p>Assurance against a target range (e.g. 20-24%) is not an XmrChart option: the process consistently passes when
 * both process limits of the last segment lie within the range, consistently fails when both lie on the same side
 * outside it, and is inconsistent otherwise. A single target is judged by {@link XmrChart} by polarity.
 */
final class SeriesAnalysis implements MapGroupsFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private static final int INDICATOR = SeriesSignals.INPUT.indexOf(Columns.INDICATOR_ID);
    private static final int PERIOD_TYPE = SeriesSignals.INPUT.indexOf(Columns.PERIOD_TYPE);
    private static final int PERIOD_END = SeriesSignals.INPUT.indexOf(Columns.PERIOD_END);
    private static final int TIME_PERIOD = SeriesSignals.INPUT.indexOf(Columns.TIME_PERIOD);
    private static final int VALUE = SeriesSignals.INPUT.indexOf(Columns.VALUE);
    private static final int STATUS = SeriesSignals.INPUT.indexOf(Columns.STATUS);
    private static final int POLARITY = SeriesSignals.INPUT.indexOf(IndicatorValues.POLARITY);
    private static final int UNIT = SeriesSignals.INPUT.indexOf(Columns.UNIT);
    private static final int LA_NAME = SeriesSignals.INPUT.indexOf(Columns.LA_NAME);
    private static final int NEW_LA_CODE = SeriesSignals.INPUT.indexOf(Columns.NEW_LA_CODE);
    private static final int REGION_CODE = SeriesSignals.INPUT.indexOf(Columns.REGION_CODE);
    private static final String AVAILABLE = Status.AVAILABLE.code();

    private final Map<String, IndicatorSignals> catalogue;
    private final DetectOptions options;

    SeriesAnalysis(Map<String, IndicatorSignals> catalogue, DetectOptions options) {
        this.catalogue = catalogue;
        this.options = options;
    }

    @Override
    public Row call(Row key, Iterator<Row> group) {
        List<Row> rows = new ArrayList<>();
        group.forEachRemaining(rows::add);
        rows.sort(Comparator.comparing(r -> r.getDate(PERIOD_END)));
        Row last = rows.get(rows.size() - 1);
        IndicatorSignals indicator = catalogue.get(last.getString(INDICATOR));
        Polarity polarity = Polarity.valueOf(last.getString(POLARITY).toUpperCase(Locale.ROOT));

        Calendar calendar = Calendar.of(rows, last.getString(PERIOD_TYPE));
        double[] values = calendar.values(rows);
        XmrChart chart = XmrChart.of(polarity).withMinSegmentPoints(options.minSegmentPoints());
        if (indicator != null && !Double.isNaN(indicator.targetLow()) && !indicator.hasTargetRange()) {
            chart = chart.withTarget(indicator.targetLow());
        }
        XmrResult xmr = chart.detect(values);
        MannKendallResult trend = MannKendall.of(polarity).withAlpha(options.alpha()).detect(values);
        List<QualityCheck> checks = new ArrayList<>(List.of(
                new RelativeJumpCheck(options.jumpThreshold(), options.jumpHistory()), new NewlyMissingCheck()));
        if (indicator != null) {
            checks.add(RangeCheck.between(indicator.validMin(), indicator.validMax()));
        }
        List<QualityIssue> issues = QualityCheck.runAll(new QualitySeries(values, calendar.markers(rows)), checks);

        XmrPoint lastPoint = xmr.points().get(xmr.points().size() - 1);
        AssuranceIcon assurance = indicator != null && indicator.hasTargetRange()
                ? rangeAssurance(lastPoint, indicator.targetLow(), indicator.targetHigh()) : xmr.assurance();
        double[] available = SeriesMath.available(values);
        int points = available.length;
        double lastValue = points == 0 ? Double.NaN : available[points - 1];
        return RowFactory.create(key.get(0), key.get(1), key.get(2), key.get(3),
                lastNonNull(rows, LA_NAME), lastNonNull(rows, NEW_LA_CODE), lastNonNull(rows, REGION_CODE),
                last.getString(UNIT), last.getString(POLARITY),
                rows.get(0).getDate(PERIOD_END), last.getDate(PERIOD_END), rows.size(), points, nullable(lastValue),
                lastPoint.segment() + 1, nullable(lastPoint.mean()), nullable(lastPoint.lowerLimit()),
                nullable(lastPoint.upperLimit()), nullable(lastPoint.lowerInner()), nullable(lastPoint.upperInner()),
                label(xmr.variation()),
                indicator == null ? null : nullable(indicator.targetLow()),
                indicator == null ? null : nullable(indicator.targetHigh()),
                label(assurance), enoughPoints(xmr), xmr.warnings().isEmpty() ? null : String.join("; ", xmr.warnings()),
                trend.n(), trend.s(), nullable(trend.varS()), nullable(trend.z()), nullable(trend.pValue()),
                nullable(trend.tauA()), nullable(trend.tauB()), nullable(trend.slope()), nullable(trend.intercept()),
                options.alpha(), label(trend.verdict()),
                chartRows(rows, calendar, xmr), anomalyRows(rows, calendar, issues));
    }

    /** One point per row of the series (gaps have none). */
    private static Row[] chartRows(List<Row> rows, Calendar calendar, XmrResult xmr) {
        Row[] out = new Row[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Row row = rows.get(i);
            XmrPoint p = xmr.points().get(calendar.index[i]);
            out[i] = RowFactory.create(row.getDate(PERIOD_END), row.getString(TIME_PERIOD), nullable(p.value()),
                    row.getString(STATUS), p.segment(), nullable(p.mean()), nullable(p.lowerLimit()),
                    nullable(p.upperLimit()), nullable(p.lowerInner()), nullable(p.upperInner()),
                    nullable(p.movingRange()), label(p.rule()), p.direction(), label(p.type()));
        }
        return out;
    }

    private static Row[] anomalyRows(List<Row> rows, Calendar calendar, List<QualityIssue> issues) {
        Row[] out = new Row[issues.size()];
        for (int i = 0; i < out.length; i++) {
            QualityIssue issue = issues.get(i);
            int at = calendar.rowAt[issue.index()];
            Row row = at < 0 ? null : rows.get(at);
            out[i] = RowFactory.create(row == null ? calendar.periodEnd(issue.index()) : row.getDate(PERIOD_END),
                    row == null ? null : row.getString(TIME_PERIOD), label(issue.kind()), nullable(issue.value()),
                    nullable(issue.reference()), row == null ? null : row.getString(STATUS), issue.message());
        }
        return out;
    }

    /** Every segment has at least the recommended number of values. */
    private boolean enoughPoints(XmrResult xmr) {
        int segments = xmr.points().get(xmr.points().size() - 1).segment() + 1;
        int[] counts = new int[segments];
        for (XmrPoint p : xmr.points()) {
            counts[p.segment()] += p.type() == PointType.MISSING ? 0 : 1;
        }
        return Arrays.stream(counts).allMatch(c -> c >= options.minSegmentPoints());
    }

    static AssuranceIcon rangeAssurance(XmrPoint limits, double low, double high) {
        if (Double.isNaN(limits.lowerLimit()) || Double.isNaN(limits.upperLimit())) {
            return AssuranceIcon.NONE;
        }
        if (limits.lowerLimit() >= low && limits.upperLimit() <= high) {
            return AssuranceIcon.CONSISTENTLY_PASSING;
        }
        return limits.upperLimit() < low || limits.lowerLimit() > high
                ? AssuranceIcon.CONSISTENTLY_FAILING : AssuranceIcon.INCONSISTENT;
    }

    private static String lastNonNull(List<Row> rows, int field) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!rows.get(i).isNullAt(field)) {
                return rows.get(i).getString(field);
            }
        }
        return null;
    }

    /**
     * Where each row of a series sits on its calendar: {@code index[i]} for the i-th row (by period end),
     * {@code rowAt[k]} the row at position k or -1 for a gap. Positions count periods from the first row's: months
     * for {@code month}, quarters for {@code quarter}, years for every other period type. Two rows that fall in the
     * same period (a period end that moved) take consecutive positions.
     */
    private record Calendar(LocalDate first, int monthsPerPeriod, int[] index, int[] rowAt) {

        static Calendar of(List<Row> rows, String periodType) {
            int step = switch (periodType) {
                case "month" -> 1;
                case "quarter" -> 3;
                default -> 12;
            };
            LocalDate first = rows.get(0).getDate(PERIOD_END).toLocalDate();
            int[] index = new int[rows.size()];
            int previous = -1;
            for (int i = 0; i < index.length; i++) {
                long months = ChronoUnit.MONTHS.between(YearMonth.from(first),
                        YearMonth.from(rows.get(i).getDate(PERIOD_END).toLocalDate()));
                index[i] = Math.max(previous + 1, (int) Math.round(months / (double) step));
                previous = index[i];
            }
            int[] rowAt = new int[previous + 1];
            Arrays.fill(rowAt, -1);
            for (int i = 0; i < index.length; i++) {
                rowAt[index[i]] = i;
            }
            return new Calendar(first, step, index, rowAt);
        }

        /** The series on the calendar; NaN for gaps and for values that are not available. */
        double[] values(List<Row> rows) {
            double[] values = new double[rowAt.length];
            Arrays.fill(values, Double.NaN);
            for (int i = 0; i < index.length; i++) {
                Row row = rows.get(i);
                if (AVAILABLE.equals(row.getString(STATUS)) && !row.isNullAt(VALUE)) {
                    values[index[i]] = row.getDouble(VALUE);
                }
            }
            return values;
        }

        /** The publisher's symbol for each position ({@code c}, {@code x} ...); "" for a number, a blank or a gap. */
        List<String> markers(List<Row> rows) {
            String[] markers = new String[rowAt.length];
            Arrays.fill(markers, "");
            for (int i = 0; i < index.length; i++) {
                markers[index[i]] = symbol(rows.get(i).getString(STATUS));
            }
            return Arrays.asList(markers);
        }

        /** The period end of position {@code k} (for a gap), month ends kept as month ends. */
        Date periodEnd(int k) {
            LocalDate end = first.plusMonths((long) k * monthsPerPeriod);
            boolean monthEnd = first.getDayOfMonth() == first.lengthOfMonth();
            return Date.valueOf(monthEnd ? end.withDayOfMonth(end.lengthOfMonth()) : end);
        }

        private static String symbol(String status) {
            for (Status s : Status.values()) {
                if (s.code().equals(status)) {
                    return s.symbol();
                }
            }
            return status == null ? "" : status;
        }
    }
}
