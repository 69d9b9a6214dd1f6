package org.csbench.detect;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.csbench.detect.IndicatorValueRows.indicator;
import static org.csbench.detect.SeriesSignalsTest.label;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import org.csbench.config.Catalogue;
import org.csbench.config.Indicator;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Star.FactCrossSection;
import org.csbench.contract.Star.FactSignal;
import org.csbench.metrics.Geography;
import org.csbench.model.Columns;
import org.csbench.model.Polarity;
import org.csbench.model.Seqs;
import org.csbench.model.Unit;

class CrossSectionsTest {
    private static final double TOL = 1e-6;
    private static final LocalDate MARCH_2023 = LocalDate.of(2023, 3, 31);
    private static final LocalDate MARCH_2024 = LocalDate.of(2024, 3, 31);
    private static final Map<String, IndicatorSignals> CATALOGUE = IndicatorSignals.of(new Catalogue("test", List.of(
            indicator("pct_down", Unit.PERCENT, Polarity.LOWER_IS_BETTER, List.of("den"), 100, null, 0.0, 100.0),
            indicator("pct_up", Unit.PERCENT, Polarity.HIGHER_IS_BETTER, List.of("den"), 100, null, 0.0, 100.0),
            indicator("rate", Unit.RATE_PER_10000, Polarity.NEUTRAL, List.of(Indicator.POPULATION), 10000, null, 0.0,
                    null),
            indicator("cnt", Unit.COUNT, Polarity.NEUTRAL, List.of(), 1, null, 0.0, null),
            indicator("days", Unit.DAYS, Polarity.LOWER_IS_BETTER, List.of(), 1, null, 0.0, null),
            indicator("ratio", Unit.RATIO, Polarity.NEUTRAL, List.of(), 1, null, 0.0, null))));

    @Test
    void funnelOfProportionsMatchesHandWorkedLimitsAndFlagsByPolarity() {
        // 2024: nine LAs 200 / 1000 and LA 110 300 / 1000: pooled 2100 / 10000 = 21%; s = sqrt(0.21 x 0.79 / 1000)
        // = 0.012880. z = -0.01 / s = -0.776 for the nine, +0.09 / s = 6.987 for LA 110. Winsorised at the 90th
        // percentile (type 7: z8 + 0.1 (z9 - z8) = -0.01/s + 0.01/s = 0), so phi = 0.9 x 0.0001 / s^2 = 0.5425 and
        // 10 phi <= 9: no overdispersion. 95% limits 21 +- 100 x 1.959964 s = 18.4755 .. 23.5245, 99.8% limits
        // 21 +- 100 x 3.090232 s: LA 110 (30%) is above both. A suppressed LA takes no part.
        // 2023: every LA 100 / 1000: pooled 10%.
        IndicatorValueRows rows = new IndicatorValueRows();
        for (String indicator : List.of("pct_down", "pct_up")) {
            for (int la = 101; la <= 110; la++) {
                rows.fraction(indicator, polarity(indicator), Unit.PERCENT, Integer.toString(la), MARCH_2024,
                        la == 110 ? 300 : 200, 1000, 100);
                rows.fraction(indicator, polarity(indicator), Unit.PERCENT, Integer.toString(la), MARCH_2023, 100, 1000,
                        100);
            }
            rows.add(indicator, polarity(indicator), Unit.PERCENT, "local_authority", "111", "reporting_year",
                    MARCH_2024, null, "suppressed", null, 1000.0);
        }
        Dataset<Row> funnel = funnel(analyse(rows));
        double s = Math.sqrt(0.21 * 0.79 / 1000);
        double z95 = 1.959963985;
        double z998 = 3.090232306;
        List<Object> limits = List.of(100 * (0.21 - z95 * s), 100 * (0.21 + z95 * s), 100 * (0.21 - z998 * s),
                100 * (0.21 + z998 * s));
        assertRowsEqualIgnoringOrder(List.of(
                row("pct_down", "101", "proportion", 21.0, 0.9 * 0.0001 / (s * s), 0.0, 20.0, -0.01 / s,
                        limits.get(0), limits.get(1), limits.get(2), limits.get(3), "inside", "inside", "none", "none"),
                row("pct_down", "110", "proportion", 21.0, 0.9 * 0.0001 / (s * s), 0.0, 30.0, 0.09 / s,
                        limits.get(0), limits.get(1), limits.get(2), limits.get(3), "above", "above", "unfavourable",
                        "unfavourable"),
                row("pct_up", "110", "proportion", 21.0, 0.9 * 0.0001 / (s * s), 0.0, 30.0, 0.09 / s,
                        limits.get(0), limits.get(1), limits.get(2), limits.get(3), "above", "above", "favourable",
                        "favourable")),
                funnel.filter(col(Columns.PERIOD_END).equalTo(Date.valueOf(MARCH_2024))
                                .and(col("geo_key").equalTo("110").or(col(Columns.INDICATOR_ID).equalTo("pct_down")
                                        .and(col("geo_key").equalTo("101")))))
                        .select(FUNNEL_COLUMNS), TOL);
        assertEquals(2 * 2 * 10, funnel.count(), "10 LAs, 2 years, 2 indicators; the suppressed LA is left out");
        assertEquals(2, funnel.filter(col(FactSignal.FUNNEL_POSITION_998).equalTo(CodeSet.FUNNEL_POSITION.code("above")))
                .count());
        assertRowsEqualIgnoringOrder(List.of(row(Date.valueOf(MARCH_2023), 10.0, 10), row(Date.valueOf(MARCH_2024), 21.0, 10)),
                CrossSections.shared(analyse(rows)).filter(col(Columns.INDICATOR_ID).equalTo("pct_down"))
                        .select(col(Columns.PERIOD_END), col(FactCrossSection.POOLED_VALUE),
                                col(FactCrossSection.AUTHORITIES)), TOL);
    }

