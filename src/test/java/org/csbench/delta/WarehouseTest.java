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

    /**
     * A fact table keeps file statistics on its keys only (a replaceWhere on period_key still skips files), not on
     * its measures: Delta's default, statistics on the first 32 columns, cost the star's writes time for nothing.
     */
    @Test
    void aFactKeepsFileStatisticsOnItsKeysOnly() throws Exception {
        Warehouse warehouse = SparkTestSession.newWarehouse("stats");
        Dataset<Row> rows = warehouse.spark().range(40).selectExpr("id % 4 AS period_key", "id AS area_key",
                "7 AS indicator_key", "cast(id * 1.5 AS double) AS value", "cast(id AS string) AS label");
        warehouse.overwrite("gold.fact_t", rows.repartition(4, rows.col("period_key")), "first");

        String table = new org.apache.hadoop.fs.Path(warehouse.location("gold.fact_t")).toUri().getPath();
        java.nio.file.Path log = java.nio.file.Path.of(table).resolve("_delta_log/00000000000000000000.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Set<String> counted = new java.util.TreeSet<>();
        int files = 0;
        for (String line : java.nio.file.Files.readAllLines(log)) {
            com.fasterxml.jackson.databind.JsonNode add = json.readTree(line).path("add");
            if (!add.isMissingNode()) {
                files++;
                json.readTree(add.path("stats").asText()).path("minValues").fieldNames().forEachRemaining(counted::add);
            }
        }
        assertTrue(files > 1, "several files, so skipping can be seen");
        assertEquals(java.util.Set.of("area_key", "indicator_key", "period_key"), counted);

        warehouse.replaceWhere("gold.fact_t", rows.filter("period_key = 2").selectExpr("period_key", "area_key",
                "indicator_key", "value * 2 AS value", "label"), "period_key = 2", "second");
        assertEquals("1", warehouse.lastCommitMetrics("gold.fact_t").get("numRemovedFiles"),
                "only the file of period 2 is rewritten");
        assertEquals(40, warehouse.read("gold.fact_t").count());
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

    /** A new table is written by an append (nothing to replace); an existing one is still replaced whole. */
    @Test
    void overwritingANewTableGivesWhatDeltasOverwriteGives() {
        Warehouse warehouse = SparkTestSession.newWarehouse("overwrite-new");
        Dataset<Row> rows = warehouse.spark().range(30).selectExpr("id", "cast(id * 2.5 AS double) AS value");
        warehouse.overwrite("gold.t", rows, "first");
        String plain = warehouse.location("gold.plain");
        rows.write().format("delta").mode("overwrite").save(plain);
        Dataset<Row> delta = warehouse.spark().read().format("delta").load(plain);
        assertEquals(delta.schema(), warehouse.read("gold.t").schema());
        assertTrue(delta.exceptAll(warehouse.read("gold.t")).isEmpty());
        assertEquals(30, warehouse.read("gold.t").count());
        assertEquals(Optional.of(0L), warehouse.version("gold.t"));

        warehouse.overwrite("gold.t", rows.limit(4), "second");
        assertEquals(4, warehouse.read("gold.t").count(), "an existing table is replaced, not appended to");
        assertTrue(Long.parseLong(warehouse.lastCommitMetrics("gold.t").get("numRemovedFiles")) > 0);
    }

    /**
     * Small runs leave the table's file list out of each commit's checksum file ({@link SparkSessions#forInput}):
     * Delta then reads the list from the log, and every write and read gives what it gives with the list kept.
     */
    @Test
    void withoutTheFileListInChecksumFilesTablesHoldTheSameRows() throws Exception {
        Map<String, List<Row>> read = new java.util.HashMap<>();
        for (String kept : List.of("true", "false")) {
            Warehouse warehouse = SparkTestSession.newWarehouse("crc-" + kept);
            warehouse.withConf(SparkSessions.ALL_FILES_IN_CRC, kept, () -> {
                Dataset<Row> rows = warehouse.spark().range(60).selectExpr("id % 3 AS period_key", "id");
                warehouse.overwrite("gold.t", rows.repartition(3, rows.col("period_key")), "first");
                warehouse.append("gold.t", rows.limit(5), "second");
                warehouse.replaceWhere("gold.t", rows.filter("period_key = 1").selectExpr("period_key", "id + 1000 AS id"),
                        "period_key = 1", "third");
                warehouse.overwrite("gold.t", warehouse.read("gold.t").filter("id % 2 = 0"), "fourth");
                read.put(kept, warehouse.read("gold.t").orderBy("period_key", "id").collectAsList());
            });
            String table = new org.apache.hadoop.fs.Path(warehouse.location("gold.t")).toUri().getPath();
            String checksum = java.nio.file.Files.readString(java.nio.file.Path.of(table)
                    .resolve("_delta_log/00000000000000000003.crc"));
            assertEquals(kept.equals("true"), checksum.contains("\"allFiles\""), checksum);
        }
        assertTrue(read.get("true").size() > 20);
        assertEquals(read.get("true"), read.get("false"));
    }
}
