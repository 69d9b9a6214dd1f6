package org.csbench.detect;

import static org.csbench.detect.Labels.code;
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

import org.csbench.contract.CodeSet;
import org.csbench.contract.Star.FactDataQuality;
import org.csbench.contract.Star.FactSeriesSignal;
import org.csbench.contract.Star.FactSignal;
import org.csbench.metrics.Geography;

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
import org.csbench.signals.trend.TrendVerdict;

/**
 * Analyses one series inside an executor: the rows of one indicator, geography and period type, in any order, in;
 * one {@link SeriesSignals#SERIES} row out.
 *
 * <p>The rows are laid on the series' calendar (months for monthly series, quarters, years otherwise), so a period
 * with no row at all is a gap: it is missing to the statistics (Sen's slope is per period, across gaps) and a new
 * gap is a data-quality anomaly, but it gets no chart point in {@code gold.fact_signal}. A value counts when its status is
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
    private static final int VALUE = SeriesSignals.INPUT.indexOf(Columns.VALUE);
    private static final int STATUS = SeriesSignals.INPUT.indexOf(Columns.STATUS);
    private static final int POLARITY = SeriesSignals.INPUT.indexOf(IndicatorValues.POLARITY);
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
        TrendVerdict verdict = trend.verdict();
        return SeriesSignals.SERIES.row()
                .set(Columns.INDICATOR_ID, key.get(0))
                .set(Columns.GEOGRAPHIC_LEVEL, key.get(1))
                .set(Geography.GEO_KEY, key.get(2))
                .set(Columns.PERIOD_TYPE, key.get(3))
                .set(SeriesSignals.FIRST_PERIOD_END, rows.get(0).getDate(PERIOD_END))
                .set(SeriesSignals.LAST_PERIOD_END, last.getDate(PERIOD_END))
                .set(FactSeriesSignal.PERIODS, rows.size())
                .set(FactSeriesSignal.POINTS, points)
                .set(FactSeriesSignal.LAST_VALUE, nullable(lastValue))
                .set(FactSeriesSignal.SEGMENTS, lastPoint.segment() + 1)
                .set(FactSeriesSignal.CENTRE_LINE, nullable(lastPoint.mean()))
                .set(FactSeriesSignal.LOWER_LIMIT, nullable(lastPoint.lowerLimit()))
                .set(FactSeriesSignal.UPPER_LIMIT, nullable(lastPoint.upperLimit()))
                .set(FactSeriesSignal.LOWER_INNER, nullable(lastPoint.lowerInner()))
                .set(FactSeriesSignal.UPPER_INNER, nullable(lastPoint.upperInner()))
                .set(FactSeriesSignal.VARIATION, code(CodeSet.VARIATION_ICON, xmr.variation()))
                .set(FactSeriesSignal.ASSURANCE, code(CodeSet.ASSURANCE_ICON, assurance))
                .set(FactSeriesSignal.ENOUGH_POINTS, enoughPoints(xmr))
                .set(FactSeriesSignal.WARNINGS, xmr.warnings().isEmpty() ? null : String.join("; ", xmr.warnings()))
                .set(FactSeriesSignal.TREND_POINTS, trend.n())
                .set(FactSeriesSignal.S, trend.s())
                .set(FactSeriesSignal.VAR_S, nullable(trend.varS()))
                .set(FactSeriesSignal.Z, nullable(trend.z()))
                .set(FactSeriesSignal.P_VALUE, nullable(trend.pValue()))
                .set(FactSeriesSignal.TAU, nullable(trend.tauA()))
                .set(FactSeriesSignal.TAU_B, nullable(trend.tauB()))
                .set(FactSeriesSignal.SEN_SLOPE, nullable(trend.slope()))
                .set(FactSeriesSignal.SEN_INTERCEPT, nullable(trend.intercept()))
                .set(FactSeriesSignal.ALPHA, options.alpha())
                .set(FactSeriesSignal.TREND, code(CodeSet.TREND, verdict))
                .set(FactSeriesSignal.SIGNIFICANT, verdict != TrendVerdict.NO_SIGNIFICANT_TREND
                        && verdict != TrendVerdict.INSUFFICIENT_DATA)
                .set(SeriesSignals.CHART, chartRows(rows, calendar, xmr))
                .set(SeriesSignals.ANOMALIES, anomalyRows(rows, calendar, issues))
                .build();
    }

    /** One point per row of the series (gaps have none). */
    private static Row[] chartRows(List<Row> rows, Calendar calendar, XmrResult xmr) {
        Row[] out = new Row[rows.size()];
        for (int i = 0; i < out.length; i++) {
            XmrPoint p = xmr.points().get(calendar.index[i]);
            out[i] = SeriesSignals.POINT.row()
                    .set(Columns.PERIOD_END, rows.get(i).getDate(PERIOD_END))
                    .set(FactSignal.VALUE, nullable(p.value()))
                    .set(FactSignal.SEGMENT, p.segment())
                    .set(FactSignal.CENTRE_LINE, nullable(p.mean()))
                    .set(FactSignal.LOWER_LIMIT, nullable(p.lowerLimit()))
                    .set(FactSignal.UPPER_LIMIT, nullable(p.upperLimit()))
                    .set(FactSignal.LOWER_INNER, nullable(p.lowerInner()))
                    .set(FactSignal.UPPER_INNER, nullable(p.upperInner()))
                    .set(FactSignal.MOVING_RANGE, nullable(p.movingRange()))
                    .set(FactSignal.RULE, code(CodeSet.SPC_RULE, p.rule()))
                    .set(FactSignal.DIRECTION, p.direction())
                    .set(FactSignal.POINT_TYPE, code(CodeSet.SPC_POINT_TYPE, p.type()))
                    .build();
        }
        return out;
    }

    private static Row[] anomalyRows(List<Row> rows, Calendar calendar, List<QualityIssue> issues) {
        Row[] out = new Row[issues.size()];
        for (int i = 0; i < out.length; i++) {
            QualityIssue issue = issues.get(i);
            int at = calendar.rowAt[issue.index()];
            out[i] = SeriesSignals.ANOMALY.row()
                    .set(Columns.PERIOD_END, at < 0 ? calendar.periodEnd(issue.index()) : rows.get(at).getDate(PERIOD_END))
                    .set(FactDataQuality.ANOMALY, code(CodeSet.ANOMALY, issue.kind()))
                    .set(FactDataQuality.VALUE, nullable(issue.value()))
                    .set(FactDataQuality.REFERENCE, nullable(issue.reference()))
                    .set(FactDataQuality.MESSAGE, issue.message())
                    .build();
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
