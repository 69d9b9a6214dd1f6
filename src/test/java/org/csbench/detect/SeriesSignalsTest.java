package org.csbench.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.csbench.detect.IndicatorValueRows.indicator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.config.Catalogue;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Keys;
import org.csbench.contract.Star;
import org.csbench.contract.Star.FactDataQuality;
import org.csbench.contract.Star.FactSeriesSignal;
import org.csbench.contract.Star.FactSignal;
import org.csbench.model.Columns;
import org.csbench.model.Polarity;
import org.csbench.model.Target;
import org.csbench.model.Unit;

class SeriesSignalsTest {
    private static final double TOL = 1e-9;
    /** Sum 130 over 13 values: mean 10; moving ranges 2,1,2,4,2,1,2,1,0,2,4,2 sum 23 over 12. */
    private static final Double[] STABLE = {9.0, 11.0, 10.0, 12.0, 8.0, 10.0, 11.0, 9.0, 10.0, 10.0, 12.0, 8.0, 10.0};
    private static final double STABLE_AMR = 23.0 / 12;

    @Test
    void xmrLimitsMatchHandWorkedValuesAndSuppressedValuesAreLeftOut() {
        // STABLE with a suppressed November 2023 between its 7th and 8th values: 14 rows, 13 values.
        Double[] withGap = {9.0, 11.0, 10.0, 12.0, 8.0, 10.0, 11.0, null, 9.0, 10.0, 10.0, 12.0, 8.0, 10.0};
        Dataset<Row> series = analyse(new IndicatorValueRows().monthly("pct", Polarity.HIGHER_IS_BETTER, "101", withGap),
                DetectOptions.defaults());
        // Limits 10 +- 2.66 x 23/12 = 4.901667 .. 15.098333; inner band 10 +- 1.773333 x 23/12 = 6.601111 .. 13.398889.
        assertRowsEqualIgnoringOrder(List.of(row("101", 14, 13, 10.0, 10 - 2.66 * STABLE_AMR, 10 + 2.66 * STABLE_AMR,
                10 - 2 * 2.66 / 3 * STABLE_AMR, 10 + 2 * 2.66 / 3 * STABLE_AMR, 10.0, "common_cause", "none", 1, true,
                null)), SeriesSignals.summaries(series).select(col("geo_key"), col(FactSeriesSignal.PERIODS),
                col(FactSeriesSignal.POINTS), col(FactSeriesSignal.CENTRE_LINE), col(FactSeriesSignal.LOWER_LIMIT),
                col(FactSeriesSignal.UPPER_LIMIT), col(FactSeriesSignal.LOWER_INNER), col(FactSeriesSignal.UPPER_INNER),
                col(FactSeriesSignal.LAST_VALUE), label(CodeSet.VARIATION_ICON, FactSeriesSignal.VARIATION),
                label(CodeSet.ASSURANCE_ICON, FactSeriesSignal.ASSURANCE), col(FactSeriesSignal.SEGMENTS),
                col(FactSeriesSignal.ENOUGH_POINTS), col(FactSeriesSignal.WARNINGS)), TOL);
        // The suppressed month is a missing point; the next value's moving range spans it: |9 - 11| = 2.
        assertRowsEqualIgnoringOrder(List.of(
                row("2023-10", 11.0, 1.0, "none", "common_cause"),
                row("2023-11", null, null, "none", "missing"),
                row("2023-12", 9.0, 2.0, "none", "common_cause")),
                withTimePeriod(SeriesSignals.points(series)).filter(col(TIME_PERIOD).isin("2023-10", "2023-11",
                        "2023-12")).select(col(TIME_PERIOD), col(FactSignal.VALUE), col(FactSignal.MOVING_RANGE),
                        label(CodeSet.SPC_RULE, FactSignal.RULE), label(CodeSet.SPC_POINT_TYPE, FactSignal.POINT_TYPE)),
                TOL);
        assertEquals(14, SeriesSignals.points(series).filter(col(FactSignal.CENTRE_LINE).equalTo(10.0)).count());
        // The trend test sees the 13 values too.
        assertEquals(13, SeriesSignals.summaries(series).first().<Integer>getAs(FactSeriesSignal.TREND_POINTS));
    }

