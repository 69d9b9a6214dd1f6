package org.csbench.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Finds rows that repeat another row's key without sorting or shuffling the rows: a first aggregate counts
 * 64-bit hashes of the keys (cheap fixed-width keys), only rows whose hash occurs more than once have their real
 * keys aggregated, and the few repeated keys are brought to the driver and broadcast back to the rows. Each of
 * the rows' later readers then joins a small local table instead of recomputing the aggregates.
 */
public final class Duplicates {
    /** The first line with the row's key when that key occurs more than once; null otherwise. */
    public static final String FIRST_LINE = "_first_line";
    /** More repeated hashes or keys than this and they stay a distributed aggregate, recomputed by each reader. */
    static final int LOCAL_LIMIT = 200_000;

    private Duplicates() {
    }

    /**
     * {@code rows} with {@link #FIRST_LINE}, counting only the rows where {@code counted} holds. Unlike a plain
     * transform it runs Spark jobs when called (the hash count, and the repeated keys' aggregate when a hash
     * repeats): give it rows that are kept in memory or cheap to read again.
     */
    public static Dataset<Row> withFirstLine(Dataset<Row> rows, List<Column> key, Column counted) {
        return withFirstLine(rows, key, counted, LOCAL_LIMIT);
    }

    /** As above, holding at most {@code localLimit} repeated hashes or keys on the driver. */
    static Dataset<Row> withFirstLine(Dataset<Row> rows, List<Column> key, Column counted, int localLimit) {
        List<String> names = new ArrayList<>();
        Dataset<Row> keyed = rows;
        for (int i = 0; i < key.size(); i++) {
            names.add("_key" + i);
            keyed = keyed.withColumn("_key" + i, key.get(i));
        }
        Column[] keyColumns = names.stream().map(n -> col(n)).toArray(Column[]::new);
        Column hash = xxhash64(keyColumns);
        List<Row> hashes = keyed.filter(counted).groupBy(hash.as("_hash")).agg(count(lit(1)).as("_copies"))
                .filter(col("_copies").gt(1)).select("_hash").limit(localLimit + 1).collectAsList();
        if (hashes.isEmpty()) {
            return rows.withColumn(FIRST_LINE, lit(null).cast(DataTypes.LongType));
        }
        Dataset<Row> candidates = hashes.size() > localLimit ? keyed
                : keyed.filter(hash.isin(hashes.stream().map(r -> r.get(0)).toArray()));
        Dataset<Row> repeated = candidates.filter(counted).groupBy(keyColumns)
                .agg(min(col(CsvLines.LINE)).as(FIRST_LINE), count(lit(1)).as("_copies"))
                .filter(col("_copies").gt(1)).drop("_copies");
        if (hashes.size() <= localLimit) {
            // At most one repeated key per repeated hash (bar 64-bit collisions): small enough to hold locally.
            List<Row> found = repeated.collectAsList();
            repeated = rows.sparkSession().createDataFrame(found, repeated.schema());
        }
        List<Column> renamed = new ArrayList<>();
        for (String name : names) {
            renamed.add(col(name).as("_dup" + name));
        }
        renamed.add(col(FIRST_LINE));
        Dataset<Row> lookup = broadcast(repeated.select(renamed.toArray(Column[]::new)));
        Column match = lit(true);
        for (String name : names) {
            match = match.and(keyed.col(name).eqNullSafe(lookup.col("_dup" + name)));
        }
        Dataset<Row> joined = keyed.join(lookup, match.and(counted), "left");
        for (String name : names) {
            joined = joined.drop(name).drop("_dup" + name);
        }
        return joined;
    }
}
