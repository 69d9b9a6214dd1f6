package org.csbench.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
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

    @Test
    void roundsQuotientsAtEveryNumberOfPlacesHalfUpOrHalfEven() {
        // numerator, denominator, multiplier, places, expected half up, expected half even (ties worked by hand)
        Object[][] cases = {
            {87.0, 2000.0, 100.0, 1, 4.4, 4.4},             // 4.35 exactly; 4.3499999... as a double
            {17.0, 400.0, 100.0, 1, 4.3, 4.2},              // 4.25
            {5.0, 2.0, 1.0, 0, 3.0, 2.0},                   // 2.5
            {-5.0, 2.0, 1.0, 0, -3.0, -2.0},                // -2.5: half up is away from zero
            {4285.0, 100000.0, 10000.0, 0, 429.0, 428.0},   // 428.5 per 10,000
            {4285.0, 100000.0, 10000.0, 1, 428.5, 428.5},
            {1.0, 8.0, 1.0, 2, 0.13, 0.12},                 // 0.125
            {1.0, 16.0, 1.0, 3, 0.063, 0.062},              // 0.0625
            {1.0, 32.0, 1.0, 4, 0.0313, 0.0312},            // 0.03125
            {1.0, 64.0, 1.0, 5, 0.01563, 0.01562},          // 0.015625
            {1.0, 128.0, 1.0, 6, 0.007813, 0.007812},       // 0.0078125
            {2.0, 3.0, 100.0, 2, 66.67, 66.67},             // no tie
            {1e13, 1e-4, 1e7, 2, 1e24, 1e24},               // beyond 2^52: no fraction a double can show
        };
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            for (boolean halfEven : new boolean[] {false, true}) {
                rows.add(RowFactory.create(i, cases[i][0], cases[i][1], cases[i][2], cases[i][3], halfEven));
            }
        }
        rows.add(RowFactory.create(cases.length, 1.0, 0.0, 100.0, 1, false));
        StructType schema = new StructType().add("i", DataTypes.IntegerType).add("n", DataTypes.DoubleType)
                .add("d", DataTypes.DoubleType).add("m", DataTypes.DoubleType).add("places", DataTypes.IntegerType)
                .add("even", DataTypes.BooleanType);
        List<Row> out = Rounding.withRounded(SparkTestSession.get().createDataFrame(rows, schema), "r",
                        Rounding.quotient(col("n"), col("d"), col("m")), Rounding.exactQuotient(col("n"), col("d"), col("m")),
                        col("places"), col("even"))
                .select(col("i"), col("even"), col("r")).orderBy("i", "even").collectAsList();
        for (int i = 0; i < cases.length; i++) {
            assertEquals((double) cases[i][4], out.get(2 * i).getDouble(2), 0.0, "half up, case " + i);
            assertEquals((double) cases[i][5], out.get(2 * i + 1).getDouble(2), 0.0, "half even, case " + i);
        }
        assertNull(out.get(2 * cases.length).get(2), "a zero denominator has no value");
    }

    @Test
    void roundsProductsHalfUpOrHalfEven() {
        // numerator (times 100), places, expected half up, expected half even
        Object[][] cases = {{0.025, 0, 3.0, 2.0}, {0.125, 0, 13.0, 12.0}, {-0.125, 0, -13.0, -12.0},
            {0.01235, 1, 1.2, 1.2}, {0.0125, 1, 1.3, 1.2}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            for (boolean halfEven : new boolean[] {false, true}) {
                rows.add(RowFactory.create(i, cases[i][0], cases[i][1], halfEven));
            }
        }
        StructType schema = new StructType().add("i", DataTypes.IntegerType).add("n", DataTypes.DoubleType)
                .add("places", DataTypes.IntegerType).add("even", DataTypes.BooleanType);
        List<Row> out = Rounding.withRounded(SparkTestSession.get().createDataFrame(rows, schema), "r",
                        col("n").multiply(100.0), Rounding.exactProduct(col("n"), lit(100.0)), col("places"), col("even"))
                .select(col("i"), col("even"), col("r")).orderBy("i", "even").collectAsList();
        for (int i = 0; i < cases.length; i++) {
            assertEquals((double) cases[i][2], out.get(2 * i).getDouble(2), 0.0, "half up, case " + i);
            assertEquals((double) cases[i][3], out.get(2 * i + 1).getDouble(2), 0.0, "half even, case " + i);
        }
    }
}
