package org.csbench.benchmark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
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
     * The neighbour comparators of every authority and period: {@link #MODEL}, {@link #EXPECTED} (neighbours
     * in the model), {@link #USED} and {@link #AVERAGE}, keyed like the input by indicator, period and
     * {@code old_la_code}.
     *
     * @param laRows usable rows (available value) of local authorities, with {@link Benchmarks#REPORTING_YEAR}
     */
    static Dataset<Row> averages(Dataset<Row> laRows, Dataset<Row> neighbours) {
        Dataset<Row> pairs = broadcast(inForce(neighbours));
        Dataset<Row> contributions = laRows.join(pairs, laRows.col(Columns.OLD_LA_CODE)
                        .equalTo(pairs.col(NeighbourTransform.NEIGHBOUR_CODE))
                        .and(laRows.col(Benchmarks.REPORTING_YEAR).equalTo(pairs.col(YEAR))));
        Column both = col(Benchmarks.NUMERATOR).isNotNull().and(col(Benchmarks.DENOMINATOR).isNotNull());
        Column pooled = col("_sn_num").multiply(col(IndicatorRules.MULTIPLIER)).divide(col("_sn_den"));
        return contributions
                .groupBy(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END),
                        col(TARGET).as(Columns.OLD_LA_CODE))
                .agg(first(col(MODEL)).as("_sn_model_used"),
                        avg(col(Columns.VALUE)).as("_sn_mean"),
                        count(col(Columns.VALUE)).as("_sn_values"),
                        sum(when(both, col(Benchmarks.NUMERATOR))).as("_sn_num"),
                        sum(when(both, col(Benchmarks.DENOMINATOR))).as("_sn_den"),
                        count(when(both, 1)).as("_sn_pairs"),
                        first(col(IndicatorRules.METHOD)).as("_sn_method"),
                        first(col(IndicatorRules.MULTIPLIER)).as(IndicatorRules.MULTIPLIER))
                .select(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END),
                        col(Columns.OLD_LA_CODE),
                        when(col("_sn_method").equalTo("pooled"), when(col("_sn_den").gt(0), pooled))
                                .otherwise(col("_sn_mean")).as(AVERAGE),
                        when(col("_sn_method").equalTo("pooled"), col("_sn_pairs")).otherwise(col("_sn_values"))
                                .as(USED));
    }

    /** The model in force and its number of neighbours, per authority and reporting year. */
    static Dataset<Row> models(Dataset<Row> neighbours) {
        return inForce(neighbours).groupBy(col(TARGET).as("_sn_la"), col(YEAR).as("_sn_model_year"))
                .agg(first(col(MODEL)).as(MODEL), count(lit(1)).as(EXPECTED));
    }
}
