package org.csbench.metrics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import org.csbench.config.Catalogue;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
import org.csbench.ingest.LoadJob;
import org.csbench.ingest.ReferenceTables;

/**
 * Computes the catalogue's indicators from {@code silver.observation} and {@code reference.population} and
 * replaces {@code gold.indicator_value}, {@code gold.published_discrepancy} and {@code gold.indicator_window}.
 */
public final class MetricsJob {
    private final Warehouse warehouse;

    public MetricsJob(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * What the job wrote.
     *
     * @param values        indicator values written
     * @param discrepancies published figures that differ from the computed ones
     * @param unexplained   of those, the ones input rounding or missing authorities do not explain
     * @param tables        the tables written
     */
    public record Result(long values, long discrepancies, long unexplained, java.util.List<LoadJob.TableResult> tables) {
    }

    public Result run(Catalogue catalogue, WarehouseTransaction tx, String note) {
        Dataset<Row> values = IndicatorValues.compute(warehouse.read(LoadJob.OBSERVATION),
                warehouse.read(ReferenceTables.POPULATION), catalogue).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long t0 = System.nanoTime();
            tx.touch(IndicatorValues.TABLE);
            warehouse.overwrite(IndicatorValues.TABLE, values, note);
            long valueRows = Long.parseLong(warehouse.lastCommitMetrics(IndicatorValues.TABLE)
                    .getOrDefault("numOutputRows", "0"));
            double valueSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            Dataset<Row> discrepancies = IndicatorValues.discrepancies(values);
            tx.touch(IndicatorValues.DISCREPANCY_TABLE);
            warehouse.overwrite(IndicatorValues.DISCREPANCY_TABLE, discrepancies, note);
            long written = Long.parseLong(warehouse.lastCommitMetrics(IndicatorValues.DISCREPANCY_TABLE)
                    .getOrDefault("numOutputRows", "0"));
            long unexplained = written == 0 ? 0
                    : warehouse.read(IndicatorValues.DISCREPANCY_TABLE)
                            .filter(org.apache.spark.sql.functions.col(IndicatorValues.EXPLAINED).equalTo(false)).count();
            long t2 = System.nanoTime();
            tx.touch(Windows.TABLE);
            warehouse.overwrite(Windows.TABLE, Windows.compute(values, catalogue), note);
            long windowRows = Long.parseLong(warehouse.lastCommitMetrics(Windows.TABLE).getOrDefault("numOutputRows", "0"));
            return new Result(valueRows, written, unexplained, java.util.List.of(
                    new LoadJob.TableResult(IndicatorValues.TABLE, valueRows,
                            warehouse.version(IndicatorValues.TABLE).orElse(-1L), valueSeconds),
                    new LoadJob.TableResult(IndicatorValues.DISCREPANCY_TABLE, written,
                            warehouse.version(IndicatorValues.DISCREPANCY_TABLE).orElse(-1L),
                            (System.nanoTime() - t1) / 1e9),
                    new LoadJob.TableResult(Windows.TABLE, windowRows, warehouse.version(Windows.TABLE).orElse(-1L),
                            (System.nanoTime() - t2) / 1e9)));
        } finally {
            values.unpersist();
        }
    }
}
