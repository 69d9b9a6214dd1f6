package org.csbench.delta;

import static org.apache.spark.sql.functions.col;
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

    @Test
    void clusteredFilesHoldTheSameRowsAndAReplaceOfOneValueRewritesFewOfThem() {
        Warehouse plain = SparkTestSession.newWarehouse("plain-files");
        Warehouse clustered = SparkTestSession.newWarehouse("clustered-files");
        // 4,000 rows of 40 periods, every period in both write tasks.
        Dataset<Row> rows = SparkTestSession.get().range(0, 4000).repartition(2)
                .select(col("id").mod(40).as("period_key"), col("id").as("v"));
        plain.overwrite("gold.t", rows, "plain");
        clustered.overwriteClustered("gold.t", rows, "period_key", 100, "clustered");
        assertEquals(0, plain.read("gold.t").exceptAll(clustered.read("gold.t")).count());
        assertEquals(0, clustered.read("gold.t").exceptAll(plain.read("gold.t")).count());
        assertTrue(clustered.fileCount("gold.t") >= 40, "at most 100 rows a file");

        Dataset<Row> period7 = rows.filter(col("period_key").equalTo(7)).withColumn("v", col("v").plus(1));
        plain.replaceWhere("gold.t", period7, "period_key = 7", "plain");
        clustered.replaceWhereClustered("gold.t", period7, "period_key = 7", "period_key", 100, "clustered");
        assertEquals(0, plain.read("gold.t").exceptAll(clustered.read("gold.t")).count());
        assertEquals(0, clustered.read("gold.t").exceptAll(plain.read("gold.t")).count());
        // Unsorted, each file holds some of period 7 and is copied whole; sorted, only the few that hold it are.
        long plainWritten = plain.lastCommitRows("gold.t");
        long clusteredWritten = clustered.lastCommitRows("gold.t");
        assertEquals(4000, plainWritten);
        assertTrue(clusteredWritten <= 100 + 4 * 100, clusteredWritten + " rows written");
    }
}