    @Test
    void polarityFlipsImprovementAndConcern() {
        // 10,12 x6 then 30: mean 162/13 = 12.4615; moving ranges eleven 2s and 18: 18 >= 3.267 x 40/12 is screened
        // out, so the mean moving range is 2 and the upper limit 12.4615 + 5.32 = 17.7815: 30 is outside it, and the
        // first twelve values, all below the mean, are a shift.
        Double[] jump = {10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 30.0};
        Dataset<Row> series = analyse(new IndicatorValueRows()
                .monthly("up", Polarity.HIGHER_IS_BETTER, "101", jump)
                .monthly("down", Polarity.LOWER_IS_BETTER, "101", jump)
                .monthly("either", Polarity.NEUTRAL, "101", jump), DetectOptions.defaults());
        assertRowsEqualIgnoringOrder(List.of(
                row("up", "2023-04", "shift", -1, "special_cause_concern"),
                row("up", "2024-04", "outside_limits", 1, "special_cause_improvement"),
                row("down", "2023-04", "shift", -1, "special_cause_improvement"),
                row("down", "2024-04", "outside_limits", 1, "special_cause_concern"),
                row("either", "2023-04", "shift", -1, "special_cause_neutral_low"),
                row("either", "2024-04", "outside_limits", 1, "special_cause_neutral_high")),
                withTimePeriod(SeriesSignals.points(series)).filter(col(TIME_PERIOD).isin("2023-04", "2024-04"))
                        .select(col(Columns.INDICATOR_ID), col(TIME_PERIOD), label(CodeSet.SPC_RULE, FactSignal.RULE),
                                col(FactSignal.DIRECTION), label(CodeSet.SPC_POINT_TYPE, FactSignal.POINT_TYPE)), 0);
        assertRowsEqualIgnoringOrder(List.of(
                row("up", 162.0 / 13 + 2.66 * 2, "improvement_high"),
                row("down", 162.0 / 13 + 2.66 * 2, "concern_high"),
                row("either", 162.0 / 13 + 2.66 * 2, "neutral_high")),
                SeriesSignals.summaries(series).select(col(Columns.INDICATOR_ID), col(FactSeriesSignal.UPPER_LIMIT),
                        label(CodeSet.VARIATION_ICON, FactSeriesSignal.VARIATION)), TOL);
    }

    @Test
    void seriesAreSplitByGeoKeyAndPeriodType() {
        Double[] higher = new Double[STABLE.length];
        for (int i = 0; i < STABLE.length; i++) {
            higher[i] = STABLE[i] + 100;
        }
        IndicatorValueRows rows = new IndicatorValueRows()
                .monthly("pct", Polarity.HIGHER_IS_BETTER, "101", STABLE)
                .monthly("pct", Polarity.HIGHER_IS_BETTER, "102", higher);
        // The same LA's annual values 5, 7, 9: mean 7, moving ranges 2, 2, upper limit 7 + 2.66 x 2 = 12.32.
        for (int year = 2022; year <= 2024; year++) {
            rows.value("pct", Polarity.HIGHER_IS_BETTER, Unit.PERCENT, "101", "reporting_year",
                    LocalDate.of(year, 3, 31), 5.0 + 2 * (year - 2022), "available");
        }
        Dataset<Row> summaries = SeriesSignals.summaries(analyse(rows, DetectOptions.defaults()));
        assertRowsEqualIgnoringOrder(List.of(
                row("101", "month", 13, 10.0, 10 + 2.66 * STABLE_AMR, true),
                row("102", "month", 13, 110.0, 110 + 2.66 * STABLE_AMR, true),
                row("101", "reporting_year", 3, 7.0, 12.32, false)),
                summaries.select(col("geo_key"), col(Columns.PERIOD_TYPE), col(FactSeriesSignal.POINTS),
                        col(FactSeriesSignal.CENTRE_LINE), col(FactSeriesSignal.UPPER_LIMIT),
                        col(FactSeriesSignal.ENOUGH_POINTS)), TOL);
        String warning = summaries.filter(col(Columns.PERIOD_TYPE).equalTo("reporting_year")).first()
                .getAs(FactSeriesSignal.WARNINGS);
        assertTrue(warning.contains("has 3 values; at least 13 are recommended"), warning);
    }

