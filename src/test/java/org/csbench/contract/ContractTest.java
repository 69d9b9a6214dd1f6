package org.csbench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.model.Status;

/** The table contracts, code sets and keys, on their own. */
class ContractTest {
    @Test
    void everyPublishedColumnIsDescribedOnceAndKeysAreBigints() {
        Set<String> tables = new HashSet<>();
        for (TableDef table : Star.tables()) {
            assertTrue(tables.add(table.name()), "listed twice: " + table.name());
            assertTrue(table.name().startsWith("gold."), table.name());
            assertTrue(!table.grain().isBlank() && !table.description().isBlank(), table.name());
            for (ColumnDef column : table.columns()) {
                assertTrue(column.description().length() > 10, table.name() + "." + column.name());
                if (column.name().endsWith("_key")) {
                    assertEquals(DataTypes.LongType, column.type(), table.name() + "." + column.name());
                }
                if (column.name().endsWith("_code") && column.unit() != null && column.unit().startsWith("code: ")) {
                    assertEquals(DataTypes.ByteType, column.type(), table.name() + "." + column.name());
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ColumnDef.text("x", " "));
        assertThrows(IllegalArgumentException.class, () -> ColumnDef.text("Bad Name", "a description"));
    }

    @Test
    void codesAreStableAndCoverEveryStatus() {
        assertEquals(1, CodeSet.STATUS.code("available"));
        assertEquals(2, CodeSet.STATUS.code("suppressed"));
        for (Status status : Status.values()) {
            CodeSet.STATUS.code(status.code());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CodeSet.STATUS.code("secret"));
        assertEquals("Code set status has no label 'secret'", unknown.getMessage());
    }

    @Test
    void conformSelectsByNameAndNamesAMissingColumn() {
        TableDef table = TableDef.of("gold.t", "one row per thing", "things",
                ColumnDef.key("thing_key", "the thing's key"), ColumnDef.number("amount", "count", "how many there are"));
        StructType schema = new StructType().add("amount", DataTypes.IntegerType).add("extra", DataTypes.StringType)
                .add("thing_key", DataTypes.LongType);
        Dataset<Row> rows = SparkTestSession.get().createDataFrame(List.of(RowFactory.create(3, "x", 7L)), schema);
        Dataset<Row> conformed = table.conform(rows);
        assertEquals(table.schema().simpleString(), conformed.schema().asNullable().simpleString());
        assertEquals(RowFactory.create(7L, 3.0), conformed.first());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> table.conform(rows.drop("amount")));
        assertEquals("gold.t: the rows to write have no column amount", missing.getMessage());
        IllegalStateException unset = assertThrows(IllegalStateException.class,
                () -> table.row().set("thing_key", 1L).build());
        assertEquals("gold.t: no value set for column amount", unset.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> table.row().set("thing_key", 1L).set("amount", 2.0).set("amonut", 2.0).build());
        assertEquals("gold.t has no column amonut", unknown.getMessage());
        assertEquals(RowFactory.create(1L, null), table.row().set("amount", null).set("thing_key", 1L).build());
    }

    @Test
    void keysDependOnTheNaturalKeyOnly() {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("type", DataTypes.StringType)
                .add("end", DataTypes.DateType);
        Dataset<Row> rows = SparkTestSession.get().createDataFrame(List.of(
                RowFactory.create("cin_rate", "month", java.sql.Date.valueOf("2024-03-31")),
                RowFactory.create("cin_rate", "reporting_year", java.sql.Date.valueOf("2024-03-31"))), schema);
        List<Row> keys = rows.select(Keys.indicator(rows.col("id")), Keys.area(rows.col("id")),
                Keys.period(rows.col("type"), rows.col("end"))).collectAsList();
        assertEquals(keys.get(0).getLong(0), keys.get(1).getLong(0));
        assertTrue(keys.get(0).getLong(0) != keys.get(0).getLong(1), "an indicator and an area never share a key");
        assertTrue(keys.get(0).getLong(2) != keys.get(1).getLong(2), "a month and a year ending the same day differ");
    }
}
