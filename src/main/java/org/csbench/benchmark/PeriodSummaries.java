package org.csbench.benchmark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;

import org.csbench.model.Columns;
import org.csbench.model.ExactSums;

/**
 * What every authority's comparison with the others in the same indicator and period needs, aggregated once per
 * indicator and period from the usable authority values, so no comparison needs a window over the authority rows
 * (each window would copy and sort every row):
 * <ul>
 * <li>{@link #VALUES}: each authority's value (and numerator and denominator, when it has both) keyed by its
 * {@link NeighbourAverages#KEY}, for neighbour averages;</li>
 * <li>{@link #ORDER}: the values sorted best first (negated when higher is better), so an authority's rank is the
 * position of its own value, ties sharing the lower rank;</li>
 * <li>the R type 7 quartiles of the values and their count;</li>
 * <li>England's sums and counts ({@code _e_} columns) and each comparator region's ({@link #REGIONS}).</li>
 * </ul>
 * Rows in must carry {@link Benchmarks#USABLE}, {@link IndicatorRules#SIGN}, {@link Benchmarks#COMPARATOR_REGION}
 * and {@link NeighbourAverages#KEY}.
 */
final class PeriodSummaries {
    static final String VALUES = "_p_values";
    static final String ORDER = "_p_order";
    static final String COUNT = "_p_count";
    static final String ID = "_p_id";
    static final String TYPE = "_p_type";
    static final String END = "_p_end";
    static final String REGION = "_p_region";
    /** Comparator region -> its sums ({@link #SUMS}) in the period. */
    static final String REGIONS = "_p_regions";
    /** The fields of an area's sums, after its prefix ({@link #ENGLAND}, {@link #REGIONAL}). */
    static final List<String> SUMS = List.of("_sum_n", "_sum_d", "_pairs", "_mean", "_count");
    /** Prefix of the England sums, counts and mean. */
    static final String ENGLAND = "_e";
    /** Prefix of a region's sums, counts and mean. */
    static final String REGIONAL = "_r";

    private static final String SORTED = "_p_sorted";
    private static final String X_SUM_N = "_x_sum_n";
    private static final String X_SUM_D = "_x_sum_d";
    private static final String X_SUM_V = "_x_sum_v";
    private static final String X_PAIRS = "_x_pairs";
    private static final String X_COUNT = "_x_count";

    private PeriodSummaries() {
    }

    /**
     * One row per indicator and period with a usable value, keyed {@link #ID}, {@link #TYPE}, {@link #END}. Two
     * aggregates over the same rows, without a shuffle between them: per comparator region first (its sums, and
     * the values collected), then per period (the regions' lists joined, England's sums from the regions' sums,
     * and the regions' sums as the map {@link #REGIONS}), so the regions need no second pass over the rows.
     */
    static Dataset<Row> periods(Dataset<Row> rows) {
        Column value = col(Columns.VALUE);
        Column sign = col(IndicatorRules.SIGN);
        Column bestFirst = when(sign.equalTo(1), value.unary_$minus()).otherwise(value);
        Column both = both();
        Column entry = when(col(NeighbourAverages.KEY).isNotNull(), struct(col(NeighbourAverages.KEY).as("key"),
                struct(value.as("v"), when(both, col(Benchmarks.NUMERATOR)).as("n"),
                        when(both, col(Benchmarks.DENOMINATOR)).as("d")).as("value")));
        List<Column> perRegion = new ArrayList<>(List.of(collect_list(entry).as("_l_values"),
                collect_list(bestFirst).as("_l_order"), collect_list(value).as("_l_sorted")));
        perRegion.addAll(exactSums());
        Dataset<Row> regions = aggregate(rows.filter(col(Benchmarks.USABLE))
                .groupBy(col(Columns.INDICATOR_ID).as(ID), col(Columns.PERIOD_TYPE).as(TYPE),
                        col(Columns.PERIOD_END).as(END), col(Benchmarks.COMPARATOR_REGION).as(REGION)), perRegion);
        Column regionEntry = when(col(REGION).isNotNull(), struct(col(REGION).as("key"),
                struct(fromExact("", c -> col(c)).toArray(Column[]::new)).as("value")));
        List<Column> perPeriod = new ArrayList<>(List.of(
                map_from_entries(flatten(collect_list(col("_l_values")))).as(VALUES),
                array_sort(flatten(collect_list(col("_l_order")))).as(ORDER),
                array_sort(flatten(collect_list(col("_l_sorted")))).as(SORTED),
                map_from_entries(collect_list(regionEntry)).as(REGIONS)));
        perPeriod.addAll(fromExact(ENGLAND, c -> sum(col(c))));
        return aggregate(regions.groupBy(col(ID), col(TYPE), col(END)), perPeriod)
                .withColumn(COUNT, size(col(SORTED)).cast("long"))
                .withColumn(Ranking.Q25, percentile(col(SORTED), 0.25))
                .withColumn(Ranking.Q50, percentile(col(SORTED), 0.5))
                .withColumn(Ranking.Q75, percentile(col(SORTED), 0.75))
                .drop(SORTED);
    }

    private static Dataset<Row> aggregate(RelationalGroupedDataset groups, List<Column> aggregates) {
        return groups.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    }

    /**
     * Per comparator region: the sums of numerators and denominators where both are known, of the values, and
     * the counts, all exact ({@link ExactSums}) so England's sums can be added up from them in any order.
     */
    private static List<Column> exactSums() {
        Column both = both();
        return List.of(sum(when(both, col(Benchmarks.NUMERATOR).cast(ExactSums.TYPE))).as(X_SUM_N),
                sum(when(both, col(Benchmarks.DENOMINATOR).cast(ExactSums.TYPE))).as(X_SUM_D),
                sum(col(Columns.VALUE).cast(ExactSums.TYPE)).as(X_SUM_V),
                count(when(both, 1)).as(X_PAIRS),
                count(lit(1)).as(X_COUNT));
    }

    /**
     * The fields of {@link #SUMS}, in order, named {@code prefix} + field, as doubles, from the exact sums and counts
     * as {@code total} gives each (the column itself per region, its sum for England).
     */
    private static List<Column> fromExact(String prefix, Function<String, Column> total) {
        return List.of(total.apply(X_SUM_N).cast("double").as(prefix + SUMS.get(0)),
                total.apply(X_SUM_D).cast("double").as(prefix + SUMS.get(1)),
                total.apply(X_PAIRS).as(prefix + SUMS.get(2)),
                total.apply(X_SUM_V).divide(total.apply(X_COUNT)).cast("double").as(prefix + SUMS.get(3)),
                total.apply(X_COUNT).as(prefix + SUMS.get(4)));
    }

    private static Column both() {
        return col(Benchmarks.NUMERATOR).isNotNull().and(col(Benchmarks.DENOMINATOR).isNotNull());
    }

    /**
     * The {@code p} quantile (R type 7) of an ascending array, computed as Spark's {@code percentile} computes it:
     * position {@code (n - 1) p}, the values either side weighted by distance, the value itself when both sides
     * are equal. Null for an empty array.
     */
    static Column percentile(Column sorted, double p) {
        Column position = size(sorted).minus(1).multiply(p);
        Column lower = floor(position);
        Column higher = ceil(position);
        Column low = element_at(sorted, lower.plus(1).cast("int"));
        Column high = element_at(sorted, higher.plus(1).cast("int"));
        return when(size(sorted).gt(0), when(higher.equalTo(lower).or(high.equalTo(low)), low)
                .otherwise(higher.minus(position).multiply(low).plus(position.minus(lower).multiply(high))));
    }
}