    @Test
    void mannKendallAndSenSlopeMatchHandWorkedValues() {
        // 1, 3, 2, 5, 4, 6: S = 5 + 2 + 3 + 0 + 1 = 11 of 15 pairs; Var(S) = 6 x 5 x 17 / 18 = 28.3333;
        // Z = (11 - 1) / sqrt(28.3333) = 1.8787, two-sided p = 0.0603: not significant at 0.05, significant at 0.10.
        // The 15 pairwise slopes sorted: -1, -1, 1/3, 0.5, 0.5, 0.75, 0.75, 1, ... -> Sen's slope 1;
        // intercept median(y) - 1 x median(x) = 3.5 - 2.5 = 1.
        IndicatorValueRows rows = new IndicatorValueRows();
        double[] y = {1, 3, 2, 5, 4, 6};
        for (int i = 0; i < y.length; i++) {
            rows.value("up", Polarity.HIGHER_IS_BETTER, Unit.PERCENT, "101", "reporting_year",
                    LocalDate.of(2018 + i, 3, 31), y[i], "available");
            rows.value("down", Polarity.LOWER_IS_BETTER, Unit.PERCENT, "101", "reporting_year",
                    LocalDate.of(2018 + i, 3, 31), y[i], "available");
        }
        double z = 10 / Math.sqrt(510.0 / 18);
        double p = 2 * new NormalDistribution().cumulativeProbability(-z);
        assertEquals(0.0603, p, 1e-4);
        Dataset<Row> trends = SeriesSignals.summaries(analyse(rows, DetectOptions.defaults()));
        assertRowsEqualIgnoringOrder(List.of(
                row("up", 6, 11L, 510.0 / 18, z, p, 11.0 / 15, 1.0, 1.0, 0.05, "no_significant_trend", false),
                row("down", 6, 11L, 510.0 / 18, z, p, 11.0 / 15, 1.0, 1.0, 0.05, "no_significant_trend", false)),
                trends.select(col(Columns.INDICATOR_ID), col(FactSeriesSignal.TREND_POINTS), col(FactSeriesSignal.S),
                        col(FactSeriesSignal.VAR_S), col(FactSeriesSignal.Z), col(FactSeriesSignal.P_VALUE),
                        col(FactSeriesSignal.TAU), col(FactSeriesSignal.SEN_SLOPE), col(FactSeriesSignal.SEN_INTERCEPT),
                        col(FactSeriesSignal.ALPHA), label(CodeSet.TREND, FactSeriesSignal.TREND),
                        col(FactSeriesSignal.SIGNIFICANT)), TOL);
        assertRowsEqualIgnoringOrder(List.of(row("up", 0.1, "improving", true), row("down", 0.1, "deteriorating", true)),
                SeriesSignals.summaries(analyse(rows, DetectOptions.defaults().withAlpha(0.1)))
                        .select(col(Columns.INDICATOR_ID), col(FactSeriesSignal.ALPHA),
                                label(CodeSet.TREND, FactSeriesSignal.TREND), col(FactSeriesSignal.SIGNIFICANT)), 0);
    }

    @Test
    void aMissingPeriodIsAGapOnTheCalendar() {
        // 2019, 2020, 2022, 2023 (no row for 2021) with values 1, 2, 4, 5: on the calendar x = 0, 1, 3, 4 every
        // pairwise slope is 1 (by position it would be 1.4167); intercept median(y) - median(x) = 3 - 2 = 1. The gap
        // is newly missing after 2; 5 is 150% above the median 2 of 1, 2, 4.
        IndicatorValueRows rows = new IndicatorValueRows();
        int[] years = {2019, 2020, 2022, 2023};
        double[] y = {1, 2, 4, 5};
        for (int i = 0; i < y.length; i++) {
            rows.value("pct", Polarity.HIGHER_IS_BETTER, Unit.PERCENT, "101", "reporting_year",
                    LocalDate.of(years[i], 3, 31), y[i], "available");
        }
        Dataset<Row> series = analyse(rows, DetectOptions.defaults());
        assertRowsEqualIgnoringOrder(List.of(row(4, 1.0, 1.0)),
                SeriesSignals.summaries(series).select(col(FactSeriesSignal.TREND_POINTS),
                        col(FactSeriesSignal.SEN_SLOPE), col(FactSeriesSignal.SEN_INTERCEPT)), TOL);
        // The gap's anomaly is keyed by the period with no value.
        assertRowsEqualIgnoringOrder(List.of(row(Date.valueOf("2021-03-31"), "newly_missing", null, 2.0,
                        "Value missing after 2.0"),
                row(Date.valueOf("2023-03-31"), "relative_jump", 5.0, 2.0,
                        "Value 5.0 differs from the median 2.0 of the previous 3 values by 150.0%")),
                SeriesSignals.anomalies(series).select(col(Columns.PERIOD_END),
                        label(CodeSet.ANOMALY, FactDataQuality.ANOMALY), col(FactDataQuality.VALUE),
                        col(FactDataQuality.REFERENCE), col(FactDataQuality.MESSAGE)), TOL);
        long gapKey = series.select(Keys.period(lit("reporting_year"), lit(Date.valueOf("2021-03-31")))).first()
                .getLong(0);
        assertEquals(1, SeriesSignals.anomalies(series).filter(col(Star.PERIOD_KEY).equalTo(gapKey)).count(),
                "the gap's period key");
        assertEquals(4, SeriesSignals.points(series).count(), "a gap has no chart point");
    }

