package org.csbench.metrics;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import org.csbench.config.Catalogue;
import org.csbench.model.Columns;
import org.csbench.model.Status;

/**
 * {@code gold.indicator_value} -> {@code gold.indicator_window}: monthly indicators over rolling 12 months,
 * the financial year to date (April-March) and quarters (Q1 = April-June); annual indicators over 3 years.
 *
 * <p>Flows are summed and then divided (a rolling rate per 10,000 is the sum of the last 12 months over the
 * population of the window's last month; a rolling percentage is the sum of numerators over the sum of
 * denominators, never an average of percentages); snapshots ({@code aggregation: mean}) are averaged; a 3-year
 * figure is the mean of the three annual values. A window with any month (or year) missing, suppressed or not
 * available is marked {@code incomplete}, with how many it had, and gets no value: it is never computed from
 * fewer periods.
 */
public final class Windows {
    public static final String TABLE = "gold.indicator_window";
    public static final String WINDOW = "window";
    public static final String WINDOW_START = "window_start";
    public static final String WINDOW_END = "window_end";
    public static final String PERIOD_LABEL = "period_label";
    public static final String EXPECTED = "periods_expected";
    public static final String AVAILABLE_PERIODS = "periods_available";
    public static final String NUMERATOR_SUM = "numerator_sum";
    public static final String DENOMINATOR_SUM = "denominator_sum";

    public static final String ROLLING_12 = "rolling_12_months";
    public static final String YEAR_TO_DATE = "financial_year_to_date";
    public static final String QUARTER = "quarter";
    public static final String THREE_YEARS = "three_years";

    private static final String INCOMPLETE = "incomplete";

    private Windows() {
    }

