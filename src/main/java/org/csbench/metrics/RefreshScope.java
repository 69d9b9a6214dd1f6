package org.csbench.metrics;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.sql.Date;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.contract.Keys;
import org.csbench.model.Columns;

/**
 * Which periods a load can change, for an incremental refresh: the periods it loaded rows for (a new month, the
 * years a new release covers), the windows that reach over them (rolling 12 months, year to date and quarter of a
 * month; 3 years over an annual period) and the periods whose direction of travel compares with them (the next
 * period and the same period a year later). Every value, window and benchmark of any other period reads nothing
 * the load changed. One row per period and reason, in {@link Columns#PERIOD_TYPE} and {@link Columns#PERIOD_END}.
 *
 * <p>A load marks a row not current only where it loads a row of the same key ({@link org.csbench.ingest.Vintages}),
 * so the rows with the run's load id name every key whose current value may have changed.
 */
public final class RefreshScope {
    /**
     * Why a period is in scope: {@value #LOADED}, {@value #WINDOW}, {@value #FOLLOWING}, {@value #EXTRACT} or
     * {@value #PRECEDING}.
     */
    public static final String REASON = "scope_reason";
    /** The load wrote rows for the period. */
    public static final String LOADED = "loaded";
    /** A window reaching over a loaded period. */
    public static final String WINDOW = "window";
    /** A period whose direction of travel compares with a loaded one. */
    public static final String FOLLOWING = "following";
    /** A period of a reporting year whose targets a loaded scorecard extract sets. */
    public static final String EXTRACT = "extract";
    /** A period a benchmarked one compares with. */
    public static final String PRECEDING = "preceding";

    private static final String MONTH = "month";
    private static final String OFFSET = "_scope_offset";

    private RefreshScope() {
    }

    /** The periods, windows and following periods that rows of {@code observations} loaded by {@code loadId} touch. */
    public static Dataset<Row> of(Dataset<Row> observations, String loadId) {
        Dataset<Row> loaded = loaded(observations, loadId);
        return loaded.unionByName(windows(loaded)).unionByName(following(loaded));
    }

