package org.csbench.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;

class ProjectionsTest {

    @Test
    void oneProjectionGivesTheColumnsAndRowsOfAChainOfWithColumn() {
        StructType schema = new StructType().add("la", DataTypes.StringType).add("value", DataTypes.DoubleType)
                .add("comparator", DataTypes.DoubleType);
        Dataset<Row> rows = SparkTestSession.get().createDataFrame(List.of(RowFactory.create("352", 428.5, 330.0),
                RowFactory.create("201", null, 330.0), RowFactory.create("202", 12.0, null)), schema);
        Column gap = col("value").minus(col("comparator"));
        Column flagged = when(col("value").isNull(), lit("missing")).otherwise(lit("present"));
        Column scaled = col("value").multiply(10);

        Dataset<Row> chained = rows.withColumn("gap", gap).withColumn("value", scaled).withColumn("flag", flagged);
        LinkedHashMap<String, Column> columns = new LinkedHashMap<>();
        columns.put("gap", gap);
        columns.put("value", scaled);
        columns.put("flag", flagged);
        Dataset<Row> projected = Projections.withColumns(rows, columns);

        // A replaced column keeps its place; new ones follow in the map's order, and every expression reads the
        // input's columns (the gap is worked out from the value before it is scaled, as in the chain).
        assertEquals(List.of("la", "value", "comparator", "gap", "flag"), Arrays.asList(projected.columns()));
        assertEquals(Arrays.asList(chained.columns()), Arrays.asList(projected.columns()));
        assertEquals(chained.schema(), projected.schema());
        assertEquals(chained.orderBy("la").collectAsList(), projected.orderBy("la").collectAsList());
        assertEquals(RowFactory.create("352", 4285.0, 330.0, 98.5, "present"),
                projected.filter(col("la").equalTo("352")).first());
    }
}
