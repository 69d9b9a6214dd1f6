package org.csbench.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Columns added to a Dataset in one projection. */
public final class Projections {
    private Projections() {
    }

    /**
     * {@code rows} with each of {@code columns} added after its columns in the map's order, or put in place of the
     * column of the same name: what a chain of {@code withColumn} calls gives when no expression reads another of
     * the new columns ({@code ProjectionsTest}). One projection is analysed once, where each {@code withColumn}
     * analyses the whole plan again (see src/PERFORMANCE.md, 7 December 2026).
     */
    public static Dataset<Row> withColumns(Dataset<Row> rows, LinkedHashMap<String, Column> columns) {
        return rows.withColumns(Seqs.of(new ArrayList<>(columns.keySet())), Seqs.of(new ArrayList<>(columns.values())));
    }
}