    @Test
    void funnelOfRatesWidensTheLimitsForOverdispersion() {
        // 10, 20, 30 per 10,000 children of 10,000 each: pooled 60 / 30000 = 20 per 10,000; sampling variance
        // 0.002 / 10000 = 2e-7; z = -+sqrt(5), 0; winsorised (type 7, 10%: z0 + 0.2 (z1 - z0)) to -+0.8 sqrt(5);
        // phi = 2 x 3.2 / 3 = 2.1333 and 3 phi = 6.4 > 2, so tau^2 = (6.4 - 2) / (1.5e7 - 7.5e13 / 1.5e7) = 4.4e-7
        // (44 per 10,000 squared). Limits 20 +- z sqrt(2e-7 + 4.4e-7) x 10000 = 20 +- 8 z; the 99.8% lower limit
        // 20 - 24.72 is cut at 0. z-score of 30: 10 / 8 = 1.25.
        IndicatorValueRows rows = new IndicatorValueRows();
        rows.fraction("rate", Polarity.NEUTRAL, Unit.RATE_PER_10000, "101", MARCH_2024, 10, 10000, 10000);
        rows.fraction("rate", Polarity.NEUTRAL, Unit.RATE_PER_10000, "102", MARCH_2024, 20, 10000, 10000);
        rows.fraction("rate", Polarity.NEUTRAL, Unit.RATE_PER_10000, "103", MARCH_2024, 30, 10000, 10000);
        assertRowsEqualIgnoringOrder(List.of(
                row("103", "rate", 20.0, 6.4 / 3, 44.0, 30.0, 1.25, 20 - 8 * 1.959963985, 20 + 8 * 1.959963985, 0.0,
                        20 + 8 * 3.090232306, "inside", "none")),
                funnel(analyse(rows)).filter(col("geo_key").equalTo("103"))
                        .select(col("geo_key"), label(CodeSet.FUNNEL_MODEL, FactCrossSection.FUNNEL_MODEL),
                                col(FactCrossSection.POOLED_VALUE), col(FactCrossSection.PHI),
                                col(FactCrossSection.TAU2), col(FactSignal.FUNNEL_VALUE), col(FactSignal.FUNNEL_Z),
                                col(FactSignal.FUNNEL_LOWER_95), col(FactSignal.FUNNEL_UPPER_95),
                                col(FactSignal.FUNNEL_LOWER_998), col(FactSignal.FUNNEL_UPPER_998),
                                label(CodeSet.FUNNEL_POSITION, FactSignal.FUNNEL_POSITION_95),
                                label(CodeSet.JUDGEMENT, FactSignal.FUNNEL_JUDGEMENT_95)), TOL);
    }

