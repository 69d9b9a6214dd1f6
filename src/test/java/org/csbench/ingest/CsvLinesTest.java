package org.csbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    /** A header is split as Spark's CSV reader splits it: quoted names keep their delimiters and doubled quotes. */
    @ParameterizedTest
    @ValueSource(strings = {",", ";", "|", "\t"})
    void aHeaderIsSplitAsSparksReaderSplitsIt(String d) {
        String header = String.join(d, "time_period", "\"la" + d + " name\"", " padded ", "", "\"a \"\"q\"\" b\"",
                "\"\"");
        Row read = spark.read().option("sep", d).option("quote", "\"").option("escape", "\"")
                .option("header", "false").csv(spark.createDataset(List.of(header), Encoders.STRING())).first();
        List<String> bySpark = new ArrayList<>();
        for (int i = 0; i < read.length(); i++) {
            bySpark.add(read.isNullAt(i) ? "" : read.getString(i).trim());
        }
        List<String> names = CsvLines.parseHeader(header, d);
        assertEquals(List.of("time_period", "la" + d + " name", "padded", "", "a \"q\" b", ""), names);
        assertEquals(bySpark, names);
    }

    /** A file read in one block is numbered without the counting pass, with the numbers the counting pass gives. */
    @Test
    void aSmallFileIsNumberedInOnePassAsTheBlockCountNumbersIt() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            lines.add("line " + i + ",x");
        }
        Path path = dir.resolve("numbered.csv");
        Files.writeString(path, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        long bytes = Files.size(path);
        assertTrue(CsvLines.oneBlock(spark, bytes));
        List<Row> counted = CsvLines.numberedByBlocks(spark, path.toString()).orderBy(CsvLines.LINE).collectAsList();
        assertEquals(counted, CsvLines.numbered(spark, path.toString(), bytes).orderBy(CsvLines.LINE).collectAsList());
        assertEquals(2000, counted.size());
        for (Row row : counted) {
            assertEquals("line " + row.getLong(0) + ",x", row.getString(1));
        }
        // In blocks of 1 KB the file is split, and numbering counts the blocks' lines: the same numbers.
        String key = "spark.sql.files.maxPartitionBytes";
        spark.conf().set(key, "1024");
        try {
            assertFalse(CsvLines.oneBlock(spark, bytes));
            assertTrue(CsvLines.numbered(spark, path.toString(), bytes).rdd().getNumPartitions() > 10);
            assertEquals(counted, CsvLines.numbered(spark, path.toString(), bytes).orderBy(CsvLines.LINE)
                    .collectAsList());
        } finally {
            spark.conf().unset(key);
        }
    }
}
