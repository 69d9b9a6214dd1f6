package org.csbench.benchmark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.Projections;
import org.csbench.model.GeographicLevel;
import org.csbench.model.Status;

/**
 * Region and England comparators of each authority's value: its region (London for Inner and Outer London) and
 * England.
 *
 * <p>An area's value is its own published row when the source has one with a usable value: {@code published}
 * when the source publishes the rate or percentage itself, {@code computed} when it was computed from the area's
 * published counts. Otherwise it is aggregated from the authorities' usable values ({@code aggregated}): their
 * numerators summed over their denominators summed for a rate or percentage, the mean of their values for an
 * indicator without a denominator. For counts the area's total is not comparable with one authority's count, so
 * the comparator is always the mean per authority. The count is the number of authorities with a usable value
 * in the area.
 */
final class AreaComparators {
    static final String PUBLISHED = "published";
    static final String COMPUTED = "computed";
    static final String AGGREGATED = "aggregated";
    /** The row's comparator region's sums in the period, from {@link #regionFound}. */
    static final String REGION_FOUND = "_r_found";

    private static final String LONDON = "E12000007";

    private AreaComparators() {
    }

    /** The region an authority is compared with: its region, or London for Inner and Outer London. */
    static Column parentRegion(Column regionCode) {
        return when(regionCode.startsWith("E13"), lit(LONDON)).otherwise(regionCode);
    }

    /**
     * Adds the areas' own published values (and their source) to authority rows (with
     * {@link Benchmarks#COMPARATOR_REGION}): the row's comparator region's and England's, where usable. Needs no
     * other authority, so it can run before the rows are moved to their periods.
     *
     * @param values {@code gold.indicator_value}, for the areas' own rows
     */
    static Dataset<Row> withPublished(Dataset<Row> rows, Dataset<Row> values) {
        Column level = col(Columns.GEOGRAPHIC_LEVEL);
        Dataset<Row> own = broadcast(values
                .filter(level.isin(GeographicLevel.REGIONAL.code(), GeographicLevel.NATIONAL.code())
                        .and(col(Columns.STATUS).equalTo(Status.AVAILABLE.code())).and(col(Columns.VALUE).isNotNull()))
                .select(col(Columns.INDICATOR_ID).as("_o_id"), col(Columns.PERIOD_TYPE).as("_o_type"),
                        col(Columns.PERIOD_END).as("_o_end"), col(Geography.GEO_KEY).as("_o_area"),
                        col(Columns.VALUE).as("_o_value"),
                        when(col(IndicatorValues.VALUE_SOURCE).equalTo("published"), lit(PUBLISHED))
                                .otherwise(lit(COMPUTED)).as("_o_source")));
        Dataset<Row> withRegion = withOwn(rows, own, col(Benchmarks.COMPARATOR_REGION), PeriodSummaries.REGIONAL);
        return withOwn(withRegion, own, lit(Geography.ENGLAND), PeriodSummaries.ENGLAND);
    }

    /**
     * The row's comparator region's sums ({@link PeriodSummaries#SUMS}) looked up in its period's
     * {@link PeriodSummaries#REGIONS}; null when the region has no usable value.
     */
    static Column regionFound() {
        return try_element_at(col(PeriodSummaries.REGIONS), col(Benchmarks.COMPARATOR_REGION));
    }

    /**
     * Adds the region's and England's value, source and count to authority rows (with
     * {@link Benchmarks#USABLE}, {@link Benchmarks#COMPARATOR_REGION}, the rules, the areas' published values from
     * {@link #withPublished}, their period's England sums from {@link PeriodSummaries#periods} and
     * {@link #REGION_FOUND}); drops {@link #REGION_FOUND}.
     */
    static Dataset<Row> withAreas(Dataset<Row> rows) {
        LinkedHashMap<String, Column> regional = new LinkedHashMap<>();
        for (String field : PeriodSummaries.SUMS) {
            regional.put(PeriodSummaries.REGIONAL + field, col(REGION_FOUND).getField(field));
        }
        Dataset<Row> withRegions = Projections.withColumns(rows, regional);
        Dataset<Row> withRegion = choose(withRegions.drop(REGION_FOUND), PeriodSummaries.REGIONAL,
                Benchmarks.REGION_VALUE, Benchmarks.REGION_SOURCE, Benchmarks.REGION_COUNT);
        return choose(withRegion, PeriodSummaries.ENGLAND, Benchmarks.ENGLAND_VALUE, Benchmarks.ENGLAND_SOURCE,
                Benchmarks.ENGLAND_COUNT);
    }

    /** Adds the area's own value and source as {@code p_own_value} and {@code p_own_source}. */
    private static Dataset<Row> withOwn(Dataset<Row> rows, Dataset<Row> own, Column area, String p) {
        return rows.join(own, col(Columns.INDICATOR_ID).equalTo(col("_o_id"))
                        .and(col(Columns.PERIOD_TYPE).equalTo(col("_o_type"))).and(col(Columns.PERIOD_END).equalTo(col("_o_end")))
                        .and(area.equalTo(col("_o_area"))), "left")
                .withColumnRenamed("_o_value", p + "_own_value").withColumnRenamed("_o_source", p + "_own_source")
                .drop("_o_id", "_o_type", "_o_end", "_o_area");
    }

    /** The area's own row where usable (not for counts), else the aggregate; drops the working columns. */
    private static Dataset<Row> choose(Dataset<Row> rows, String p, String value, String source, String count) {
        Column ownValue = col(p + "_own_value");
        Column useOwn = ownValue.isNotNull().and(col(IndicatorRules.IS_COUNT).unary_$bang());
        Column pooled = col(p + "_sum_n").multiply(col(IndicatorRules.MULTIPLIER)).divide(col(p + "_sum_d"));
        Column aggregatedValue = when(col(IndicatorRules.HAS_DENOMINATOR),
                when(col(p + "_pairs").gt(0).and(col(p + "_sum_d").gt(0)), pooled)).otherwise(col(p + "_mean"));
        LinkedHashMap<String, Column> chosen = new LinkedHashMap<>();
        chosen.put(value, when(useOwn, ownValue).otherwise(aggregatedValue));
        chosen.put(source, when(useOwn, col(p + "_own_source")).when(aggregatedValue.isNotNull(), lit(AGGREGATED)));
        chosen.put(count, coalesce(col(p + "_count"), lit(0L)));
        return Projections.withColumns(rows, chosen)
                .drop(p + "_own_value", p + "_own_source", p + "_sum_n", p + "_sum_d", p + "_pairs", p + "_mean",
                        p + "_count");
    }
}