    @Test
    void robustOutliersWithTheMeanAbsoluteDeviationFallback() {
        // days 10, 11, 12, 12, 13, 14, 40: median 12, MAD 1 (mean absolute deviation 34 / 7): M(40) = 0.6745 x 28
        // = 18.886, M(10) = -1.349.
        // ratio 5, 5, 5, 5, 5, 6, 20: MAD 0, so M = (x - 5) / (1.253314 x mean |x - 5|) with mean |x - 5| = 16 / 7:
        // M(20) = 15 / 2.864718 = 5.2361, M(6) = 0.3491.
        IndicatorValueRows rows = new IndicatorValueRows();
        double[] days = {10, 11, 12, 12, 13, 14, 40};
        double[] ratio = {5, 5, 5, 5, 5, 6, 20};
        for (int i = 0; i < days.length; i++) {
            String la = Integer.toString(101 + i);
            rows.value("days", Polarity.LOWER_IS_BETTER, Unit.DAYS, la, "reporting_year", MARCH_2024, days[i],
                    "available");
            rows.value("ratio", Polarity.NEUTRAL, Unit.RATIO, la, "reporting_year", MARCH_2024, ratio[i], "available");
            rows.value("cnt", Polarity.NEUTRAL, Unit.COUNT, la, "reporting_year", MARCH_2024, 1000.0 * i, "available");
        }
        // a region is not an authority: it takes no part
        rows.add("days", Polarity.LOWER_IS_BETTER, Unit.DAYS, "regional", "E12000002", "reporting_year", MARCH_2024,
                500.0, "available", null, null);
        Dataset<Row> analysed = analyse(rows);
        Dataset<Row> outliers = withShared(analysed).filter(col(FactSignal.OUTLIER_FLAG).isNotNull());
        double meanAdScale = 1.253314 * 16 / 7;
        assertRowsEqualIgnoringOrder(List.of(
                row("days", "101", 12.0, 1.0, 34.0 / 7, "median_absolute_deviation", 0.6745 * -2, "not_outlier",
                        "none"),
                row("days", "107", 12.0, 1.0, 34.0 / 7, "median_absolute_deviation", 0.6745 * 28, "high_outlier",
                        "unfavourable"),
                row("ratio", "106", 5.0, 0.0, 16.0 / 7, "mean_absolute_deviation", 1 / meanAdScale, "not_outlier",
                        "none"),
                row("ratio", "107", 5.0, 0.0, 16.0 / 7, "mean_absolute_deviation", 15 / meanAdScale, "high_outlier",
                        "high")),
                outliers.filter(col("geo_key").isin("101", "107").and(col(Columns.INDICATOR_ID).equalTo("days"))
                                .or(col("geo_key").isin("106", "107").and(col(Columns.INDICATOR_ID).equalTo("ratio"))))
                        .select(col(Columns.INDICATOR_ID), col("geo_key"), col(FactCrossSection.MEDIAN),
                                col(FactCrossSection.MAD), col(FactCrossSection.MEAN_ABSOLUTE_DEVIATION),
                                label(CodeSet.OUTLIER_SCALE, FactCrossSection.SCALE), col(FactSignal.OUTLIER_Z),
                                label(CodeSet.OUTLIER_FLAG, FactSignal.OUTLIER_FLAG),
                                label(CodeSet.JUDGEMENT, FactSignal.OUTLIER_JUDGEMENT)), 1e-9);
        assertEquals(14, outliers.count(), "7 LAs x days and ratio; counts are size, not outliers");
        assertEquals(0, funnel(analysed).count(), "no denominator, no funnel plot");
    }

    @Test
    void anAuthorityTheFunnelCannotUseKeepsItsRowWithTheReason() {
        IndicatorValueRows rows = new IndicatorValueRows();
        rows.fraction("pct_down", Polarity.LOWER_IS_BETTER, Unit.PERCENT, "101", MARCH_2024, 50, 100, 100);
        rows.fraction("pct_down", Polarity.LOWER_IS_BETTER, Unit.PERCENT, "102", MARCH_2024, 150, 300, 100);
        rows.fraction("pct_down", Polarity.LOWER_IS_BETTER, Unit.PERCENT, "103", MARCH_2024, 120, 100, 100);
        // pooled over the two usable LAs: 200 / 400 = 50%
        assertRowsEqualIgnoringOrder(List.of(
                row("101", 50.0, 50.0, null), row("102", 50.0, 50.0, null),
                row("103", 50.0, null, "numerator_exceeds_denominator")),
                funnel(analyse(rows)).select(col("geo_key"), col(FactCrossSection.POOLED_VALUE),
                        col(FactSignal.FUNNEL_VALUE), label(CodeSet.FUNNEL_EXCLUSION, FactSignal.FUNNEL_EXCLUDED)), TOL);
    }