    @Test
    void assuranceComparesTheLimitsWithTheCatalogueTarget() {
        // STABLE's limits are 4.90 .. 15.10.
        IndicatorValueRows rows = new IndicatorValueRows();
        Map<String, Polarity> polarities = Map.of("above_up", Polarity.HIGHER_IS_BETTER,
                "above_down", Polarity.LOWER_IS_BETTER, "inside", Polarity.HIGHER_IS_BETTER,
                "range_around", Polarity.LOWER_IS_BETTER, "range_above", Polarity.LOWER_IS_BETTER);
        polarities.forEach((id, polarity) -> rows.monthly(id, polarity, "101", STABLE));
        Catalogue catalogue = new Catalogue("test", List.of(
                indicator("above_up", Unit.PERCENT, Polarity.HIGHER_IS_BETTER, List.of(), 100, Target.of(85), 0.0, 100.0),
                indicator("above_down", Unit.PERCENT, Polarity.LOWER_IS_BETTER, List.of(), 100, Target.of(85), 0.0, 100.0),
                indicator("inside", Unit.PERCENT, Polarity.HIGHER_IS_BETTER, List.of(), 100, Target.of(12), 0.0, 100.0),
                indicator("range_around", Unit.PERCENT, Polarity.LOWER_IS_BETTER, List.of(), 100, new Target(0, 20),
                        0.0, 100.0),
                indicator("range_above", Unit.PERCENT, Polarity.LOWER_IS_BETTER, List.of(), 100, new Target(16, 20),
                        0.0, 100.0)));
        Dataset<Row> summaries = SeriesSignals.summaries(SeriesSignals.analyse(rows.dataset(),
                IndicatorSignals.of(catalogue), DetectOptions.defaults()));
        assertRowsEqualIgnoringOrder(List.of(
                // target 85 above the upper limit: never reached when higher is better, never exceeded when lower is
                row("above_up", "consistently_failing"),
                row("above_down", "consistently_passing"),
                row("inside", "inconsistent"),
                // both limits inside 0-20; both limits below 16-20
                row("range_around", "consistently_passing"),
                row("range_above", "consistently_failing")),
                summaries.select(col(Columns.INDICATOR_ID), label(CodeSet.ASSURANCE_ICON, FactSeriesSignal.ASSURANCE)),
                TOL);
    }

    @Test
    void dataQualityAnomaliesAgainstTheSeriesOwnHistory() {
        // 10, 10, 10, 16, 10, suppressed, 104 with the valid range 0-100: 16 is 60% above the median 10 of the three
        // values before it; the suppression follows the available 10; 104 is out of range and, against the median
        // of 10, 16, 10, a jump.
        IndicatorValueRows rows = new IndicatorValueRows();
        Double[] values = {10.0, 10.0, 10.0, 16.0, 10.0, null, 104.0};
        for (int i = 0; i < values.length; i++) {
            rows.value("pct", Polarity.HIGHER_IS_BETTER, Unit.PERCENT, "101", "reporting_year",
                    LocalDate.of(2018 + i, 3, 31), values[i], values[i] == null ? "suppressed" : "available");
        }
        Catalogue catalogue = new Catalogue("test", List.of(
                indicator("pct", Unit.PERCENT, Polarity.HIGHER_IS_BETTER, List.of(), 100, null, 0.0, 100.0)));
        Dataset<Row> anomalies = SeriesSignals.anomalies(SeriesSignals.analyse(rows.dataset(),
                IndicatorSignals.of(catalogue), DetectOptions.defaults()));
        assertRowsEqualIgnoringOrder(List.of(
                row("2021", "relative_jump", 16.0, 10.0),
                row("2023", "newly_suppressed", null, 10.0),
                row("2024", "relative_jump", 104.0, 10.0),
                row("2024", "out_of_range", 104.0, 100.0)),
                withTimePeriod(anomalies).select(col(TIME_PERIOD), label(CodeSet.ANOMALY, FactDataQuality.ANOMALY),
                        col(FactDataQuality.VALUE), col(FactDataQuality.REFERENCE)), TOL);
        // A 70% threshold lets the 60% change through.
        Dataset<Row> lenient = SeriesSignals.anomalies(SeriesSignals.analyse(rows.dataset(),
                IndicatorSignals.of(catalogue), DetectOptions.defaults().withJump(0.7, 3)));
        assertEquals(0, withTimePeriod(lenient).filter(col(TIME_PERIOD).equalTo("2021")).count());
        assertEquals(3, lenient.count());
    }

    private static final String TIME_PERIOD = "time_period";

    /** The period as the test rows name it: 2023-10 for a month, 2024 for a year. */
    static Dataset<Row> withTimePeriod(Dataset<Row> rows) {
        return rows.withColumn(TIME_PERIOD, when(col(Columns.PERIOD_TYPE).equalTo("month"),
                date_format(col(Columns.PERIOD_END), "yyyy-MM")).otherwise(year(col(Columns.PERIOD_END)).cast("string")));
    }

    /** A code column as its label. */
    static Column label(CodeSet set, String column) {
        return set.decode(col(column)).as(column);
    }

    private static Dataset<Row> analyse(IndicatorValueRows rows, DetectOptions options) {
        return SeriesSignals.analyse(rows.dataset(), Map.of(), options);
    }
}
