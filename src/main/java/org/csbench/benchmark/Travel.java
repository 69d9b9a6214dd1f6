package org.csbench.benchmark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.LinkedHashMap;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.metrics.RefreshScope;
import org.csbench.model.Columns;
import org.csbench.model.Projections;
import org.csbench.model.Status;

/**
 * Direction of travel against the previous period (the month, quarter or year before) and against the same
 * period a year earlier: {@code improving}, {@code deteriorating} or {@code no_change} by polarity
 * ({@code increasing} / {@code decreasing} for a neutral indicator); {@code not_comparable} when the earlier
 * period is not the one before (a gap in the series) or the authority's boundary changed in between (a plain code
 * change does not break the series: the code-change table maps it); {@code not_available} when either value is
 * suppressed or missing. Each direction comes with the earlier value and, when there is no direction, the reason.
 */
final class Travel {
    static final String PREVIOUS_END = "previous_period_end";
    static final String PREVIOUS_VALUE = "previous_value";
    static final String PREVIOUS_DIRECTION = "direction_vs_previous";
    static final String PREVIOUS_REASON = "direction_vs_previous_reason";
    static final String LAST_YEAR_END = "last_year_period_end";
    static final String LAST_YEAR_VALUE = "last_year_value";
    static final String LAST_YEAR_DIRECTION = "direction_vs_last_year";
    static final String LAST_YEAR_REASON = "direction_vs_last_year_reason";
    /** {@link org.csbench.contract.CodeSet#DIRECTION_REASON}'s label for each reason. */
    static final String PREVIOUS_REASON_LABEL = "direction_vs_previous_reason_label";
    static final String LAST_YEAR_REASON_LABEL = "direction_vs_last_year_reason_label";
    /** True when the series has a row for the earlier period (whatever its status). */
    static final String PREVIOUS_FOUND = "previous_period_found";
    static final String LAST_YEAR_FOUND = "last_year_period_found";

    static final String IMPROVING = "improving";
    static final String DETERIORATING = "deteriorating";
    static final String NO_CHANGE = "no_change";
    static final String INCREASING = "increasing";
    static final String DECREASING = "decreasing";
    static final String NOT_COMPARABLE = "not_comparable";
    static final String NOT_AVAILABLE = "not_available";

    /** Keys of {@link #earlier}'s rows: indicator, period type, period end and authority. */
    static final String ID = "_t_id";
    static final String TYPE = "_t_type";
    static final String END = "_t_end";
    static final String LA = "_t_la";
    /** The previous period's value and status, a {@code (v, s)} struct; null when the series has no such row. */
    static final String PREVIOUS = "_t_previous";
    /** The same period a year earlier, as {@link #PREVIOUS}. */
    static final String LAST_YEAR = "_t_last_year";

    private static final String MONTH_INDEX = "_month_index";
    private static final double EPSILON = 1e-9;

    private Travel() {
    }

