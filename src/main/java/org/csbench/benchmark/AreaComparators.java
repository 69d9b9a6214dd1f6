package org.csbench.benchmark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.GeographicLevel;
import org.csbench.model.Status;

/**
 * Region and England comparators, one row per indicator, period and area ({@link #AREA}: a region's GSS code,
 * London's parts under London, or England's code).
 *
 * <p>An area's value is its own published row when the source has one with a usable value: {@code published}
 * when the source publishes the rate or percentage itself, {@code computed} when it was computed from the area's
 * published counts. Otherwise it is aggregated from the authorities' usable values ({@code aggregated}): their
 * numerators summed over their denominators summed for a rate or percentage, the mean of their values for an
 * indicator without a denominator. For counts the area's total is not comparable with one authority's count, so
 * the comparator is always the mean per authority. {@link #USED} is the number of authorities with a usable value
 * in the area.
 */
final class AreaComparators {
    static final String AREA = "_area";
    static final String VALUE = "_area_value";
    static final String SOURCE = "_area_source";
    static final String USED = "_area_count";

    static final String PUBLISHED = "published";
    static final String COMPUTED = "computed";
    static final String AGGREGATED = "aggregated";

    private static final String LONDON = "E12000007";

    private AreaComparators() {
    }

    /** The region an authority is compared with: its region, or London for Inner and Outer London. */
    static Column parentRegion(Column regionCode) {
        return when(regionCode.startsWith("E13"), lit(LONDON)).otherwise(regionCode);
    }

    /**
     * @param values   {@code gold.indicator_value} with the rules joined
     * @param laUsable usable authority rows
     * @param rules    {@link IndicatorRules#table}
     */
    static Dataset<Row> areas(Dataset<Row> values, Dataset<Row> laUsable, Dataset<Row> rules) {
        Column both = col(Benchmarks.NUMERATOR).isNotNull().and(col(Benchmarks.DENOMINATOR).isNotNull());
        Dataset<Row> perLa = laUsable.select(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END),
                parentRegion(col(Columns.REGION_CODE)).as("_region"), col(Columns.VALUE),
                when(both, col(Benchmarks.NUMERATOR)).as("_n"), when(both, col(Benchmarks.DENOMINATOR)).as("_d"));
        Dataset<Row> regions = aggregate(perLa.withColumn(AREA, col("_region")));
        Dataset<Row> england = aggregate(perLa.withColumn(AREA, lit(Geography.ENGLAND)));
        Dataset<Row> aggregated = regions.unionByName(england).join(broadcast(rules), Columns.INDICATOR_ID);

        Column level = col(Columns.GEOGRAPHIC_LEVEL);
        Dataset<Row> own = values
                .filter(level.isin(GeographicLevel.REGIONAL.code(), GeographicLevel.NATIONAL.code())
                        .and(col(Columns.STATUS).equalTo(Status.AVAILABLE.code())).and(col(Columns.VALUE).isNotNull()))
                .select(col(Columns.INDICATOR_ID).as("_o_id"), col(Columns.PERIOD_TYPE).as("_o_type"),
                        col(Columns.PERIOD_END).as("_o_end"), col(Geography.GEO_KEY).as("_o_area"),
                        col(Columns.VALUE).as("_o_value"),
                        when(col(IndicatorValues.VALUE_SOURCE).equalTo("published"), lit(PUBLISHED))
                                .otherwise(lit(COMPUTED)).as("_o_source"));
        Dataset<Row> joined = aggregated.join(own, aggregated.col(Columns.INDICATOR_ID).equalTo(own.col("_o_id"))
                .and(aggregated.col(Columns.PERIOD_TYPE).equalTo(own.col("_o_type")))
                .and(aggregated.col(Columns.PERIOD_END).equalTo(own.col("_o_end")))
                .and(aggregated.col(AREA).equalTo(own.col("_o_area"))), "left");
        Column useOwn = col("_o_value").isNotNull().and(col(IndicatorRules.IS_COUNT).unary_$bang());
        Column pooled = col("_sum_n").multiply(col(IndicatorRules.MULTIPLIER)).divide(col("_sum_d"));
        Column aggregatedValue = when(col(IndicatorRules.HAS_DENOMINATOR),
                when(col("_pairs").gt(0).and(col("_sum_d").gt(0)), pooled)).otherwise(col("_mean"));
        return joined.select(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END), col(AREA),
                when(useOwn, col("_o_value")).otherwise(aggregatedValue).as(VALUE),
                when(useOwn, col("_o_source")).when(aggregatedValue.isNotNull(), lit(AGGREGATED)).as(SOURCE),
                col(USED));
    }

    private static Dataset<Row> aggregate(Dataset<Row> perLa) {
        return perLa.groupBy(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END), col(AREA))
                .agg(sum(col("_n")).as("_sum_n"), sum(col("_d")).as("_sum_d"), count(col("_d")).as("_pairs"),
                        avg(col(Columns.VALUE)).as("_mean"), count(col(Columns.VALUE)).as(USED));
    }
}
