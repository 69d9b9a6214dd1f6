package org.csbench.metrics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import org.csbench.config.Catalogue;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Keys;
import org.csbench.contract.Star;
import org.csbench.contract.Star.FactIndicatorWindow;
import org.csbench.delta.SparkSessions;
import org.csbench.model.Columns;
import org.csbench.model.Status;

/**
 * indicator values -> {@code gold.fact_indicator_window}: monthly indicators over rolling 12 months,
 * the financial year to date (April-March) and quarters (Q1 = April-June); annual indicators over 3 years.
 *
 * <p>Flows are summed and then divided (a rolling rate per 10,000 is the sum of the last 12 months over the
 * population of the window's last month; a rolling percentage is the sum of numerators over the sum of
 * denominators, never an average of percentages); snapshots ({@code aggregation: mean}) are averaged; a 3-year
 * figure is the mean of the three annual values. A window with any month (or year) missing, suppressed or not
 * available is marked {@code incomplete}, with how many it had, and gets no value: it is never computed from
 * fewer periods. Sums run in month order.
 *
 * <p>The monthly windows take one pass over narrow rows (keys and numbers; the catalogue's attributes are joined
 * back afterwards): one shuffle by series, one sorted window pass for the rolling 12 months, and one for the
 * financial year, which gives both the year to date and, on the last month each quarter has, the quarter. Each
 * month row then yields its rolling, year-to-date and (at most one) quarter row, all rounded by one expression.
 */
public final class Windows {
    public static final String WINDOW = "window";
    public static final String WINDOW_END = "window_end";
    public static final String EXPECTED = "periods_expected";
    public static final String AVAILABLE_PERIODS = "periods_available";
    public static final String NUMERATOR_SUM = "numerator_sum";
    public static final String DENOMINATOR_SUM = "denominator_sum";

    public static final String ROLLING_12 = "rolling_12_months";
    public static final String YEAR_TO_DATE = "financial_year_to_date";
    public static final String QUARTER = "quarter";
    public static final String THREE_YEARS = "three_years";

    private static final String INCOMPLETE = "incomplete";

    // Per month, what each window adds up: the numerator, the measure denominator and the value when the month
    // counts, the population (the window's last month's), and 1 when the month counts.
    private static final String N = "_n";
    private static final String D = "_d";
    private static final String V = "_v";
    private static final String POPULATION = "_population";
    private static final String PRESENT = "_p";
    private static final String MONTH = "_month";
    private static final String FY = "_fy";
    /** A month's place in its financial year, {@code quarter * 10 + month of the quarter}: quarters 10 apart. */
    private static final String FY_ORDER = "_fy_order";
    private static final String MEAN_VALUE = "_mean_value";
    private static final String ROW = "_window_row";

    private Windows() {
    }

    public static Dataset<Row> compute(Dataset<Row> indicatorValues, Catalogue catalogue) {
        Dataset<Row> catalogueTable = IndicatorValues.indicatorTable(indicatorValues.sparkSession(), catalogue);
        Dataset<Row> flags = broadcast(catalogueTable.select(col(IndicatorValues.CAT_ID).as(Columns.INDICATOR_ID),
                col("_uses_population"), col("_d_expected")));
        Dataset<Row> attributes = broadcast(catalogueTable.select(col(IndicatorValues.CAT_ID).as(Columns.INDICATOR_ID),
                col(IndicatorValues.DECIMALS), col("_uses_population"), col("_d_expected"), col("_multiplier"),
                col("_half_even"), col("_mean")));
        Dataset<Row> monthly = monthRows(indicatorValues.filter(col(IndicatorValues.FREQUENCY).equalTo("monthly"))
                .join(flags, Columns.INDICATOR_ID));
        Dataset<Row> annual = indicatorValues.filter(col(IndicatorValues.FREQUENCY).equalTo("annual"))
                .select(col(Columns.INDICATOR_ID), col(Geography.GEO_KEY), col(Columns.GEOGRAPHIC_LEVEL),
                        col(Columns.PERIOD_TYPE), col(Columns.YEAR), col(Columns.PERIOD_END), col(Columns.VALUE),
                        col(IndicatorValues.NUMERATOR), col(IndicatorValues.DENOMINATOR));
        return finish(monthlyWindows(monthly).join(attributes, Columns.INDICATOR_ID))
                .unionByName(finish(threeYears(annual).join(attributes, Columns.INDICATOR_ID)));
    }

    /** Window rows (as {@link #compute} gives them) as {@code gold.fact_indicator_window}: keys and measures. */
    public static Dataset<Row> fact(Dataset<Row> windows) {
        return FactIndicatorWindow.TABLE.conform(windows
                .withColumn(Star.INDICATOR_KEY, Keys.indicator(col(Columns.INDICATOR_ID)))
                .withColumn(Star.AREA_KEY, Keys.area(col(Geography.GEO_KEY)))
                .withColumn(Star.PERIOD_KEY, Keys.period(col(WINDOW), col(WINDOW_END)))
                .withColumn(FactIndicatorWindow.STATUS, CodeSet.STATUS.encode(col(Columns.STATUS))));
    }

