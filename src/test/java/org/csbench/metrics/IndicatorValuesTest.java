package org.csbench.metrics;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.TestWarehouses;
import org.csbench.config.Catalogue;
import org.csbench.config.CatalogueLoader;
import org.csbench.config.Indicator;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.LoadJob;
import org.csbench.ingest.ReferenceTables;
import org.csbench.model.Columns;
import org.csbench.model.Polarity;
import org.csbench.model.Unit;

class IndicatorValuesTest {
    private static Dataset<Row> values;

    @BeforeAll
    static void compute() {
        Warehouse warehouse = TestWarehouses.publishedDfe();
        values = IndicatorValues.compute(warehouse.read(LoadJob.OBSERVATION),
                warehouse.read(ReferenceTables.POPULATION), CatalogueLoader.load(Path.of("pipelines/indicators.yaml")))
                .cache();
    }

    @Test
    void manchester2024MatchesHandWorkedValues() {
        // Population mid-2023: 130,700. CIN at 31 March 2024: 5,600 -> 5600 / 130700 * 10000 = 428.46 -> 428.5.
        // CPP 571 -> 43.69 -> 43.7. Referrals 6,525 -> 499.23 -> 499.2. Re-referrals 1,222 / 6,525 = 18.73% -> 18.7.
        // CLA 1,302 -> 99.6 -> 100 (whole numbers, as published).
        assertRowsEqualIgnoringOrder(List.of(
                row("cin_rate", 428.5, "available", 130700.0, 2023),
                row("cpp_rate", 43.7, "available", 130700.0, 2023),
                row("referral_rate", 499.2, "available", 130700.0, 2023),
                row("rereferral_pct", 18.7, "available", 6525.0, null),
                row("cla_rate", 100.0, "available", 130700.0, 2023)),
                values.filter(col(Columns.OLD_LA_CODE).equalTo("352").and(col(Columns.YEAR).equalTo(2024))
                        .and(col(Columns.INDICATOR_ID).isin("cin_rate", "cpp_rate", "referral_rate", "rereferral_pct",
                                "cla_rate")))
                        .select(Columns.INDICATOR_ID, Columns.VALUE, Columns.STATUS, IndicatorValues.DENOMINATOR,
                                IndicatorValues.POPULATION_MID_YEAR), 1e-9);
    }

    @Test
    void everyLocalAuthorityValueMatchesItsPublishedFigure() {
        Dataset<Row> la = values.filter(col(Columns.GEOGRAPHIC_LEVEL).equalTo("local_authority")
                .and(col(IndicatorValues.PUBLISHED_VALUE).isNotNull()).and(col(IndicatorValues.VALUE_COMPUTED).isNotNull()));
        assertTrue(la.count() > 10_000, "published LA figures compared: " + la.count());
        // Only workforce FTEs, published to 0.1, may differ at LA level, and then by their rounding only.
        List<Row> mismatches = la.filter(col(IndicatorValues.PUBLISHED_CHECK).notEqual("matches")
                        .and(col(IndicatorValues.PUBLISHED_CHECK).notEqual("explained_by_input_rounding")
                                .or(col(Columns.INDICATOR_ID).startsWith("sw_").unary_$bang())))
                .select(Columns.INDICATOR_ID, Columns.OLD_LA_CODE, Columns.TIME_PERIOD, IndicatorValues.PUBLISHED_CHECK)
                .limit(5).collectAsList();
        assertTrue(mismatches.isEmpty(), "differ: " + mismatches);
    }

    @Test
    void nationalAndRegionalDifferencesAreExplainedByRoundedInputs() {
        // (A published figure whose input is suppressed has no computed value to differ from: PublishedFiguresTest.)
        Dataset<Row> differ = values.filter(col(IndicatorValues.PUBLISHED_CHECK).notEqual("matches")
                .and(col(IndicatorValues.PUBLISHED_CHECK).notEqual("published_input_suppressed"))).cache();
        assertTrue(differ.count() > 100, "differences: " + differ.count());
        assertEquals(0, differ.filter(col(IndicatorValues.PUBLISHED_CHECK).equalTo("unexplained")).count(),
                () -> "unexplained: " + differ.filter(col(IndicatorValues.PUBLISHED_CHECK).equalTo("unexplained"))
                        .limit(10).collectAsList());
        assertEquals(differ.count(), differ.filter(col(IndicatorValues.PUBLISHED_VALUE)
                .notEqual(col(IndicatorValues.VALUE_COMPUTED))).count(), "a difference is a real difference");
        // Where the inputs were rounded, the published figure is the one shown.
        assertTrue(differ.filter(col(IndicatorValues.VALUE_SOURCE).notEqual("published")).isEmpty());
        // Authorities left out: how many is recorded with the value.
        assertTrue(differ.filter(col(IndicatorValues.PUBLISHED_CHECK).equalTo("explained_by_authorities_left_out"))
                .filter(col(IndicatorValues.LEFT_OUT).isNull().or(col(IndicatorValues.LEFT_OUT).leq(0))).isEmpty());
        differ.unpersist();
    }

    @Test
    void statusesPropagate() {
        // Cumbria (909) no longer exists in 2025: the CLA file gives count and rate 'z'.
        assertRowsEqualIgnoringOrder(List.of(row(null, "not_applicable", "numerator cla_at_31_march is not_applicable")),
                values.filter(col(Columns.OLD_LA_CODE).equalTo("909").and(col(Columns.YEAR).equalTo(2025))
                        .and(col(Columns.INDICATOR_ID).equalTo("cla_rate")))
                        .select(Columns.VALUE, Columns.STATUS, IndicatorValues.STATUS_REASON), 0);
        long suppressed = values.filter(col(Columns.INDICATOR_ID).equalTo("cpp_subsequent_pct")
                .and(col(Columns.STATUS).equalTo("suppressed"))).count();
        assertTrue(suppressed >= 29, "suppressed subsequent-plan percentages: " + suppressed);
    }