    /**
     * The earlier values of each authority row, keyed {@link #ID}, {@link #TYPE}, {@link #END} and {@link #LA}:
     * {@link #PREVIOUS} and {@link #LAST_YEAR}, each a {@code (v, s)} struct of value and status, null when the
     * series has no row for that period. Only narrow copies of the rows (keys, value, status) are sorted by series;
     * the result is partitioned by indicator and period (as the rows it is joined back to), in {@code partitions},
     * and {@link #withDirections} reads the directions from it after the join.
     */
    static Dataset<Row> earlier(Dataset<Row> authorities, int partitions) {
        Dataset<Row> narrow = authorities.select(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE),
                        col(Columns.PERIOD_END), col(Columns.OLD_LA_CODE), col(Boundaries.SERIES_CODE),
                        col(Columns.VALUE), col(Columns.STATUS))
                .repartition(partitions, col(Columns.INDICATOR_ID), col(Boundaries.SERIES_CODE));
        Column periodEnd = col(Columns.PERIOD_END);
        WindowSpec series = Window.partitionBy(col(Columns.INDICATOR_ID), col(Boundaries.SERIES_CODE),
                col(Columns.PERIOD_TYPE)).orderBy(col(MONTH_INDEX));
        Column earlier = struct(col(Columns.VALUE).as("v"), col(Columns.STATUS).as("s"), col(MONTH_INDEX).as("m"));
        // The row before is the previous period only when it is exactly one step earlier; the same period last
        // year is found by its month, however many rows lie between.
        Dataset<Row> indexed = narrow.withColumn(MONTH_INDEX, year(periodEnd).multiply(12).plus(month(periodEnd)));
        return indexed
                .withColumn("_before", lag(earlier, 1).over(series))
                .withColumn("_last_year", first(earlier).over(series.rangeBetween(-12, -12)))
                .select(col(Columns.INDICATOR_ID).as(ID), col(Columns.PERIOD_TYPE).as(TYPE),
                        col(Columns.PERIOD_END).as(END), col(Columns.OLD_LA_CODE).as(LA),
                        when(col("_before.m").equalTo(col(MONTH_INDEX).minus(step(col(Columns.PERIOD_TYPE)))),
                                struct(col("_before.v").as("v"), col("_before.s").as("s"))).as(PREVIOUS),
                        when(col("_last_year").isNotNull(),
                                struct(col("_last_year.v").as("v"), col("_last_year.s").as("s"))).as(LAST_YEAR))
                .repartition(partitions, col(ID), col(TYPE), col(END));
    }

    /**
     * Adds both directions, their earlier period ends, values and reasons to authority rows carrying
     * {@link #PREVIOUS} and {@link #LAST_YEAR} (from {@link #earlier}), {@link Boundaries#CHANGE_YEARS},
     * {@link Benchmarks#REPORTING_YEAR} and {@link IndicatorRules#SIGN}; drops the two structs.
     */
    static Dataset<Row> withDirections(Dataset<Row> rows) {
        Column periodEnd = col(Columns.PERIOD_END);
        Dataset<Row> ends = rows
                .withColumn(PREVIOUS_END, last_day(add_months(periodEnd, step(col(Columns.PERIOD_TYPE)).unary_$minus())))
                .withColumn(LAST_YEAR_END, last_day(add_months(periodEnd, -12)));
        Dataset<Row> withPrevious = direction(ends, PREVIOUS, PREVIOUS_END, PREVIOUS_VALUE, PREVIOUS_DIRECTION,
                PREVIOUS_REASON, PREVIOUS_REASON_LABEL, PREVIOUS_FOUND);
        return direction(withPrevious, LAST_YEAR, LAST_YEAR_END, LAST_YEAR_VALUE, LAST_YEAR_DIRECTION,
                LAST_YEAR_REASON, LAST_YEAR_REASON_LABEL, LAST_YEAR_FOUND).drop(PREVIOUS, LAST_YEAR);
    }

    /** Months from one period to the next: 1 for a month, 3 for a quarter, 12 for anything longer. */
    private static Column step(Column periodType) {
        return RefreshScope.stepMonths(periodType);
    }

    private static Dataset<Row> direction(Dataset<Row> rows, String earlier, String earlierEnd, String valueColumn,
            String directionColumn, String reasonColumn, String reasonLabelColumn, String foundColumn) {
        Column value = col(Columns.VALUE);
        Column status = col(Columns.STATUS);
        Column before = col(earlier + ".v");
        Column beforeStatus = col(earlier + ".s");
        Column available = lit(Status.AVAILABLE.code());
        Column earlierYear = Benchmarks.reportingYear(col(earlierEnd));
        Column changeYear = Boundaries.changeBetween(earlierYear, col(Benchmarks.REPORTING_YEAR));
        Column change = value.minus(before);
        Column sign = col(IndicatorRules.SIGN);
        Column valueUsable = status.equalTo(available).and(value.isNotNull());
        Column beforeUsable = beforeStatus.equalTo(available).and(before.isNotNull());

        Column direction = when(valueUsable.unary_$bang(), lit(NOT_AVAILABLE))
                .when(changeYear.isNotNull(), lit(NOT_COMPARABLE))
                .when(col(earlier).isNull(), lit(NOT_COMPARABLE))
                .when(beforeUsable.unary_$bang(), lit(NOT_AVAILABLE))
                .when(abs(change).leq(EPSILON), lit(NO_CHANGE))
                .when(sign.equalTo(0), when(change.gt(0), lit(INCREASING)).otherwise(lit(DECREASING)))
                .when(change.multiply(sign).gt(0), lit(IMPROVING))
                .otherwise(lit(DETERIORATING));
        Column reason = when(valueUsable.unary_$bang(), concat(lit("value is "), status))
                .when(changeYear.isNotNull(), concat(lit("boundary changed in reporting year "),
                        changeYear.cast(DataTypes.StringType)))
                .when(col(earlier).isNull(), concat(lit("no value for the period ending "),
                        col(earlierEnd).cast(DataTypes.StringType), lit(": the periods are not consecutive")))
                .when(beforeUsable.unary_$bang(), concat(lit("the earlier value is "), beforeStatus));
        Column reasonLabel = when(valueUsable.unary_$bang(), lit("value_not_available"))
                .when(changeYear.isNotNull(), lit("boundary_change"))
                .when(col(earlier).isNull(), lit("not_consecutive"))
                .when(beforeUsable.unary_$bang(), lit("earlier_not_available"));
        LinkedHashMap<String, Column> travel = new LinkedHashMap<>();
        travel.put(valueColumn, when(beforeUsable, before));
        travel.put(directionColumn, direction);
        travel.put(reasonColumn, reason);
        travel.put(reasonLabelColumn, reasonLabel);
        travel.put(foundColumn, col(earlier).isNotNull());
        return Projections.withColumns(rows, travel);
    }
}
