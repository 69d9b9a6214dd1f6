package org.csbench.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.when;
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
    /** With {@link #withFirstLine(Dataset, List, Column, Column)}: the first line's value, to name in the reason. */
    public static final String FIRST_VALUE = "_first_value";
    private static final String VALUE = "_value";
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
        return withFirstLine(rows, key, counted, lit(null).cast(DataTypes.StringType), LOCAL_LIMIT).drop(FIRST_VALUE);
    }

    /** As above, with {@link #FIRST_VALUE}: {@code value} (a string) as the first line with the key has it. */
    public static Dataset<Row> withFirstLine(Dataset<Row> rows, List<Column> key, Column counted, Column value) {
        return withFirstLine(rows, key, counted, value, LOCAL_LIMIT);
    }

    /**
     * Why a row that repeats an earlier one's key is quarantined, naming both lines and both values:
     * {@code duplicate of line 12 (same LA, indicator and month; value 5600); this line's value 5610}.
     *
     * @param same  what the two rows share, e.g. {@code same LA, indicator and month}
     * @param noun  what {@code value} is called, e.g. {@code value}
     * @param value this row's value, as given to {@link #withFirstLine(Dataset, List, Column, Column)}
     */
    public static Column reason(String same, String noun, Column value) {
        Column first = coalesce(col(FIRST_VALUE), lit("(blank)"));
        Column mine = coalesce(value, lit("(blank)"));
        return concat(lit("duplicate of line "), col(FIRST_LINE).cast(DataTypes.StringType),
                lit(" (" + same + "; " + noun + " "), first, lit(")"),
                when(first.equalTo(mine), lit("; this line's " + noun + (noun.endsWith("s") ? " are" : " is") + " the same"))
                        .otherwise(concat(lit("; this line's " + noun + " "), mine)));
    }

    /** As above, holding at most {@code localLimit} repeated hashes or keys on the driver. */
    static Dataset<Row> withFirstLine(Dataset<Row> rows, List<Column> key, Column counted, int localLimit) {
        return withFirstLine(rows, key, counted, lit(null).cast(DataTypes.StringType), localLimit).drop(FIRST_VALUE);
    }

    private static Dataset<Row> withFirstLine(Dataset<Row> rows, List<Column> key, Column counted, Column value,
            int localLimit) {
        List<String> names = new ArrayList<>();
        Dataset<Row> keyed = rows.withColumn(VALUE, value);
        for (int i = 0; i < key.size(); i++) {
            names.add("_key" + i);
            keyed = keyed.withColumn("_key" + i, key.get(i));
        }
        Column[] keyColumns = names.stream().map(n -> col(n)).toArray(Column[]::new);
        Column hash = xxhash64(keyColumns);
        List<Row> hashes = keyed.filter(counted).groupBy(hash.as("_hash")).agg(count(lit(1)).as("_copies"))
                .filter(col("_copies").gt(1)).select("_hash").limit(localLimit + 1).collectAsList();
        if (hashes.isEmpty()) {
            return rows.withColumn(FIRST_LINE, lit(null).cast(DataTypes.LongType))
                    .withColumn(FIRST_VALUE, lit(null).cast(DataTypes.StringType));
        }
        Dataset<Row> candidates = hashes.size() > localLimit ? keyed
                : keyed.filter(hash.isin(hashes.stream().map(r -> r.get(0)).toArray()));
        Dataset<Row> repeated = candidates.filter(counted).groupBy(keyColumns)
                .agg(min(col(CsvLines.LINE)).as(FIRST_LINE), min_by(col(VALUE), col(CsvLines.LINE)).as(FIRST_VALUE),
                        count(lit(1)).as("_copies"))
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
        renamed.add(col(FIRST_VALUE));
        Dataset<Row> lookup = broadcast(repeated.select(renamed.toArray(Column[]::new)));
        Column match = lit(true);
        for (String name : names) {
            match = match.and(keyed.col(name).eqNullSafe(lookup.col("_dup" + name)));
        }
        Dataset<Row> joined = keyed.join(lookup, match.and(counted), "left");
        for (String name : names) {
            joined = joined.drop(name).drop("_dup" + name);
        }
        return joined.drop(VALUE);
    }
}
