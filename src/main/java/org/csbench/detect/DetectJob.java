package org.csbench.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import org.csbench.config.Catalogue;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
import org.csbench.ingest.LoadJob;
import org.csbench.metrics.MetricsJob;

/**
 * The Detect stage: reads the indicator values and replaces the performance-signal tables
 * ({@code gold.spc_point}, {@code gold.spc_summary}, {@code gold.trend}, {@code gold.funnel}, {@code gold.outlier})
 * and the data-quality table ({@code gold.dq_anomaly}).
 *
 * <p>Two shuffles: one by series ({@link SeriesSignals}), one by cross-section ({@link CrossSections}). Each
 * analysed dataset is persisted (memory, spilling to disk) while the tables made from it are written, then
 * released.
 */
public final class DetectJob {
    private final Warehouse warehouse;
    private final DetectOptions options;

    public DetectJob(Warehouse warehouse) {
        this(warehouse, DetectOptions.defaults());
    }

    public DetectJob(Warehouse warehouse, DetectOptions options) {
        this.warehouse = warehouse;
        this.options = options;
    }

    /**
     * What the job wrote.
     *
     * @param tables the tables written, in order: spc_point, spc_summary, trend, dq_anomaly, funnel, outlier
     */
    public record Result(List<LoadJob.TableResult> tables) {
        public Result {
            tables = List.copyOf(tables);
        }

        /** Rows written to {@code table}; 0 for a table this job does not write. */
        public long rows(String table) {
            return tables.stream().filter(t -> t.table().equals(table)).mapToLong(LoadJob.TableResult::rowsWritten)
                    .sum();
        }
    }

    public Result run(Catalogue catalogue, WarehouseTransaction tx, String note) {
        return run(catalogue, MetricsJob.values(warehouse), tx, note);
    }

    /** Detects signals in {@code values} (indicator values with their attributes, as {@link MetricsJob#values}). */
    public Result run(Catalogue catalogue, Dataset<Row> values, WarehouseTransaction tx, String note) {
        Map<String, IndicatorSignals> indicators = IndicatorSignals.of(catalogue);

        Dataset<Row> series = SeriesSignals.analyse(values, indicators, options).persist(StorageLevel.MEMORY_AND_DISK());
        List<LoadJob.TableResult> tables = new ArrayList<>();
        try {
            tables.add(write(SeriesSignals.POINT_TABLE, SeriesSignals.points(series), tx, note));
            tables.add(write(SeriesSignals.SUMMARY_TABLE, SeriesSignals.summaries(series), tx, note));
            tables.add(write(SeriesSignals.TREND_TABLE, SeriesSignals.trends(series), tx, note));
            tables.add(write(SeriesSignals.ANOMALY_TABLE, SeriesSignals.anomalies(series), tx, note));
        } finally {
            series.unpersist();
        }

        Dataset<Row> crossSections = CrossSections.analyse(values, indicators, options)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            tables.add(write(CrossSections.FUNNEL_TABLE, CrossSections.funnel(crossSections), tx, note));
            tables.add(write(CrossSections.OUTLIER_TABLE, CrossSections.outliers(crossSections), tx, note));
        } finally {
            crossSections.unpersist();
        }
        return new Result(tables);
    }

    private LoadJob.TableResult write(String table, Dataset<Row> rows, WarehouseTransaction tx, String note) {
        long start = System.nanoTime();
        tx.touch(table);
        warehouse.overwrite(table, rows, note);
        long written = warehouse.lastCommitRows(table);
        return new LoadJob.TableResult(table, written, warehouse.version(table).orElse(-1L),
                (System.nanoTime() - start) / 1e9);
    }
}
