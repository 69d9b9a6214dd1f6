package org.csbench.metrics;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;

/** Rounding doubles half up to a per-row number of places, ties settled on the decimal value. */
class RoundingTest {
    @Test
    void roundsHalfUpAwayFromZeroAndSettlesTiesThatDoublesHide() {
        // value, places, expected (worked by hand from the decimal value the double stands for)
        Object[][] cases = {
            {18.7 - 18.65, 1, 0.1},        // not exactly 0.05 as a double; 0.05 in decimal, so up
            {18.65 - 18.7, 1, -0.1},       // the same tie below zero rounds away from zero
            {1.005, 2, 1.01},              // 1.00499999999999989... as a double
            {2.675, 2, 2.68},              // 2.67499999999999982...
            {123.4449, 2, 123.44},         // no tie: the double result stands
            {2.5, 0, 3.0},
            {-2.5, 0, -3.0},
            {1.2345675, 6, 1.234568},      // the most places the catalogue allows
            {0.1 + 0.2, 1, 0.3},           // 0.30000000000000004
            {1234567.85, 1, 1234567.9},    // a tie on a large value
            {7.0, 3, 7.0},
        };
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(RowFactory.create(i, cases[i][0], cases[i][1]));
        }
        rows.add(RowFactory.create(cases.length, null, 1));
        SparkSession spark = SparkTestSession.get();
        StructType schema = new StructType().add("i", DataTypes.IntegerType).add("v", DataTypes.DoubleType)
                .add("d", DataTypes.IntegerType);
        List<Row> out = spark.createDataFrame(rows, schema)
                .select(col("i"), Rounding.roundedDouble(col("v"), col("d")).as("r"))
                .orderBy("i").collectAsList();
        for (int i = 0; i < cases.length; i++) {
            assertEquals((double) cases[i][2], out.get(i).getDouble(1), 0.0, "case " + i + ": " + cases[i][0]);
        }
        assertNull(out.get(cases.length).get(1));
    }
}