    /** Monthly values as narrow rows: series keys, month numbers and what the windows add up. */
    private static Dataset<Row> monthRows(Dataset<Row> values) {
        Column present = col(IndicatorValues.NUMERATOR).isNotNull()
                .and(col("_uses_population").or(col("_d_expected").gt(0)).unary_$bang()
                        .or(col(IndicatorValues.DENOMINATOR).isNotNull()))
                .and(col(Columns.STATUS).isin(Status.AVAILABLE.code())
                        .or(col(IndicatorValues.STATUS_REASON_LABEL).equalTo("denominator_zero")));
        Column end = col(Columns.PERIOD_END);
        Column monthIndex = year(end).multiply(12).plus(month(end)).minus(1);
        Column fy = Dimensions.financialYearEnd(end);
        Column monthOfYear = monthIndex.minus(fy.minus(1).multiply(12).plus(3));
        Column quarter = monthOfYear.divide(3).cast("int").plus(1);
        return values.select(col(Columns.INDICATOR_ID), col(Geography.GEO_KEY), col(Columns.GEOGRAPHIC_LEVEL), end,
                monthIndex.as(MONTH), fy.as(FY), quarter.multiply(10).plus(monthOfYear.mod(3)).as(FY_ORDER),
                when(present, col(IndicatorValues.NUMERATOR)).as(N),
                when(present.and(col("_uses_population").unary_$bang()), col(IndicatorValues.DENOMINATOR)).as(D),
                when(col("_uses_population"), col(IndicatorValues.DENOMINATOR)).as(POPULATION),
                when(present, col(IndicatorValues.VALUE_UNROUNDED)).as(V),
                when(present, 1).as(PRESENT));
    }

    /** Each month's rolling 12-month and year-to-date rows, and its quarter's row on the quarter's last month. */
    private static Dataset<Row> monthlyWindows(Dataset<Row> months) {
        Column[] series = {col(Columns.INDICATOR_ID), col(Geography.GEO_KEY), col(Columns.GEOGRAPHIC_LEVEL)};
        // Rolling 12 months over a sliding frame, so that a window's sums depend only on its own twelve months: a
        // refresh that reads a few years of a series sums them exactly as a rebuild that reads all of it.
        WindowSpec last12 = Window.partitionBy(series).orderBy(col(MONTH)).rangeBetween(-11, 0);
        WindowSpec financialYear = Window.partitionBy(col(Columns.INDICATOR_ID), col(Geography.GEO_KEY),
                col(Columns.GEOGRAPHIC_LEVEL), col(FY)).orderBy(col(FY_ORDER));
        WindowSpec yearToDate = financialYear.rangeBetween(Window.unboundedPreceding(), 0);
        WindowSpec quarter = financialYear.rangeBetween(-2, 2);
        int partitions = SparkSessions.shufflePartitions(months.sparkSession());
        Dataset<Row> windowed = months
                // A fixed number of partitions: rows are narrow, so adaptive execution would otherwise coalesce
                // them into a single task and leave a core idle.
                .repartition(partitions, col(Columns.INDICATOR_ID), col(Geography.GEO_KEY))
                .select(col(Columns.INDICATOR_ID), col(Geography.GEO_KEY), col(Columns.GEOGRAPHIC_LEVEL),
                        col(Columns.PERIOD_END), col(FY), col(FY_ORDER), col(POPULATION),
                        sum(col(N)).over(last12).as("_r_n"), sum(col(D)).over(last12).as("_r_d"),
                        sum(col(V)).over(last12).divide(count(col(V)).over(last12)).as("_r_v"),
                        count(col(PRESENT)).over(last12).as("_r_c"),
                        sum(col(N)).over(yearToDate).as("_y_n"), sum(col(D)).over(yearToDate).as("_y_d"),
                        avg(col(V)).over(yearToDate).as("_y_v"), count(col(PRESENT)).over(yearToDate).as("_y_c"),
                        sum(col(N)).over(quarter).as("_q_n"), sum(col(D)).over(quarter).as("_q_d"),
                        avg(col(V)).over(quarter).as("_q_v"), count(col(PRESENT)).over(quarter).as("_q_c"),
                        max(col(POPULATION)).over(quarter).as("_q_population"),
                        max(col(FY_ORDER)).over(quarter).as("_q_last"));

        // Each month gives up to three window rows. Their starts and labels are gold.dim_period's (Dimensions).
        Column monthsSoFar = col(FY_ORDER).minus(10).divide(10).cast("int").multiply(3).plus(col(FY_ORDER).mod(10))
                .plus(1);
        Column rolling = windowRow(ROLLING_12, lit(12), col(Columns.PERIOD_END), "_r_", col(POPULATION));
        Column ytd = windowRow(YEAR_TO_DATE, monthsSoFar, col(Columns.PERIOD_END), "_y_", col(POPULATION));
        Column quarterRow = when(col(FY_ORDER).equalTo(col("_q_last")), windowRow(QUARTER, lit(3),
                Dimensions.quarterEnd(col(Columns.PERIOD_END)), "_q_", col("_q_population")));
        return windowed.select(col(Columns.INDICATOR_ID), col(Geography.GEO_KEY), col(Columns.GEOGRAPHIC_LEVEL),
                        explode(array(rolling, ytd, quarterRow)).as(ROW))
                .filter(col(ROW).isNotNull())
                .select(col("*"), col(ROW + ".*"))
                .drop(ROW);
    }

