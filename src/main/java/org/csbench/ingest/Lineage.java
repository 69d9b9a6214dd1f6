package org.csbench.ingest;

import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.model.Columns;

/**
 * Where rows came from: added to every bronze row and carried into silver, reference and quarantine.
 *
 * @param sourceId   the pipeline source entry
 * @param sourceFile the file's path as loaded
 * @param sha256     the file's fingerprint
 * @param loadId     the run that loaded it
 * @param ingestedAt when
 * @param vintage    the release label of the file's values
 */
public record Lineage(String sourceId, String sourceFile, String sha256, String loadId, Timestamp ingestedAt,
        String vintage) {

    /** {@code rows} with the lineage columns appended; {@code lineColumn} holds the physical line number. */
    public Dataset<Row> addTo(Dataset<Row> rows, String lineColumn) {
        List<Column> columns = new ArrayList<>();
        for (String name : rows.columns()) {
            if (!name.equals(lineColumn)) {
                columns.add(rows.col(name));
            }
        }
        columns.add(lit(sourceId).as(Columns.SOURCE_ID));
        columns.add(lit(sourceFile).as(Columns.SOURCE_FILE));
        columns.add(lit(sha256).as(Columns.SOURCE_SHA256));
        columns.add(rows.col(lineColumn).as(Columns.SOURCE_LINE));
        columns.add(lit(loadId).as(Columns.LOAD_ID));
        columns.add(lit(ingestedAt).as(Columns.INGESTED_AT));
        return rows.select(columns.toArray(Column[]::new));
    }
}
