package org.csbench.metrics;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.config.Catalogue;
import org.csbench.config.Indicator;
import org.csbench.ingest.ReferenceTables;
import org.csbench.model.Columns;
import org.csbench.model.Polarity;
import org.csbench.model.Unit;

/**
 * One LA, April 2023 to March 2025: 10 events and 40 cases a month, except July 2024, which is missing.
 * Population: 50,000 (mid-2023, serving April 2023-March 2024) and 40,000 (mid-2024, serving 2024-25).
 */
class WindowsTest {
    private static Dataset<Row> windows;

    @BeforeAll
    static void compute() {
        SparkSession spark = SparkTestSession.get();
        List<Row> observations = new ArrayList<>();
        for (LocalDate month = LocalDate.of(2023, 4, 30); month.isBefore(LocalDate.of(2025, 4, 1));
                month = month.plusMonths(1).withDayOfMonth(1).plusMonths(1).minusDays(1)) {
            if (month.getYear() == 2024 && month.getMonthValue() == 7) {
                continue;
            }
            observations.add(observation("events", "month", month, 10.0));
            observations.add(observation("cases", "month", month, 40.0));
        }
        observations.add(observation("annual", "reporting_year", LocalDate.of(2021, 3, 31), 10.0));
        observations.add(observation("annual", "reporting_year", LocalDate.of(2022, 3, 31), 20.0));
        observations.add(observation("annual", "reporting_year", LocalDate.of(2023, 3, 31), 30.0));
        observations.add(observation("annual", "reporting_year", LocalDate.of(2025, 3, 31), 40.0));
        Dataset<Row> population = spark.createDataFrame(List.of(
                RowFactory.create("local_authority", "E12000002", "101", 2023, 50000.0, "available"),
                RowFactory.create("local_authority", "E12000002", "101", 2024, 40000.0, "available")),
                new StructType().add(Columns.GEOGRAPHIC_LEVEL, DataTypes.StringType)
                        .add(Columns.REGION_CODE, DataTypes.StringType).add(Columns.OLD_LA_CODE, DataTypes.StringType)
                        .add(ReferenceTables.MID_YEAR, DataTypes.IntegerType)
                        .add(ReferenceTables.POPULATION_COLUMN, DataTypes.DoubleType)
                        .add(Columns.STATUS, DataTypes.StringType));
        Catalogue catalogue = new Catalogue("test", List.of(
                indicator("count", "events", List.of(), 1, 0, Indicator.Frequency.MONTHLY, Indicator.Aggregation.SUM),
                indicator("rate", "events", List.of(Indicator.POPULATION), 10000, 1, Indicator.Frequency.MONTHLY,
                        Indicator.Aggregation.SUM),
                indicator("pct", "events", List.of("cases"), 100, 1, Indicator.Frequency.MONTHLY,
                        Indicator.Aggregation.SUM),
                indicator("open", "cases", List.of(), 1, 1, Indicator.Frequency.MONTHLY, Indicator.Aggregation.MEAN),
                indicator("yearly", "annual", List.of(), 1, 1, Indicator.Frequency.ANNUAL, Indicator.Aggregation.SUM)));
        Dataset<Row> values = IndicatorValues.compute(spark.createDataFrame(observations, TestObservations.schema()), population, catalogue);
        windows = Windows.compute(values, catalogue).cache();
    }

    @Test
    void rolling12MonthsSumsThenDividesAndMarksAGapIncomplete() {
        assertRowsEqualIgnoringOrder(List.of(
                row("count", "2024-03-31", 120.0, "available", 12L),
                row("rate", "2024-03-31", 24.0, "available", 12L),      // 120 / 50,000 * 10,000
                row("pct", "2024-03-31", 25.0, "available", 12L),       // 120 / 480 * 100
                row("open", "2024-03-31", 40.0, "available", 12L),      // mean of the snapshots
                row("count", "2024-06-30", 120.0, "available", 12L),
                row("rate", "2024-06-30", 30.0, "available", 12L),      // 120 / 40,000 (population of June 2024's year)
                row("count", "2024-08-31", null, "incomplete", 11L),
                row("rate", "2025-03-31", null, "incomplete", 11L),
                row("count", "2023-09-30", null, "incomplete", 6L)),
                pick(Windows.ROLLING_12, "count@2024-03-31", "rate@2024-03-31", "pct@2024-03-31", "open@2024-03-31",
                        "count@2024-06-30", "rate@2024-06-30", "count@2024-08-31", "rate@2025-03-31", "count@2023-09-30"),
                1e-9);
    }

    @Test
    void yearToDateRestartsInAprilAndNeedsEveryMonthSinceApril() {
        assertRowsEqualIgnoringOrder(List.of(
                row("count", "2024-03-31", 120.0, "available", 12L),
                row("count", "2024-04-30", 10.0, "available", 1L),
                row("count", "2024-06-30", 30.0, "available", 3L),
                row("count", "2024-08-31", null, "incomplete", 4L),
                row("rate", "2024-06-30", 7.5, "available", 3L)),    // 30 / 40,000 * 10,000
                pick(Windows.YEAR_TO_DATE, "count@2024-03-31", "count@2024-04-30", "count@2024-06-30",
                        "count@2024-08-31", "rate@2024-06-30"), 1e-9);
    }

    @Test
    void quartersRunAprilToJuneAndSoOn() {
        assertRowsEqualIgnoringOrder(List.of(
                row("count", "2024-03-31", 30.0, "available", 3L),
                row("count", "2024-06-30", 30.0, "available", 3L),
                row("count", "2024-09-30", null, "incomplete", 2L)),
                pick(Windows.QUARTER, "count@2024-03-31", "count@2024-06-30", "count@2024-09-30"), 1e-9);
    }

    @Test
    void threeYearAveragesNeedThreeConsecutiveYears() {
        assertRowsEqualIgnoringOrder(List.of(
                row("yearly", "2023-03-31", 20.0, "available", 3L),
                row("yearly", "2025-03-31", null, "incomplete", 2L)),  // 2023 and 2025 but not 2024
                pick(Windows.THREE_YEARS, "yearly@2023-03-31", "yearly@2025-03-31"), 1e-9);
    }

    /** The windows named as {@code indicator@window_end}. */
    private static Dataset<Row> pick(String window, String... keys) {
        return windows.filter(col(Windows.WINDOW).equalTo(window))
                .filter(org.apache.spark.sql.functions.concat(col(Columns.INDICATOR_ID), org.apache.spark.sql.functions.lit("@"),
                        col(Windows.WINDOW_END).cast("string")).isin((Object[]) keys))
                .select(col(Columns.INDICATOR_ID), col(Windows.WINDOW_END).cast("string"), col(Columns.VALUE),
                        col(Columns.STATUS), col(Windows.AVAILABLE_PERIODS));
    }

    private static Indicator indicator(String id, String numerator, List<String> denominators, double multiplier,
            int decimals, Indicator.Frequency frequency, Indicator.Aggregation aggregation) {
        return new Indicator(id, null, id, null, Unit.COUNT, Polarity.NEUTRAL, frequency, numerator, denominators,
                multiplier, decimals, Indicator.Rounding.HALF_UP, Indicator.ComparatorMethod.MEAN, null, null, null, 2,
                null, aggregation);
    }

    private static Row observation(String measure, String periodType, LocalDate end, double value) {
        return TestObservations.observation(measure, periodType, end, "101", value, "available");
    }
}
