package org.csbench.benchmark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import org.csbench.ingest.NeighbourTransform;
import org.csbench.model.Columns;

/**
 * Statistical-neighbour comparators: for each authority and period, the average of its neighbours' values under
 * the neighbour model in force for the period's reporting year (where models overlap, the one that starts
 * latest). The average is the simple mean of the available neighbours' values, as DfE's tools compute it
 * ({@code comparator: mean}), or pooled: the neighbours' numerators summed over their denominators summed
 * ({@code comparator: pooled}). Neighbours with no usable value (suppressed, missing, not existing that year)
 * are skipped; how many were used is kept.
 */
final class NeighbourAverages {
    static final String MODEL = "sn_model";
    static final String AVERAGE = "sn_average";
    static final String USED = "sn_count";
    static final String EXPECTED = "sn_expected";

    /** The last reporting year an open-ended model is taken to cover. */
    private static final int OPEN_END = 2100;
    private static final String YEAR = "_sn_year";
    private static final String TARGET = "_sn_target";

    private NeighbourAverages() {
    }

    /** One row per (authority, reporting year) a model covers: the model in force and its neighbours. */
    static Dataset<Row> inForce(Dataset<Row> neighbours) {
        Dataset<Row> modelYears = neighbours
                .select(col(NeighbourTransform.MODEL), col(NeighbourTransform.VALID_FROM), col(NeighbourTransform.VALID_TO))
                .distinct()
                .withColumn(YEAR, explode(sequence(col(NeighbourTransform.VALID_FROM),
                        coalesce(col(NeighbourTransform.VALID_TO), lit(OPEN_END)))))
                .withColumn("_latest", row_number().over(Window.partitionBy(YEAR)
                        .orderBy(col(NeighbourTransform.VALID_FROM).desc(), col(NeighbourTransform.MODEL).desc())))
                .filter(col("_latest").equalTo(1))
                .select(col(NeighbourTransform.MODEL).as("_m"), col(YEAR));
        return neighbours.join(modelYears, neighbours.col(NeighbourTransform.MODEL).equalTo(modelYears.col("_m")))
                .select(col(YEAR), col(NeighbourTransform.MODEL).as(MODEL), col(Columns.OLD_LA_CODE).as(TARGET),
                        col(NeighbourTransform.NEIGHBOUR_CODE), col(NeighbourTransform.RANK));
    }

    /**
     * Adds {@link #AVERAGE} and {@link #USED} to authority rows (with {@link Benchmarks#USABLE}, the rules and
     * {@link Benchmarks#REPORTING_YEAR}) that are partitioned by indicator and period: each usable value is sent to
     * the authorities that have it as a neighbour, the contributions are combined per authority, and each
     * indicator-period's results travel as one map, so neither step moves rows between partitions.
     */
    static Dataset<Row> withAverages(Dataset<Row> rows, Dataset<Row> inForce) {
        Dataset<Row> pairs = broadcast(inForce);
        Dataset<Row> usable = rows.filter(col(Benchmarks.USABLE));
        Dataset<Row> contributions = usable.join(pairs, usable.col(Columns.OLD_LA_CODE)
                        .equalTo(pairs.col(NeighbourTransform.NEIGHBOUR_CODE))
                        .and(usable.col(Benchmarks.REPORTING_YEAR).equalTo(pairs.col(YEAR))));
        Column both = col(Benchmarks.NUMERATOR).isNotNull().and(col(Benchmarks.DENOMINATOR).isNotNull());
        Column pooledMethod = col(IndicatorRules.METHOD).equalTo("pooled");
        Column pooled = col("_sn_num").multiply(col(IndicatorRules.MULTIPLIER)).divide(col("_sn_den"));
        Column[] period = {col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END)};
        Dataset<Row> perAuthority = contributions
                // method and multiplier depend on the indicator alone; as keys they keep every aggregate buffer
                // fixed-width, so Spark can hash-aggregate instead of sorting the contributions
                .groupBy(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END), col(TARGET),
                        col(IndicatorRules.METHOD), col(IndicatorRules.MULTIPLIER))
                .agg(avg(col(Columns.VALUE)).as("_sn_mean"),
                        count(col(Columns.VALUE)).as("_sn_values"),
                        sum(when(both, col(Benchmarks.NUMERATOR))).as("_sn_num"),
                        sum(when(both, col(Benchmarks.DENOMINATOR))).as("_sn_den"),
                        count(when(both, 1)).as("_sn_pairs"))
                .select(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END), col(TARGET),
                        struct(when(pooledMethod, when(col("_sn_den").gt(0), pooled)).otherwise(col("_sn_mean")).as("a"),
                                when(pooledMethod, col("_sn_pairs")).otherwise(col("_sn_values")).as("n")).as("_sn"));
        Dataset<Row> perPeriod = perAuthority.groupBy(period)
                .agg(map_from_entries(collect_list(struct(col(TARGET), col("_sn")))).as("_sn_map"))
                .select(col(Columns.INDICATOR_ID).as("_sn_id"), col(Columns.PERIOD_TYPE).as("_sn_type"),
                        col(Columns.PERIOD_END).as("_sn_end"), col("_sn_map"));
        Column own = element_at(col("_sn_map"), col(Columns.OLD_LA_CODE));
        return rows.join(perPeriod.hint("shuffle_hash"), col(Columns.INDICATOR_ID).equalTo(col("_sn_id"))
                        .and(col(Columns.PERIOD_TYPE).equalTo(col("_sn_type"))).and(col(Columns.PERIOD_END).equalTo(col("_sn_end"))),
                        "left")
                .withColumn(AVERAGE, own.getField("a"))
                .withColumn(USED, coalesce(own.getField("n"), when(col(EXPECTED).isNotNull(), lit(0L))))
                .drop("_sn_id", "_sn_type", "_sn_end", "_sn_map");
    }

    /** The model in force and its number of neighbours, per authority and reporting year, from {@link #inForce}. */
    static Dataset<Row> models(Dataset<Row> inForce) {
        return inForce.groupBy(col(TARGET).as("_sn_la"), col(YEAR).as("_sn_model_year"))
                .agg(first(col(MODEL)).as(MODEL), count(lit(1)).as(EXPECTED));
    }
}
