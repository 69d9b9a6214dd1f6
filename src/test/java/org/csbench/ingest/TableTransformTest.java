package org.csbench.ingest;

import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.config.ColumnSpec;
import org.csbench.model.Columns;

class TableTransformTest {
    @Test
    void anUnclosedQuoteInAReferenceTableIsQuarantinedNamingTheColumn() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Path file = SparkTestSession.newTempDir("table").resolve("changes.csv");
        Files.writeString(file, "effective_year,from_la_name,note\n2020,Dorset,\"merged\n2021,\"Bucks,changed\n2022,"
                + "Northamptonshire,\"split, in two\"\n");
        SourceFile source = SourceFile.inspect(file.toString(), spark.sparkContext().hadoopConfiguration());
        Header header = new Header(file.toString(), CsvLines.parseHeader(source.headerLine(), ","));
        List<ColumnSpec> columns = List.of(new ColumnSpec("effective_year", List.of(), "int", true),
                new ColumnSpec("from_la_name", List.of(), "string", false), new ColumnSpec("note", List.of(), "string", false));
        Dataset<Row> checked = TableTransform.check(CsvLines.read(spark, source, header.size(), ","), header, columns,
                TableTransform.resolve(header, columns)).cache();
        assertRowsEqualIgnoringOrder(List.of(
                row(2L, "unclosed quote in column 3 (note): the rest of the line would be read as that one field"),
                row(3L, "unclosed quote in column 2 (from_la_name): the rest of the line would be read as that one "
                        + "field")),
                Quarantine.from(checked, new Lineage("t", file.toString(), "sha", "load-1", new Timestamp(0), "v1"))
                        .select(Columns.LINE, Columns.REASON), 0);
        assertRowsEqualIgnoringOrder(List.of(row(2022, "Northamptonshire", "split, in two")),
                TableTransform.rows(checked, columns).select("effective_year", "from_la_name", "note"), 0);
        assertEquals(3, checked.count(), "rows read = loaded + quarantined");
    }
}
