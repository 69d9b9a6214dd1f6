package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.csbench.SparkTestSession;

class DuplicatesTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    /**
     * Repeated keys point at their first line, nulls in a key compare equal, keys whose hashes collide ((x, null)
     * and (null, x) hash alike) are told apart, and rows not counted neither repeat nor are repeated. The same
     * whether the repeated keys are held on the driver (limit 200,000) or stay distributed (limit 0).
     */
    @ParameterizedTest
    @ValueSource(ints = {Duplicates.LOCAL_LIMIT, 0})
    void everyRowWithARepeatedKeyNamesTheFirstLineWithIt(int limit) {
        StructType schema = new StructType().add(CsvLines.LINE, DataTypes.LongType).add("a", DataTypes.StringType)
                .add("b", DataTypes.StringType).add("ok", DataTypes.BooleanType);
        Dataset<Row> rows = spark.createDataFrame(List.of(
                RowFactory.create(1L, "x", "p", true), RowFactory.create(2L, "x", "p", true),
                RowFactory.create(3L, "x", null, true), RowFactory.create(4L, "x", null, true),
                RowFactory.create(5L, null, "x", true), RowFactory.create(6L, "y", "q", false),
                RowFactory.create(7L, "y", "q", true), RowFactory.create(8L, "x", "p", true)), schema);

        List<Row> out = Duplicates.withFirstLine(rows, List.of(col("a"), col("b")), col("ok"), limit)
                .orderBy(CsvLines.LINE).collectAsList();

        List<List<Object>> actual = new ArrayList<>();
        for (Row row : out) {
            actual.add(Arrays.asList(row.getAs(CsvLines.LINE), row.getAs(Duplicates.FIRST_LINE)));
        }
        assertEquals(List.of(Arrays.asList(1L, 1L), Arrays.asList(2L, 1L), Arrays.asList(3L, 3L),
                Arrays.asList(4L, 3L), Arrays.asList(5L, null), Arrays.asList(6L, null), Arrays.asList(7L, null),
                Arrays.asList(8L, 1L)), actual);
        assertEquals(List.of(CsvLines.LINE, "a", "b", "ok", Duplicates.FIRST_LINE), List.of(out.get(0).schema().fieldNames()));
    }
}