    public static Dataset<Row> compute(Dataset<Row> indicatorValues, Catalogue catalogue) {
        Dataset<Row> indicators = broadcast(IndicatorValues.indicatorTable(indicatorValues.sparkSession(), catalogue)
                .select(col(IndicatorValues.CAT_ID).as(Columns.INDICATOR_ID), col("_uses_population"),
                        col("_d_expected"), col("_multiplier"), col("_half_even"), col("_mean")));
        Dataset<Row> values = indicatorValues.join(indicators, Columns.INDICATOR_ID)
                .withColumn("_present", col(IndicatorValues.NUMERATOR).isNotNull()
                        .and(col("_uses_population").or(col("_d_expected").gt(0)).unary_$bang()
                                .or(col(IndicatorValues.DENOMINATOR).isNotNull()))
                        .and(col(Columns.STATUS).isin(Status.AVAILABLE.code())
                                .or(col(IndicatorValues.STATUS_REASON).equalTo("denominator is zero"))));
        // One shuffle by series serves every window below: each partitions by a superset of these keys.
        Dataset<Row> monthly = values.filter(col(IndicatorValues.FREQUENCY).equalTo("monthly"))
                .repartition(col(Columns.INDICATOR_ID), col(Geography.GEO_KEY))
                .withColumn("_month", year(col(Columns.PERIOD_END)).multiply(12).plus(month(col(Columns.PERIOD_END))).minus(1))
                .withColumn("_fy", year(col(Columns.PERIOD_END)).plus(when(month(col(Columns.PERIOD_END)).geq(4), 1).otherwise(0)))
                .withColumn("_fy_start", make_date(col("_fy").minus(1), lit(4), lit(1)));
        Column[] series = {col(Columns.INDICATOR_ID), col(Geography.GEO_KEY), col(Columns.GEOGRAPHIC_LEVEL)};

        WindowSpec last12 = Window.partitionBy(series).orderBy(col("_month")).rangeBetween(-11, 0);
        Dataset<Row> rolling = aggregateOver(monthly, last12)
                .withColumn(WINDOW, lit(ROLLING_12))
                .withColumn(EXPECTED, lit(12))
                .withColumn(WINDOW_START, add_months(make_date(year(col(Columns.PERIOD_END)), month(col(Columns.PERIOD_END)), lit(1)), -11))
                .withColumn(PERIOD_LABEL, concat(lit("12 months to "), date_format(col(Columns.PERIOD_END), "yyyy-MM")));

        WindowSpec yearToDate = Window.partitionBy(col(Columns.INDICATOR_ID), col(Geography.GEO_KEY),
                col(Columns.GEOGRAPHIC_LEVEL), col("_fy")).orderBy(col("_month"))
                .rangeBetween(Window.unboundedPreceding(), 0);
        Dataset<Row> ytd = aggregateOver(monthly, yearToDate)
                .withColumn(WINDOW, lit(YEAR_TO_DATE))
                .withColumn(EXPECTED, col("_month").minus(col("_fy").minus(1).multiply(12).plus(3)).plus(1).cast("int"))
                .withColumn(WINDOW_START, col("_fy_start"))
                .withColumn(PERIOD_LABEL, concat(financialYear(col("_fy")), lit(" to "),
                        date_format(col(Columns.PERIOD_END), "yyyy-MM")));

        Column quarter = col("_month").minus(col("_fy").minus(1).multiply(12).plus(3)).divide(3).cast("int").plus(1);
        Dataset<Row> quarters = monthly.withColumn("_quarter", quarter)
                .groupBy(col(Columns.INDICATOR_ID), col(Geography.GEO_KEY), col(Columns.GEOGRAPHIC_LEVEL), col("_fy"),
                        col("_quarter"))
                .agg(first(col(Columns.OLD_LA_CODE), true).as(Columns.OLD_LA_CODE),
                        first(col(Columns.LA_NAME), true).as(Columns.LA_NAME),
                        first(col(Columns.REGION_CODE), true).as(Columns.REGION_CODE),
                        first(col(Columns.UNIT)).as(Columns.UNIT), first(col(IndicatorValues.NAME)).as(IndicatorValues.NAME),
                        first(col(IndicatorValues.POLARITY)).as(IndicatorValues.POLARITY),
                        first(col(IndicatorValues.DECIMALS)).as(IndicatorValues.DECIMALS),
                        first(col("_uses_population")).as("_uses_population"), first(col("_d_expected")).as("_d_expected"),
                        first(col("_multiplier")).as("_multiplier"), first(col("_half_even")).as("_half_even"),
                        first(col("_mean")).as("_mean"), first(col("_fy_start")).as("_fy_start"),
                        sum(when(col("_present"), col(IndicatorValues.NUMERATOR))).as(NUMERATOR_SUM),
                        sum(when(col("_present").and(col("_uses_population").unary_$bang()),
                                col(IndicatorValues.DENOMINATOR))).as(DENOMINATOR_SUM),
                        max(when(col("_uses_population"), col(IndicatorValues.DENOMINATOR))).as("_population"),
                        avg(when(col("_present"), col(IndicatorValues.VALUE_UNROUNDED))).as("_mean_value"),
                        count(when(col("_present"), 1)).as(AVAILABLE_PERIODS))
                .withColumn(WINDOW, lit(QUARTER))
                .withColumn(EXPECTED, lit(3))
                .withColumn(WINDOW_START, add_months(col("_fy_start"), col("_quarter").minus(1).multiply(3)))
                .withColumn(Columns.PERIOD_END, last_day(add_months(col(WINDOW_START), 2)))
                .withColumn(PERIOD_LABEL, concat(financialYear(col("_fy")), lit(" Q"), col("_quarter").cast("string")));

        Dataset<Row> annual = values.filter(col(IndicatorValues.FREQUENCY).equalTo("annual"));
        WindowSpec threeYears = Window.partitionBy(col(Columns.INDICATOR_ID), col(Geography.GEO_KEY),
                col(Columns.GEOGRAPHIC_LEVEL), col(Columns.PERIOD_TYPE)).orderBy(col(Columns.YEAR)).rangeBetween(-2, 0);
        Dataset<Row> threeYear = annual
                .withColumn(AVAILABLE_PERIODS, count(when(col(Columns.VALUE).isNotNull(), 1)).over(threeYears))
                .withColumn("_mean_value", avg(col(Columns.VALUE)).over(threeYears))
                .withColumn(NUMERATOR_SUM, sum(col(IndicatorValues.NUMERATOR)).over(threeYears))
                .withColumn(DENOMINATOR_SUM, sum(col(IndicatorValues.DENOMINATOR)).over(threeYears))
                .withColumn("_population", lit(null).cast("double"))
                .withColumn("_mean", lit(true))
                .withColumn(WINDOW, lit(THREE_YEARS))
                .withColumn(EXPECTED, lit(3))
                .withColumn(WINDOW_START, date_add(add_months(col(Columns.PERIOD_END), -36), 1))
                .withColumn(PERIOD_LABEL, concat(col(Columns.YEAR).minus(2).cast("string"), lit("-"),
                        col(Columns.YEAR).cast("string")));

        List<Dataset<Row>> all = List.of(finish(rolling), finish(ytd), finish(quarters), finish(threeYear));
        return all.get(0).unionByName(all.get(1)).unionByName(all.get(2)).unionByName(all.get(3));
    }

