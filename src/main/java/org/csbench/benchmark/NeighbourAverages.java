package org.csbench.benchmark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.ingest.NeighbourTransform;
import org.csbench.model.Columns;
import org.csbench.model.Projections;

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
    /** An authority's small integer key (see {@link Keys}). */
    static final String KEY = "_sn_key";
    /** The code a key stands for. */
    static final String KEY_CODE = "_sn_key_code";
    /** An authority's neighbours' keys under the model in force. */
    static final String SLOTS = "_sn_slots";
    /** The neighbours' entries of a period's values, from {@link #found}. */
    static final String FOUND = "_sn_found";

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
     * The neighbours' entries of the period's {@link PeriodSummaries#VALUES} ({@code (v, n, d)} structs in neighbour
     * rank order, null for a neighbour without a usable value), looked up by the keys in the row's {@link #SLOTS}
     * (from {@link #models}), so no row moves; null when no authority has neighbours.
     *
     * @param most the most neighbours any authority has ({@link Keys#most()})
     */
    static Column found(int most) {
        if (most == 0) {
            return lit(null);
        }
        List<Column> found = new ArrayList<>();
        for (int i = 1; i <= most; i++) {
            found.add(element_at(col(PeriodSummaries.VALUES), try_element_at(col(SLOTS), lit(i))));
        }
        return array(found.toArray(Column[]::new));
    }

    /**
     * Adds {@link #AVERAGE} and {@link #USED} to authority rows carrying {@link #FOUND} (from {@link #found}) and the
     * rules; drops {@link #FOUND}.
     *
     * @param most the most neighbours any authority has ({@link Keys#most()})
     */
    static Dataset<Row> withAverages(Dataset<Row> looked, int most) {
        if (most == 0) {
            return looked.drop(FOUND).withColumn(AVERAGE, lit(null).cast(DataTypes.DoubleType))
                    .withColumn(USED, when(col(EXPECTED).isNotNull(), lit(0L)));
        }
        Column sumValues = lit(0.0);
        Column values = lit(0L);
        Column sumNumerators = lit(0.0);
        Column sumDenominators = lit(0.0);
        Column pairs = lit(0L);
        for (int i = 0; i < most; i++) {
            Column neighbour = col(FOUND).getItem(i);
            sumValues = sumValues.plus(coalesce(neighbour.getField("v"), lit(0.0)));
            values = values.plus(when(neighbour.getField("v").isNotNull(), lit(1L)).otherwise(lit(0L)));
            sumNumerators = sumNumerators.plus(coalesce(neighbour.getField("n"), lit(0.0)));
            sumDenominators = sumDenominators.plus(coalesce(neighbour.getField("d"), lit(0.0)));
            pairs = pairs.plus(when(neighbour.getField("n").isNotNull(), lit(1L)).otherwise(lit(0L)));
        }
        LinkedHashMap<String, Column> sums = new LinkedHashMap<>();
        sums.put("_sn_sum", sumValues);
        sums.put("_sn_values", values);
        sums.put("_sn_num", sumNumerators);
        sums.put("_sn_den", sumDenominators);
        sums.put("_sn_pairs", pairs);
        Dataset<Row> summed = Projections.withColumns(looked, sums);
        Column pooledMethod = col(IndicatorRules.METHOD).equalTo("pooled");
        Column pooled = when(col("_sn_pairs").gt(0).and(col("_sn_den").gt(0)),
                col("_sn_num").multiply(col(IndicatorRules.MULTIPLIER)).divide(col("_sn_den")));
        Column mean = when(col("_sn_values").gt(0), col("_sn_sum").divide(col("_sn_values")));
        LinkedHashMap<String, Column> averages = new LinkedHashMap<>();
        averages.put(AVERAGE, when(col(EXPECTED).isNotNull(), when(pooledMethod, pooled).otherwise(mean)));
        averages.put(USED, when(col(EXPECTED).isNotNull(), when(pooledMethod, col("_sn_pairs")).otherwise(col("_sn_values"))));
        return Projections.withColumns(summed, averages)
                .drop(FOUND, "_sn_sum", "_sn_values", "_sn_num", "_sn_den", "_sn_pairs");
    }

    /**
     * The authorities the models name, each with a small integer {@link #KEY} (a period's values are looked up by it),
     * and the most neighbours any authority has in a year. Read from the small neighbour table on the driver.
     */
    record Keys(Dataset<Row> table, int most) {
        static Keys of(Dataset<Row> inForce) {
            // One small query: the neighbours of each authority and year, then every code named and the most.
            Row named = inForce.groupBy(col(TARGET), col(YEAR))
                    .agg(count(lit(1)).as("_n"), collect_set(col(NeighbourTransform.NEIGHBOUR_CODE)).as("_codes"))
                    .agg(max(col("_n")), array_distinct(flatten(collect_list(
                            array_union(array(col(TARGET)), col("_codes"))))))
                    .first();
            List<String> codes = named.isNullAt(1) ? new ArrayList<>() : new ArrayList<>(named.getList(1));
            codes.removeIf(java.util.Objects::isNull);
            Collections.sort(codes);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                rows.add(RowFactory.create(codes.get(i), i));
            }
            StructType schema = new StructType().add(KEY_CODE, DataTypes.StringType, false)
                    .add(KEY, DataTypes.IntegerType, false);
            return new Keys(inForce.sparkSession().createDataFrame(rows, schema),
                    named.isNullAt(0) ? 0 : (int) named.getLong(0));
        }
    }

    /**
     * The model in force, its number of neighbours and their {@link #SLOTS} (keys, in neighbour rank order), per
     * authority ({@code _sn_la}) and reporting year ({@code _sn_model_year}), from {@link #inForce}.
     */
    static Dataset<Row> models(Dataset<Row> inForce, Keys keys) {
        Dataset<Row> keyed = inForce.join(broadcast(keys.table()),
                col(NeighbourTransform.NEIGHBOUR_CODE).equalTo(col(KEY_CODE)), "left");
        return keyed.groupBy(col(TARGET).as("_sn_la"), col(YEAR).as("_sn_model_year"))
                .agg(first(col(MODEL)).as(MODEL), count(lit(1)).as(EXPECTED),
                        array_sort(collect_list(struct(col(NeighbourTransform.RANK), col(KEY)))).as("_sn_ranked"))
                .withColumn(SLOTS, col("_sn_ranked." + KEY))
                .drop("_sn_ranked");
    }
}