    @Test
    void theStatisticsDoNotDependOnTheOrderTheAuthoritiesArriveIn() {
        // Awkward rates and ratios, so sums of doubles (the funnel's phi, the mean absolute deviation) would differ
        // in their last digits if they were added up in arrival order. A refresh and a rebuild feed the same
        // cross-section in different orders and must publish the same figures.
        IndicatorValueRows rows = new IndicatorValueRows();
        double[] numerators = {13, 27, 41, 9, 33, 18, 22, 71};
        double[] denominators = {10007, 12011, 9973, 8009, 15013, 7001, 11003, 13007};
        double[] ratios = {0.1, 0.7, 0.2, 1.3, 0.3, 0.9, 0.11, 2.9};
        for (int i = 0; i < numerators.length; i++) {
            String la = Integer.toString(101 + i);
            rows.fraction("rate", Polarity.NEUTRAL, Unit.RATE_PER_10000, la, MARCH_2024, numerators[i],
                    denominators[i], 10000);
            rows.value("ratio", Polarity.NEUTRAL, Unit.RATIO, la, "reporting_year", MARCH_2024, ratios[i],
                    "available");
        }
        for (String indicator : List.of("rate", "ratio")) {
            // a handful of test rows, read back to call the analysis directly in chosen orders
            List<Row> input = rows.dataset().filter(col(Columns.INDICATOR_ID).equalTo(indicator))
                    .select(SeriesSignals.columns(CrossSections.INPUT)).collectAsList();
            Row key = RowFactory.create(indicator, "reporting_year", Date.valueOf(MARCH_2024));
            List<Row> reversed = new ArrayList<>(input);
            Collections.reverse(reversed);
            List<Row> shuffled = new ArrayList<>(input);
            Collections.shuffle(shuffled, new Random(7));
            CrossSectionAnalysis analysis = new CrossSectionAnalysis(CATALOGUE, DetectOptions.defaults());
            List<Row> expected = analysed(analysis, key, input);
            assertEquals(expected, analysed(analysis, key, reversed), indicator + ", reversed");
            assertEquals(expected, analysed(analysis, key, shuffled), indicator + ", shuffled");
        }
    }

    /** The analysis of one cross-section: its shared figures, then each authority's row without them, by authority. */
    private static List<Row> analysed(CrossSectionAnalysis analysis, Row key, List<Row> input) {
        int shared = CrossSections.ANALYSED.columnNames().indexOf(CrossSections.CROSS_SECTION);
        int geo = CrossSections.ANALYSED.columnNames().indexOf(Geography.GEO_KEY);
        List<Row> sharedRows = new ArrayList<>();
        List<Row> authorities = new ArrayList<>();
        analysis.call(key, input.iterator()).forEachRemaining(r -> {
            if (!r.isNullAt(shared)) {
                sharedRows.add(r.getStruct(shared));
            }
            Object[] fields = new Object[r.length()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = i == shared ? null : r.get(i);
            }
            authorities.add(RowFactory.create(fields));
        });
        authorities.sort(Comparator.comparing(r -> r.getString(geo)));
        List<Row> out = new ArrayList<>(sharedRows);
        out.addAll(authorities);
        return out;
    }

    private static Polarity polarity(String indicator) {
        return indicator.endsWith("down") ? Polarity.LOWER_IS_BETTER : Polarity.HIGHER_IS_BETTER;
    }

    private static final Column[] FUNNEL_COLUMNS = {col(Columns.INDICATOR_ID), col("geo_key"),
        label(CodeSet.FUNNEL_MODEL, FactCrossSection.FUNNEL_MODEL), col(FactCrossSection.POOLED_VALUE),
        col(FactCrossSection.PHI), col(FactCrossSection.TAU2), col(FactSignal.FUNNEL_VALUE), col(FactSignal.FUNNEL_Z),
        col(FactSignal.FUNNEL_LOWER_95), col(FactSignal.FUNNEL_UPPER_95), col(FactSignal.FUNNEL_LOWER_998),
        col(FactSignal.FUNNEL_UPPER_998), label(CodeSet.FUNNEL_POSITION, FactSignal.FUNNEL_POSITION_95),
        label(CodeSet.FUNNEL_POSITION, FactSignal.FUNNEL_POSITION_998),
        label(CodeSet.JUDGEMENT, FactSignal.FUNNEL_JUDGEMENT_95),
        label(CodeSet.JUDGEMENT, FactSignal.FUNNEL_JUDGEMENT_998)};

    /** Each authority's figures with what its cross-section shares, as the star joins them. */
    private static Dataset<Row> withShared(Dataset<Row> analysed) {
        return CrossSections.authorities(analysed).join(CrossSections.shared(analysed),
                Seqs.of(CrossSections.CROSS_SECTION_KEY));
    }

    /** The authorities of the cross-sections with a funnel plot. */
    private static Dataset<Row> funnel(Dataset<Row> analysed) {
        return withShared(analysed).filter(col(FactCrossSection.FUNNEL_MODEL).isNotNull());
    }

    private static Dataset<Row> analyse(IndicatorValueRows rows) {
        return CrossSections.analyse(rows.dataset(), CATALOGUE, DetectOptions.defaults());
    }
}