    private static Dataset<Row> aggregateOver(Dataset<Row> monthly, WindowSpec window) {
        return monthly
                .withColumn(NUMERATOR_SUM, sum(when(col("_present"), col(IndicatorValues.NUMERATOR))).over(window))
                .withColumn(DENOMINATOR_SUM, sum(when(col("_present").and(col("_uses_population").unary_$bang()),
                        col(IndicatorValues.DENOMINATOR))).over(window))
                .withColumn("_population", when(col("_uses_population"), col(IndicatorValues.DENOMINATOR)))
                .withColumn("_mean_value", avg(when(col("_present"), col(IndicatorValues.VALUE_UNROUNDED))).over(window))
                .withColumn(AVAILABLE_PERIODS, count(when(col("_present"), 1)).over(window));
    }

    private static Dataset<Row> finish(Dataset<Row> rows) {
        Column complete = col(AVAILABLE_PERIODS).equalTo(col(EXPECTED));
        Column hasMeasureDenominator = col("_d_expected").gt(0);
        Column decimals = col(IndicatorValues.DECIMALS);
        Column rounded = when(col("_mean"), Rounding.roundedDouble(col("_mean_value"), decimals))
                .when(col("_uses_population"), Rounding.value(col(NUMERATOR_SUM), col("_population"), col("_multiplier"),
                        decimals, col("_half_even")))
                .when(hasMeasureDenominator, Rounding.value(col(NUMERATOR_SUM), col(DENOMINATOR_SUM), col("_multiplier"),
                        decimals, col("_half_even")))
                .otherwise(Rounding.product(col(NUMERATOR_SUM), col("_multiplier"), decimals, col("_half_even")));
        Column value = col(Columns.VALUE);
        Column status = when(complete.and(value.isNotNull()), lit(Status.AVAILABLE.code()))
                .when(complete, lit(Status.NOT_AVAILABLE.code()))
                .otherwise(lit(INCOMPLETE));
        Column reason = when(complete.unary_$bang(), format_string("%d of %d periods available", col(AVAILABLE_PERIODS),
                        col(EXPECTED)))
                .when(value.isNull(), lit("denominator is zero or not available"));
        rows = rows.withColumn(Columns.VALUE, when(complete, rounded));
        return rows.select(col(Columns.INDICATOR_ID), col(IndicatorValues.NAME), col(Columns.UNIT),
                col(IndicatorValues.POLARITY), col(Columns.GEOGRAPHIC_LEVEL), col(Geography.GEO_KEY),
                col(Columns.OLD_LA_CODE), col(Columns.LA_NAME), col(Columns.REGION_CODE), col(WINDOW),
                col(PERIOD_LABEL), col(WINDOW_START), col(Columns.PERIOD_END).as(WINDOW_END), col(EXPECTED),
                col(AVAILABLE_PERIODS), col(NUMERATOR_SUM), col(DENOMINATOR_SUM), value,
                status.as(Columns.STATUS), reason.as(IndicatorValues.STATUS_REASON));
    }

    /** {@code 2024-25} for the financial year ending in March 2025. */
    private static Column financialYear(Column fyEnd) {
        return format_string("%d-%02d", fyEnd.minus(1), fyEnd.mod(100));
    }
}
