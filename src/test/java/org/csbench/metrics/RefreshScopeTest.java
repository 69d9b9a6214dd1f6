package org.csbench.metrics;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.model.Columns;

/**
 * A warehouse whose earlier run loaded May 2024; this run ({@code run-2}) loads June 2024 (a month in the first quarter
 * of 2024-25) and the reporting year to 31 March 2024 (a new release). The periods in scope are worked out by hand.
 */
class RefreshScopeTest {
    private static Dataset<Row> scope;

    @BeforeAll
    static void compute() {
        StructType schema = new StructType().add(Columns.LOAD_ID, DataTypes.StringType)
                .add(Columns.PERIOD_TYPE, DataTypes.StringType).add(Columns.PERIOD_END, DataTypes.DateType)
                .add(Columns.INDICATOR_ID, DataTypes.StringType);
        Dataset<Row> observations = SparkTestSession.get().createDataFrame(List.of(
                RowFactory.create("run-1", "month", date(2024, 5, 31), "contacts"),
                RowFactory.create("run-2", "month", date(2024, 6, 30), "contacts"),
                RowFactory.create("run-2", "month", date(2024, 6, 30), "referrals"),
                RowFactory.create("run-2", "reporting_year", date(2024, 3, 31), "cin")), schema);
        scope = RefreshScope.of(observations, "run-2").cache();
    }

    @Test
    void theLoadedPeriodsAreTheRunsOwnOnly() {
        assertRowsEqualIgnoringOrder(List.of(row("month", date(2024, 6, 30)), row("reporting_year", date(2024, 3, 31))),
                periods(RefreshScope.LOADED, null), 0);
    }

    @Test
    void aMonthReachesTwelveRollingWindowsTheYearsToDateUntilMarchAndItsQuarter() {
        List<List<Object>> rolling = new ArrayList<>();
        for (int k = 0; k < 12; k++) { // June 2024 to May 2025
            rolling.add(row(monthEnd(2024, 6 + k)));
        }
        assertRowsEqualIgnoringOrder(rolling, ends(Windows.ROLLING_12), 0);
        List<List<Object>> toDate = new ArrayList<>();
        for (int k = 0; k < 10; k++) { // June 2024 to March 2025
            toDate.add(row(monthEnd(2024, 6 + k)));
        }
        assertRowsEqualIgnoringOrder(toDate, ends(Windows.YEAR_TO_DATE), 0);
        assertRowsEqualIgnoringOrder(List.of(row(date(2024, 6, 30))), ends(Windows.QUARTER), 0);
    }

    @Test
    void aYearReachesTheThreeYearWindowsEndingInItAndTheTwoYearsAfter() {
        assertRowsEqualIgnoringOrder(List.of(row(date(2024, 3, 31)), row(date(2025, 3, 31)), row(date(2026, 3, 31))),
                ends(Windows.THREE_YEARS), 0);
    }

    @Test
    void theNextPeriodAndTheSamePeriodAYearLaterCompareWithALoadedOne() {
        assertRowsEqualIgnoringOrder(List.of(row("month", date(2024, 7, 31)), row("month", date(2025, 6, 30)),
                row("reporting_year", date(2025, 3, 31))), periods(RefreshScope.FOLLOWING, null), 0);
    }

    @Test
    void aMarchMonthReachesOnlyItsOwnYearToDate() {
        StructType schema = new StructType().add(Columns.PERIOD_TYPE, DataTypes.StringType)
                .add(Columns.PERIOD_END, DataTypes.DateType);
        Dataset<Row> march = SparkTestSession.get().createDataFrame(
                List.of(RowFactory.create("month", date(2025, 3, 31))), schema);
        assertRowsEqualIgnoringOrder(List.of(row(Windows.YEAR_TO_DATE, date(2025, 3, 31)),
                row(Windows.QUARTER, date(2025, 3, 31))), RefreshScope.windows(march)
                .filter(col(Columns.PERIOD_TYPE).notEqual(Windows.ROLLING_12))
                .select(Columns.PERIOD_TYPE, Columns.PERIOD_END), 0);
    }

    private static Dataset<Row> periods(String reason, String type) {
        Dataset<Row> rows = scope.filter(col(RefreshScope.REASON).equalTo(reason));
        return (type == null ? rows : rows.filter(col(Columns.PERIOD_TYPE).equalTo(type)))
                .select(Columns.PERIOD_TYPE, Columns.PERIOD_END);
    }

    private static Dataset<Row> ends(String windowType) {
        return periods(RefreshScope.WINDOW, windowType).select(Columns.PERIOD_END);
    }

    private static Date monthEnd(int year, int month) {
        LocalDate first = LocalDate.of(year + (month - 1) / 12, (month - 1) % 12 + 1, 1);
        return Date.valueOf(first.plusMonths(1).minusDays(1));
    }

    private static Date date(int year, int month, int day) {
        return Date.valueOf(LocalDate.of(year, month, day));
    }
}
