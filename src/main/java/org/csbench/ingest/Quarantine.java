package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.model.Columns;

/** The rows that could not be loaded, one row per problem, for the {@code audit.quarantine} table. */
public final class Quarantine {
    public static final String TABLE = "audit.quarantine";

    private Quarantine() {
    }

    /** The problems of {@code checked}'s bad rows: file, line, column, raw value, reason and the line itself. */
    public static Dataset<Row> from(Dataset<Row> checked, Lineage lineage) {
        return checked.filter(size(col(RowErrors.ERRORS)).gt(0))
                .select(col(CsvLines.LINE), col(CsvLines.TEXT), explode(col(RowErrors.ERRORS)).as("_e"))
                .select(
                        lit(lineage.loadId()).as(Columns.LOAD_ID),
                        lit(lineage.sourceId()).as(Columns.SOURCE_ID),
                        lit(lineage.sourceFile()).as(Columns.SOURCE_FILE),
                        col(CsvLines.LINE).as(Columns.LINE),
                        col("_e." + Columns.COLUMN).as(Columns.COLUMN),
                        col("_e." + Columns.RAW_VALUE).as(Columns.RAW_VALUE),
                        col("_e." + Columns.REASON).as(Columns.REASON),
                        col(CsvLines.TEXT).as(Columns.RAW_LINE),
                        lit(lineage.sha256()).as(Columns.SOURCE_SHA256),
                        lit(lineage.ingestedAt()).as(Columns.INGESTED_AT));
    }
}
