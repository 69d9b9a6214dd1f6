package org.csbench.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

import org.csbench.SampleRun;
import org.csbench.SparkTestSession;
import org.csbench.delta.Warehouse;

/**
 * Every table a run on the bundled samples writes stays readable by engines other than Spark (Power BI's Delta
 * connector, DuckDB, delta-rs): its log asks for reader version 1 and writer version at most 2 with no table
 * features, Delta Kernel reads every row Spark reads, and the gold tables' columns have types every reader knows,
 * keys as BIGINT and dates as DATE. The last two tests prove the checks reject what they are there to reject.
 */
class OtherEnginesTest {
    private static final Set<String> LAYERS = Set.of("bronze", "silver", "reference", "audit", "gold");
    private static final Set<String> DATE_COLUMNS = Set.of("period_start", "period_end", "window_start",
            "window_end");

    @Test
    void everyTableAsksForReaderVersionOneAndNoTableFeatures() {
        Warehouse warehouse = SampleRun.warehouse();
        List<String> problems = new ArrayList<>();
        for (String table : tables(warehouse)) {
            DeltaLogCheck.problems(Path.of(warehouse.location(table))).forEach(p -> problems.add(table + ": " + p));
        }
        assertNoProblems(problems);
    }

    @Test
    void deltaKernelReadsEveryRowSparkReads() {
        Warehouse warehouse = SampleRun.warehouse();
        Engine engine = DefaultEngine.create(warehouse.spark().sparkContext().hadoopConfiguration());
        List<String> problems = new ArrayList<>();
        for (String table : tables(warehouse)) {
            KernelRead kernel = KernelRead.of(engine, warehouse.location(table));
            Dataset<Row> spark = warehouse.read(table);
            if (!kernel.schema().fieldNames().equals(List.of(spark.columns()))) {
                problems.add(table + ": Kernel's columns " + kernel.schema().fieldNames() + " are not Spark's "
                        + List.of(spark.columns()));
            }
            long sparkRows = spark.count();
            if (kernel.rows() != sparkRows) {
                problems.add(table + ": Kernel read " + kernel.rows() + " rows, Spark " + sparkRows);
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void goldColumnsHaveTypesEveryReaderKnowsWithKeysAsBigintAndDatesAsDate() {
        Warehouse warehouse = SampleRun.warehouse();
        Engine engine = DefaultEngine.create(warehouse.spark().sparkContext().hadoopConfiguration());
        List<String> problems = new ArrayList<>();
        for (String table : tables(warehouse)) {
            if (table.startsWith("gold.")) {
                StructType schema = Table.forPath(engine, warehouse.location(table)).getLatestSnapshot(engine)
                        .getSchema();
                columnTypeProblems(schema).forEach(p -> problems.add(table + "." + p));
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void theLogCheckRejectsATableWithDeletionVectorsAndColumnMapping() {
        SparkSession spark = SparkTestSession.get();
        String path = SparkTestSession.newTempDir("deletion-vectors").resolve("table").toString();
        DeltaTable.create(spark).location(path).addColumn("id", DataTypes.LongType)
                .property(DeltaLogCheck.DELETION_VECTORS, "true").property(DeltaLogCheck.COLUMN_MAPPING, "name")
                .execute();
        spark.range(10).coalesce(1).write().format("delta").mode("append").save(path);
        DeltaTable.forPath(spark, path).delete("id = 3");

        List<String> problems = DeltaLogCheck.problems(Path.of(path));

        assertTrue(problems.contains("protocol minReaderVersion is 3; other readers need 1"), problems::toString);
        assertTrue(problems.contains("protocol minWriterVersion is 7; at most 2 allowed"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("protocol names readerFeatures [")
                && p.contains("\"deletionVectors\"") && p.contains("\"columnMapping\"")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("protocol names writerFeatures [")),
                problems::toString);
        assertTrue(problems.contains("metaData configuration sets delta.enableDeletionVectors=true"),
                problems::toString);
        assertTrue(problems.contains("metaData configuration sets delta.columnMapping.mode=name"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.matches("1 add action\\(s\\) carry a deletionVector \\(first: "
                + "commit 2, (\\w+/)?part-.*\\.parquet\\)")), problems::toString);
        assertEquals(7, problems.size(), problems::toString);
        // The Kernel read drops the deleted row through the scan file's deletion vector (its selection vector).
        Engine engine = DefaultEngine.create(spark.sparkContext().hadoopConfiguration());
        assertEquals(9, KernelRead.of(engine, path).rows());
    }

    @Test
    void theTypeCheckRejectsOddTypesIntegerKeysAndDatesThatAreNotDates() {
        StructType schema = new StructType()
                .add("geo_key", LongType.LONG).add("period_end", DateType.DATE).add("report_date", DateType.DATE)
                .add("value", new DecimalType(12, 4)).add("label", StringType.STRING)
                .add("indicator_key", IntegerType.INTEGER).add("window_end", TimestampType.TIMESTAMP)
                .add("published_date", StringType.STRING).add("loaded_at", TimestampNTZType.TIMESTAMP_NTZ)
                .add("flags", new ArrayType(StringType.STRING, true));

        assertEquals(List.of("indicator_key is integer; a _key column must be long (BIGINT)",
                "window_end is timestamp; a date column must be date (DATE)",
                "published_date is string; a date column must be date (DATE)",
                "loaded_at is timestamp_ntz; published columns must be string, boolean, byte, short, integer, long, "
                        + "float, double, decimal, date or timestamp",
                "flags is array[string]; published columns must be string, boolean, byte, short, integer, long, "
                        + "float, double, decimal, date or timestamp"),
                columnTypeProblems(schema));
    }

    /**
     * What in a published table's columns other readers may not read as meant: a type outside the plain ones, a
     * {@code _key} column that is not a long, a date column ({@code _date}, or a period's or window's start or end)
     * that is not a date.
     */
    static List<String> columnTypeProblems(StructType schema) {
        List<String> problems = new ArrayList<>();
        for (StructField field : schema.fields()) {
            String name = field.getName();
            DataType type = field.getDataType();
            if (!plain(type)) {
                problems.add(name + " is " + type + "; published columns must be string, boolean, byte, short, "
                        + "integer, long, float, double, decimal, date or timestamp");
            } else if (name.endsWith("_key") && !(type instanceof LongType)) {
                problems.add(name + " is " + type + "; a _key column must be long (BIGINT)");
            } else if ((name.endsWith("_date") || DATE_COLUMNS.contains(name)) && !(type instanceof DateType)) {
                problems.add(name + " is " + type + "; a date column must be date (DATE)");
            }
        }
        return problems;
    }

    private static boolean plain(DataType type) {
        return (type instanceof StringType string && string.isUTF8BinaryCollated()) || type instanceof BooleanType
                || type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
                || type instanceof LongType || type instanceof FloatType || type instanceof DoubleType
                || type instanceof DecimalType || type instanceof DateType || type instanceof TimestampType;
    }

    /** The warehouse's tables, after checking the run wrote tables in every layer (so no check passes on none). */
    private static List<String> tables(Warehouse warehouse) {
        List<String> tables = warehouse.tables();
        Set<String> layers = new TreeSet<>();
        tables.forEach(t -> layers.add(t.substring(0, t.indexOf('.'))));
        assertEquals(new TreeSet<>(LAYERS), layers, () -> "layers of " + tables);
        return tables;
    }

    private static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) for readers other than Spark:\n  " + String.join("\n  ", problems));
        }
    }
}
