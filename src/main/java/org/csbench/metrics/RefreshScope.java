package org.csbench.metrics;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
    /** Why a period is in scope: {@value #LOADED}, {@value #WINDOW} or {@value #FOLLOWING}. */
    public static final String REASON = "scope_reason";
    /** The load wrote rows for the period. */
    public static final String LOADED = "loaded";
    /** A window reaching over a loaded period. */
    public static final String WINDOW = "window";
    /** A period whose direction of travel compares with a loaded one. */
    public static final String FOLLOWING = "following";

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