    @Test
    void ratesRoundHalfUpFromTheExactQuotientAndMissingInputsAreNamed() {
        SparkSession spark = SparkTestSession.get();
        // 87 / 2000 * 100 = 4.35 exactly; as a double it is 4.3499999..., which a double rounding turns into 4.3.
        // 10 / 0 and a missing population give not_available with their reasons; 'c' stays suppressed.
        List<Row> observations = new ArrayList<>(List.of(
                observation("num", "101", 87.0, "available"), observation("den", "101", 2000.0, "available"),
                observation("num", "102", 10.0, "available"), observation("den", "102", 0.0, "available"),
                observation("num", "103", null, "suppressed"), observation("den", "103", 50.0, "available"),
                observation("num", "104", 5.0, "available"),
                observation("num", "105", 3.0, "available"), observation("den", "105", null, "suppressed")));
        StructType schema = TestObservations.schema();
        Dataset<Row> obs = spark.createDataFrame(observations, schema);
        Dataset<Row> population = noPopulation(spark);
        Catalogue catalogue = new Catalogue("test", List.of(
                indicator("pct", List.of("den"), 100, 1),
                indicator("per_pop", List.of(Indicator.POPULATION), 10000, 1)));
        assertRowsEqualIgnoringOrder(List.of(
                row("pct", "101", 4.35, 4.4, "available", null),
                row("pct", "102", null, null, "not_available", "denominator is zero"),
                row("pct", "103", null, null, "suppressed", "numerator num is suppressed"),
                row("pct", "104", null, null, "not_available", "denominator den not published for this period"),
                row("pct", "105", null, null, "suppressed", "denominator den is suppressed"),
                row("per_pop", "101", null, null, "not_available", "no population estimate for mid-year 2024"),
                row("per_pop", "102", null, null, "not_available", "no population estimate for mid-year 2024"),
                row("per_pop", "103", null, null, "suppressed", "numerator num is suppressed"),
                row("per_pop", "104", null, null, "not_available", "no population estimate for mid-year 2024"),
                row("per_pop", "105", null, null, "not_available", "no population estimate for mid-year 2024")),
                IndicatorValues.compute(obs, population, catalogue).select(Columns.INDICATOR_ID, Columns.OLD_LA_CODE,
                        IndicatorValues.VALUE_UNROUNDED, Columns.VALUE, Columns.STATUS, IndicatorValues.STATUS_REASON),
                1e-9);
    }

    @Test
    void denominatorsAddUpToTheSameSumInAnyOrder() {
        // 0.1 + 0.2 + 0.3 is 0.6000000000000001 in doubles, 0.3 + 0.2 + 0.1 is 0.6: the sum of an indicator's
        // denominators must not depend on the order its rows arrive in (a refresh and a rebuild differ in it).
        SparkSession spark = SparkTestSession.get();
        List<Row> observations = List.of(
                observation("num", "201", 6.0, "available"), observation("d1", "201", 0.1, "available"),
                observation("d2", "201", 0.2, "available"), observation("d3", "201", 0.3, "available"),
                observation("num", "202", 6.0, "available"), observation("d3", "202", 0.3, "available"),
                observation("d2", "202", 0.2, "available"), observation("d1", "202", 0.1, "available"));
        // One partition: each authority's rows reach the sum in the order listed.
        Dataset<Row> obs = spark.createDataFrame(observations, TestObservations.schema()).coalesce(1);
        Catalogue catalogue = new Catalogue("test", List.of(indicator("three", List.of("d1", "d2", "d3"), 1, 1)));
        assertRowsEqualIgnoringOrder(List.of(row("201", 0.6, 10.0), row("202", 0.6, 10.0)),
                IndicatorValues.compute(obs, noPopulation(spark), catalogue).select(Columns.OLD_LA_CODE,
                        IndicatorValues.DENOMINATOR, IndicatorValues.VALUE_UNROUNDED), 0);
    }

    /** An empty population table. */
    private static Dataset<Row> noPopulation(SparkSession spark) {
        return spark.createDataFrame(List.of(), new StructType()
                .add(Columns.GEOGRAPHIC_LEVEL, DataTypes.StringType).add(Columns.REGION_CODE, DataTypes.StringType)
                .add(Columns.OLD_LA_CODE, DataTypes.StringType).add(ReferenceTables.MID_YEAR, DataTypes.IntegerType)
                .add(ReferenceTables.POPULATION_COLUMN, DataTypes.DoubleType)
                .add(Columns.STATUS, DataTypes.StringType));
    }

    private static Indicator indicator(String id, List<String> denominators, double multiplier, int decimals) {
        return new Indicator(id, null, id, null, Unit.PERCENT, Polarity.NEUTRAL, Indicator.Frequency.ANNUAL, "num",
                denominators, multiplier, decimals, Indicator.Rounding.HALF_UP, Indicator.ComparatorMethod.MEAN, null,
                null, null, 2, null, Indicator.Aggregation.SUM);
    }

    private static Row observation(String measure, String la, Double value, String status) {
        return TestObservations.observation(measure, "reporting_year", LocalDate.of(2025, 3, 31), la, value, status);
    }
}
