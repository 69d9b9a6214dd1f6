package org.csbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.csbench.SparkTestSession;

class CsvLinesTest {
    private static SparkSession spark;
    private static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
        dir = SparkTestSession.newTempDir("csv-lines");
    }

    /**
     * Lines split at their delimiters and lines parsed by Spark's CSV parser (those with quotes) give the same
     * fields: empty fields are null, short lines are padded with nulls, spaces are kept, and every line keeps its
     * number and field count.
     */
    @ParameterizedTest
    @ValueSource(strings = {",", ";", "|", "\t", "."})
    void quoteFreeLinesAreSplitAsTheParserWouldAndQuotedLinesParsed(String d) throws IOException {
        List<String> file = List.of(
                String.join(d, "a", "b", "c"),
                String.join(d, "1", "2", "3"),
                String.join(d, "\"x" + d + " y\"", "2", "3"),
                String.join(d, "1", "", "3"),
                String.join(d, "1", "2"),
                String.join(d, "1", "2", "3", "4"),
                "",
                String.join(d, " 1 ", " 2 ", "3"),
                String.join(d, "1", "2", ""),
                String.join(d, "\"a \"\"q\"\" b\"", "", "\"\""),
                String.join(d, "\"p" + d + "q\"", "2", "3", "4"));
        Path path = dir.resolve("lines" + (int) d.charAt(0) + ".csv");
        Files.writeString(path, String.join("\n", file) + "\n", StandardCharsets.UTF_8);
        SourceFile source = SourceFile.inspect(path.toString(), spark.sparkContext().hadoopConfiguration());

        List<Row> rows = CsvLines.read(spark, source, 3, d).orderBy(CsvLines.LINE).collectAsList();

        List<List<Object>> expected = List.of(
                Arrays.asList(2L, 3, "1", "2", "3"),
                Arrays.asList(3L, 3, "x" + d + " y", "2", "3"),
                Arrays.asList(4L, 3, "1", null, "3"),
                Arrays.asList(5L, 2, "1", "2", null),
                Arrays.asList(6L, 4, "1", "2", "3"),
                Arrays.asList(7L, 1, null, null, null),
                Arrays.asList(8L, 3, " 1 ", " 2 ", "3"),
                Arrays.asList(9L, 3, "1", "2", null),
                Arrays.asList(10L, 3, "a \"q\" b", null, null),
                Arrays.asList(11L, 4, "p" + d + "q", "2", "3"));
        List<List<Object>> actual = new ArrayList<>();
        for (Row row : rows) {
            actual.add(Arrays.asList(row.getAs(CsvLines.LINE), row.getAs(CsvLines.FIELD_COUNT),
                    row.getAs(CsvLines.field(0)), row.getAs(CsvLines.field(1)), row.getAs(CsvLines.field(2))));
        }
        assertEquals(expected, actual);
    }
}
