package org.csbench.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Finds rows that repeat another row's key. Only the keys are shuffled (an aggregate), and the few repeated
 * keys are broadcast back to the rows, so a file of millions of distinct rows costs one light aggregate rather
 * than a sort of every row.
 */
public final class Duplicates {
    /** The first line with the row's key when that key occurs more than once; null otherwise. */
    public static final String FIRST_LINE = "_first_line";

    private Duplicates() {
    }

    /** {@code rows} with {@link #FIRST_LINE}, counting only the rows where {@code counted} holds. */
    public static Dataset<Row> withFirstLine(Dataset<Row> rows, List<Column> key, Column counted) {
        List<String> names = new ArrayList<>();
        Dataset<Row> keyed = rows;
        for (int i = 0; i < key.size(); i++) {
            names.add("_key" + i);
            keyed = keyed.withColumn("_key" + i, key.get(i));
        }
        Column[] keyColumns = names.stream().map(n -> col(n)).toArray(Column[]::new);
        Dataset<Row> repeated = keyed.filter(counted).groupBy(keyColumns)
                .agg(min(col(CsvLines.LINE)).as(FIRST_LINE), count(lit(1)).as("_copies"))
                .filter(col("_copies").gt(1)).drop("_copies");
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
