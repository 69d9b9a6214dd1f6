package org.csbench;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.contract.Star;
import org.csbench.contract.TableDef;
import org.csbench.delta.Warehouse;

/**
 * Compares the published star of two warehouses row for row: every table of {@link Star#tables()}, with
 * {@code exceptAll} both ways (duplicates count), each table's columns in the contract's order.
 */
public final class GoldTables {
    private GoldTables() {
    }

    /**
     * One line per published table that differs between {@code actual} and {@code expected}: missing in one of them,
     * or with rows only one holds (how many each way, and up to three of them); empty when the stars are identical.
     */
    public static List<String> differences(Warehouse actual, Warehouse expected) {
        List<String> differences = new ArrayList<>();
        for (TableDef table : Star.tables()) {
            String name = table.name();
            boolean inActual = actual.exists(name);
            boolean inExpected = expected.exists(name);
            if (inActual != inExpected) {
                differences.add(name + ": " + (inActual ? "not in the expected warehouse" : "missing"));
                continue;
            }
            if (!inActual) {
                continue;
            }
            Column[] columns = table.columns().stream().map(c -> col(c.name())).toArray(Column[]::new);
            Dataset<Row> a = actual.read(name).select(columns);
            Dataset<Row> e = expected.read(name).select(columns);
            Dataset<Row> extra = a.exceptAll(e).cache();
            Dataset<Row> missing = e.exceptAll(a).cache();
            long extraRows = extra.count();
            long missingRows = missing.count();
            if (extraRows + missingRows > 0) {
                differences.add(String.format("%s: %d rows not expected %s, %d expected rows missing %s", name,
                        extraRows, extra.limit(3).collectAsList(), missingRows, missing.limit(3).collectAsList()));
            }
            extra.unpersist();
            missing.unpersist();
        }
        return differences;
    }
}
