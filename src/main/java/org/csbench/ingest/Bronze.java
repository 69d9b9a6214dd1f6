package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Every row of a file as received (string fields, header names made safe), with its lineage. */
public final class Bronze {
    private Bronze() {
    }

    public static Dataset<Row> from(Dataset<Row> lines, Header header, Lineage lineage) {
        List<String> names = header.bronzeNames();
        List<Column> columns = new ArrayList<>();
        columns.add(col(CsvLines.LINE));
        for (int i = 0; i < names.size(); i++) {
            columns.add(col(CsvLines.field(i)).as(names.get(i)));
        }
        return lineage.addTo(lines.select(columns.toArray(Column[]::new)), CsvLines.LINE);
    }
}