    private static Column windowRow(String window, Column expected, Column end, String prefix, Column population) {
        return struct(lit(window).as(WINDOW), expected.as(EXPECTED), end.as(Columns.PERIOD_END),
                col(prefix + "n").as(NUMERATOR_SUM), col(prefix + "d").as(DENOMINATOR_SUM), population.as(POPULATION),
                col(prefix + "v").as(MEAN_VALUE), col(prefix + "c").as(AVAILABLE_PERIODS));
    }

    /** Annual values over 3 consecutive years: the mean of the values, and the sums of the inputs. */
    private static Dataset<Row> threeYears(Dataset<Row> annual) {
        WindowSpec threeYears = Window.partitionBy(col(Columns.INDICATOR_ID), col(Geography.GEO_KEY),
                col(Columns.GEOGRAPHIC_LEVEL), col(Columns.PERIOD_TYPE)).orderBy(col(Columns.YEAR)).rangeBetween(-2, 0);
        return annual
                .withColumn(AVAILABLE_PERIODS, count(when(col(Columns.VALUE).isNotNull(), 1)).over(threeYears))
                .withColumn(MEAN_VALUE, avg(col(Columns.VALUE)).over(threeYears))
                .withColumn(NUMERATOR_SUM, sum(col(IndicatorValues.NUMERATOR)).over(threeYears))
                .withColumn(DENOMINATOR_SUM, sum(col(IndicatorValues.DENOMINATOR)).over(threeYears))
                .withColumn(POPULATION, lit(null).cast("double"))
                .withColumn(WINDOW, lit(THREE_YEARS))
                .withColumn(EXPECTED, lit(3));
    }

    /** Rounds and judges window rows that carry the catalogue's attributes. */
    private static Dataset<Row> finish(Dataset<Row> rows) {
        Column complete = col(AVAILABLE_PERIODS).equalTo(col(EXPECTED));
        Column usesPopulation = col("_uses_population");
        Column hasDenominator = usesPopulation.or(col("_d_expected").gt(0));
        Column denominator = when(usesPopulation, col(POPULATION)).otherwise(col(DENOMINATOR_SUM));
        Column decimals = col(IndicatorValues.DECIMALS);
        // Three-year windows always average the annual values.
        Column mean = col("_mean").or(col(WINDOW).equalTo(THREE_YEARS));
        Column numerator = col(NUMERATOR_SUM);
        Column multiplier = col("_multiplier");
        Column approximate = when(mean, col(MEAN_VALUE))
                .when(hasDenominator, Rounding.quotient(numerator, denominator, multiplier))
                .otherwise(numerator.multiply(multiplier));
        Column exact = when(mean, Rounding.exactDouble(col(MEAN_VALUE)))
                .when(hasDenominator, Rounding.exactQuotient(numerator, denominator, multiplier))
                .otherwise(Rounding.exactProduct(numerator, multiplier));
        // Means are rounded half up, as every other value without a rounding of its own.
        Column halfEven = mean.unary_$bang().and(col("_half_even"));
        Column value = col(Columns.VALUE);
        Column status = when(complete.and(value.isNotNull()), lit(Status.AVAILABLE.code()))
                .when(complete, lit(Status.NOT_AVAILABLE.code()))
                .otherwise(lit(INCOMPLETE));
        Column reason = when(complete.unary_$bang(), concat(col(AVAILABLE_PERIODS).cast("string"), lit(" of "),
                        col(EXPECTED).cast("string"), lit(" periods available")))
                .when(value.isNull(), lit("denominator is zero or not available"));
        rows = Rounding.withRounded(rows, Columns.VALUE, when(complete, approximate), exact, decimals, halfEven);
        return rows.select(col(Columns.INDICATOR_ID), col(Columns.GEOGRAPHIC_LEVEL), col(Geography.GEO_KEY),
                col(WINDOW), col(Columns.PERIOD_END).as(WINDOW_END), col(EXPECTED),
                col(AVAILABLE_PERIODS), col(NUMERATOR_SUM), col(DENOMINATOR_SUM), value,
                status.as(Columns.STATUS), reason.as(IndicatorValues.STATUS_REASON));
    }
}