    /** The periods {@code loadId} wrote observations for, whatever their vintage or whether they are current. */
    public static Dataset<Row> loaded(Dataset<Row> observations, String loadId) {
        return observations.filter(col(Columns.LOAD_ID).equalTo(loadId))
                .select(col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END)).distinct()
                .withColumn(REASON, lit(LOADED));
    }

    /**
     * The windows over {@code periods}: of a month, the rolling 12 months ending in it and the 11 months after, the
     * years to date ending in it and in each later month to March, and its quarter; of an annual period (reporting
     * year, census date), the 3 years ending at it and at each of the 2 years after.
     */
    public static Dataset<Row> windows(Dataset<Row> periods) {
        Column end = col(Columns.PERIOD_END);
        Column isMonth = col(Columns.PERIOD_TYPE).equalTo(MONTH);
        Dataset<Row> months = periods.filter(isMonth);
        Column monthsToMarch = Dimensions.financialYearEnd(end).multiply(12).plus(3)
                .minus(year(end).multiply(12).plus(month(end)));
        Dataset<Row> rolling = forward(months, Windows.ROLLING_12, sequence(lit(0), lit(11)), lit(1));
        Dataset<Row> toDate = forward(months, Windows.YEAR_TO_DATE, sequence(lit(0), monthsToMarch), lit(1));
        Dataset<Row> quarter = months.select(lit(Windows.QUARTER).as(Columns.PERIOD_TYPE),
                Dimensions.quarterEnd(end).as(Columns.PERIOD_END));
        Dataset<Row> threeYears = forward(periods.filter(isMonth.unary_$bang()), Windows.THREE_YEARS,
                sequence(lit(0), lit(2)), lit(12));
        return rolling.unionByName(toDate).unionByName(quarter).unionByName(threeYears).distinct()
                .withColumn(REASON, lit(WINDOW));
    }

    /**
     * The periods whose direction of travel reads {@code periods}: one step later (a month, a quarter, a year, as
     * benchmark.Travel steps) and a year later, of the same period type.
     */
    public static Dataset<Row> following(Dataset<Row> periods) {
        Column type = col(Columns.PERIOD_TYPE);
        Column end = col(Columns.PERIOD_END);
        return periods.select(type, last_day(add_months(end, stepMonths(type))).as(Columns.PERIOD_END))
                .unionByName(periods.select(type, last_day(add_months(end, 12)).as(Columns.PERIOD_END))).distinct()
                .withColumn(REASON, lit(FOLLOWING));
    }

    /**
     * The periods whose direction of travel {@code periods} read: one step earlier and a year earlier, of the same
     * period type (the inverse of {@link #following}).
     */
    public static Dataset<Row> preceding(Dataset<Row> periods) {
        Column type = col(Columns.PERIOD_TYPE);
        Column end = col(Columns.PERIOD_END);
        return periods.select(type, last_day(add_months(end, stepMonths(type).unary_$minus())).as(Columns.PERIOD_END))
                .unionByName(periods.select(type, last_day(add_months(end, -12)).as(Columns.PERIOD_END))).distinct()
                .withColumn(REASON, lit(PRECEDING));
    }

    /**
     * What an incremental refresh recomputes, collected once (a load touches a handful of periods, so the lists are
     * short and name the rows to replace in each table's {@code replaceWhere}).
     *
     * @param loaded           keys of the periods the load wrote observations for (empty: nothing to refresh)
     * @param windows          keys of the windows that reach over a loaded period
     * @param benchmarked      keys of the periods whose benchmarks change: the loaded ones, those following them, and
     *                         those of the reporting years a loaded scorecard extract covers
     * @param benchmarkInputs  keys of the periods those benchmarks read: themselves and the periods before them
     * @param first            the first loaded period's end (null when none was loaded)
     * @param last             the last loaded period's end
     */
    public record Periods(List<Long> loaded, List<Long> windows, List<Long> benchmarked, List<Long> benchmarkInputs,
            Date first, Date last) {
        public Periods {
            loaded = List.copyOf(loaded);
            windows = List.copyOf(windows);
            benchmarked = List.copyOf(benchmarked);
            benchmarkInputs = List.copyOf(benchmarkInputs);
        }

        /** The periods {@code loadId} touches in {@code observations}. */
        public static Periods of(Dataset<Row> observations, String loadId) {
            return of(observations, loadId, List.of());
        }

        /**
         * As {@link #of(Dataset, String)}, with every period of the reporting years {@code extractYears} benchmarked
         * again: a council's scorecard extract sets the targets of the reporting years it covers (and the
         * comparators of its month), which every period of those years is judged against.
         */
        public static Periods of(Dataset<Row> observations, String loadId, List<Integer> extractYears) {
            Dataset<Row> loadedPeriods = RefreshScope.loaded(observations, loadId).cache();
            try {
                Dataset<Row> benchmarked = loadedPeriods.unionByName(following(loadedPeriods));
                if (!extractYears.isEmpty()) {
                    benchmarked = benchmarked.unionByName(observations
                            .filter(Dimensions.financialYearEnd(col(Columns.PERIOD_END)).isin(extractYears.toArray()))
                            .select(col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END)).distinct()
                            .withColumn(REASON, lit(EXTRACT)));
                }
                Row range = loadedPeriods.agg(min(col(Columns.PERIOD_END)), max(col(Columns.PERIOD_END))).first();
                return new Periods(keys(loadedPeriods), keys(RefreshScope.windows(loadedPeriods)), keys(benchmarked),
                        keys(benchmarked.unionByName(preceding(benchmarked))),
                        range.getDate(0), range.getDate(1));
            } finally {
                loadedPeriods.unpersist();
            }
        }

        /**
         * The first period end the windows of the loaded periods read: 24 months before the first loaded period (the
         * first year of a 3-year window; a month's windows reach back at most 23 months, to the start of the
         * financial year its rolling 12 months begin in).
         */
        public Date windowInputsFrom() {
            return Date.valueOf(first.toLocalDate().minusMonths(24));
        }

        /** The last period end those windows read: 24 months after the last loaded period (a month's windows end
         * within 11 months of it, their quarter within 13). */
        public Date windowInputsTo() {
            return Date.valueOf(last.toLocalDate().plusMonths(24));
        }

        /** The load wrote no observations: nothing to recompute. */
        public boolean isEmpty() {
            return loaded.isEmpty();
        }

        /** {@code column IN (keys)}, as a Delta {@code replaceWhere} condition; never empty ({@code false}). */
        public static String in(String column, List<Long> keys) {
            return keys.isEmpty() ? "false" : column + " IN (" + String.join(", ",
                    keys.stream().map(String::valueOf).toList()) + ")";
        }

        /** {@code column} is one of {@code keys}. */
        public static Column isIn(Column column, List<Long> keys) {
            return keys.isEmpty() ? lit(false) : column.isin(keys.toArray());
        }

        private static List<Long> keys(Dataset<Row> periods) {
            return periods.select(Keys.period(col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END)).as("_key"))
                    .distinct().collectAsList().stream().map(r -> r.getLong(0)).sorted().toList();
        }
    }

    /** The months from one period of {@code periodType} to the next: a month, a quarter (3), else a year (12). */
    public static Column stepMonths(Column periodType) {
        return when(periodType.equalTo(MONTH), lit(1)).when(periodType.equalTo(Windows.QUARTER), lit(3))
                .otherwise(lit(12));
    }

    /** Windows of {@code type} ending {@code offsets} times {@code monthsPerOffset} months after each period. */
    private static Dataset<Row> forward(Dataset<Row> periods, String type, Column offsets, Column monthsPerOffset) {
        return periods.select(col(Columns.PERIOD_END), explode(offsets).as(OFFSET))
                .select(lit(type).as(Columns.PERIOD_TYPE), last_day(add_months(col(Columns.PERIOD_END),
                        col(OFFSET).multiply(monthsPerOffset))).as(Columns.PERIOD_END));
    }
}
