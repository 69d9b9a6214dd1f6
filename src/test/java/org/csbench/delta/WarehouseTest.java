package org.csbench.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;

/** The warehouse's shortcuts give what the plain Delta calls give. */
class WarehouseTest {
    @Test
    void versionAndCommitMetricsFromTheLogMatchDeltasHistory() {
        Warehouse warehouse = SparkTestSession.newWarehouse("log");
        assertEquals(Optional.empty(), warehouse.version("silver.t"));
        Dataset<Row> rows = warehouse.spark().range(25).toDF("id");
        warehouse.overwrite("silver.t", rows, "first");
        warehouse.append("silver.t", rows.limit(7), "second");
        Row last = DeltaTable.forPath(warehouse.spark(), warehouse.location("silver.t")).history(1)
                .select("version", "operationMetrics").first();
        assertEquals(Optional.of(last.getLong(0)), warehouse.version("silver.t"));
        assertEquals(1L, last.getLong(0));
        Map<String, String> metrics = warehouse.lastCommitMetrics("silver.t");
        assertEquals(last.getJavaMap(1), metrics);
        assertEquals("7", metrics.get("numOutputRows"));
    }

    @Test
    void writesInParallelGiveWhatWritesOneAfterAnotherGive() {
        Warehouse parallel = SparkTestSession.newWarehouse("parallel");
        Warehouse sequential = SparkTestSession.newWarehouse("sequential");
        List<Runnable> inParallel = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Dataset<Row> rows = parallel.spark().range(i * 100, i * 100 + 50 + i).toDF("id");
            String table = "bronze.t" + i;
            inParallel.add(() -> parallel.append(table, rows, "parallel"));
            sequential.append(table, rows, "sequential");
        }
        parallel.inParallel(inParallel);
        assertEquals(sequential.tables(), parallel.tables());
        for (String table : sequential.tables()) {
            assertTrue(sequential.read(table).exceptAll(parallel.read(table)).isEmpty(), table);
            assertEquals(sequential.read(table).count(), parallel.read(table).count(), table);
        }
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> parallel.inParallel(List.of(
                () -> parallel.append("bronze.ok", parallel.spark().range(3).toDF("id"), "ok"),
                () -> {
                    throw new IllegalStateException("disk full");
                })));
        assertEquals("disk full", failure.getMessage());
        assertEquals(3, parallel.read("bronze.ok").count(), "the other write still finished");
    }
}
