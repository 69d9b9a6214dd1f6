package org.csbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * DataFrame equality in the manner of spark-testing-base's {@code assertDataFrameNoOrderEquals} and
 * {@code assertDataFrameApproximateEquals}: same columns, same rows in any order, doubles within a tolerance.
 */
public final class DatasetAssertions {
    private DatasetAssertions() {
    }

    /** Rows of {@code actual} equal {@code expected} ignoring order; doubles compared within {@code tolerance}. */
    public static void assertRowsEqualIgnoringOrder(List<List<Object>> expected, Dataset<Row> actual, double tolerance) {
        List<List<Object>> got = new ArrayList<>();
        for (Row row : actual.collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                values.add(row.get(i));
            }
            got.add(values);
        }
        assertEquals(expected.size(), got.size(), () -> "row count; got " + got);
        List<List<Object>> unmatched = new ArrayList<>(got);
        for (List<Object> want : expected) {
            boolean found = false;
            for (int i = 0; i < unmatched.size(); i++) {
                if (rowEquals(want, unmatched.get(i), tolerance)) {
                    unmatched.remove(i);
                    found = true;
                    break;
                }
            }
            if (!found) {
                fail("expected row " + want + " not found in " + got);
            }
        }
    }

    /** Shorthand for one expected row. */
    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static boolean rowEquals(List<Object> a, List<Object> b, double tolerance) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x instanceof Number nx && y instanceof Number ny && (x instanceof Double || y instanceof Double)) {
                if (Math.abs(nx.doubleValue() - ny.doubleValue()) > tolerance) {
                    return false;
                }
            } else if (x == null ? y != null : !x.equals(y)) {
                return false;
            }
        }
        return true;
    }
}
