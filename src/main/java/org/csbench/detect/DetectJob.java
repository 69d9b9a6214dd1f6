package org.csbench.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.collection.immutable.Seq;

import org.csbench.config.Catalogue;
import org.csbench.contract.Keys;
import org.csbench.contract.Star;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactCrossSection;
import org.csbench.contract.Star.FactDataQuality;
import org.csbench.contract.Star.FactSeriesSignal;
import org.csbench.contract.Star.FactSignal;
import org.csbench.contract.TableDef;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
import org.csbench.ingest.LoadJob;
import org.csbench.metrics.Dimensions;
import org.csbench.metrics.Geography;
import org.csbench.metrics.MetricsJob;
import org.csbench.metrics.RefreshScope;
import org.csbench.model.Columns;
import org.csbench.model.Seqs;

/**
 * The Detect stage: reads the indicator values and replaces the star's signal facts: {@code gold.fact_signal} (SPC
 * points with each authority's funnel and outlier figures), {@code gold.fact_series_signal} (SPC summary and trend
 * per series), {@code gold.fact_cross_section} (what a cross-section's authorities share) and
 * {@code gold.fact_data_quality} (anomalies).
 *
 * <p>Two shuffles: one by series ({@link SeriesSignals}), one by cross-section ({@link CrossSections}), then a join
 * of the chart points with the authorities' cross-section figures on the star's keys. Both analysed datasets are
 * persisted (memory, spilling to disk) while the tables made from them are written, then released.
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
     * @param tables the tables written, in order: fact_series_signal, fact_data_quality, fact_cross_section,
     *               fact_signal
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
        Dataset<Row> crossSections = CrossSections.analyse(values, indicators, options)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<LoadJob.TableResult> tables = new ArrayList<>();
        try {
            // Four tables from the two cached analyses, none reading another: written at the same time.
            LoadJob.TableResult[] written = new LoadJob.TableResult[4];
            tx.inParallel(List.of(
                    () -> written[0] = write(FactSeriesSignal.TABLE, SeriesSignals.summaries(series), tx, note),
                    () -> {
                        written[1] = write(FactDataQuality.TABLE, SeriesSignals.anomalies(series), tx, note);
                        addGapPeriods(SeriesSignals.anomalies(series), tx, note);
                    },
                    () -> written[2] = write(FactCrossSection.TABLE, CrossSections.shared(crossSections), tx, note),
                    () -> written[3] = write(FactSignal.TABLE, CrossSections.signals(SeriesSignals.points(series),
                            crossSections), tx, note)));
            tables.addAll(List.of(written));
        } finally {
            series.unpersist();
            crossSections.unpersist();
        }
        return new Result(tables);
    }

    /**
     * As {@link #run}, for the series a load extends only: every series (indicator and area) with a value in a
     * period {@code scope} loaded is charted and trend-tested again over its whole history, and the cross-sections
     * of the loaded periods are compared again; the rows of every other series, and every other period's
     * cross-section, stay as they are. The funnel and outlier columns of a recharted series' other periods are read
     * back from {@code gold.fact_signal}: their cross-sections did not change.
     */
    public Result refresh(Catalogue catalogue, WarehouseTransaction tx, String note, RefreshScope.Periods scope) {
        Map<String, IndicatorSignals> indicators = IndicatorSignals.of(catalogue);
        Dataset<Row> values = MetricsJob.values(warehouse);
        Dataset<Row> loaded = MetricsJob.values(warehouse, scope.loaded());
        String[] pair = {Columns.INDICATOR_ID, Geography.GEO_KEY};
        Dataset<Row> extended = loaded.select(pair[0], pair[1]).distinct().cache();
        Dataset<Row> extendedKeys = extended.select(Keys.indicator(col(pair[0])).as(Star.INDICATOR_KEY),
                Keys.area(col(pair[1])).as(Star.AREA_KEY));
        Seq<String> pairKeys = Seqs.of(Star.INDICATOR_KEY, Star.AREA_KEY);

        Dataset<Row> series = SeriesSignals.analyse(values.join(extended, Seqs.of(pair), "left_semi"), indicators, options).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> crossSections = CrossSections.analyse(loaded, indicators, options)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<LoadJob.TableResult> tables = new ArrayList<>();
        try {
            Dataset<Row> before = warehouse.read(FactSignal.TABLE.name());
            Column inLoaded = RefreshScope.Periods.isIn(col(Star.PERIOD_KEY), scope.loaded());
            // The funnel and outlier columns: the loaded periods' new ones, every other period's as they were.
            Dataset<Row> otherPeriods = before.filter(inLoaded.unary_$bang()).join(extendedKeys, pairKeys, "left_semi")
                    .select(SeriesSignals.columns(SeriesSignals.concat(SeriesSignals.KEYS,
                            CrossSections.AUTHORITY_COLUMNS)));
            Dataset<Row> signals = CrossSections.signals(SeriesSignals.points(series), crossSections, otherPeriods);
            tables.add(write(FactSeriesSignal.TABLE, keep(FactSeriesSignal.TABLE, extendedKeys, pairKeys)
                    .unionByName(FactSeriesSignal.TABLE.conform(SeriesSignals.summaries(series))), tx, note));
            tables.add(write(FactDataQuality.TABLE, keep(FactDataQuality.TABLE, extendedKeys, pairKeys)
                    .unionByName(FactDataQuality.TABLE.conform(SeriesSignals.anomalies(series))), tx, note));
            addGapPeriods(SeriesSignals.anomalies(series), tx, note);
            tables.add(replaceWhere(FactCrossSection.TABLE, CrossSections.shared(crossSections),
                    RefreshScope.Periods.in(Star.PERIOD_KEY, scope.loaded()), tx, note));
            tables.add(write(FactSignal.TABLE, keep(FactSignal.TABLE, extendedKeys, pairKeys)
                    .unionByName(FactSignal.TABLE.conform(signals)), tx, note));
        } finally {
            series.unpersist();
            crossSections.unpersist();
            extended.unpersist();
        }
        return new Result(tables);
    }

    /** The rows of {@code table} (as the run found it) of the series {@code extendedKeys} does not name. */
    private Dataset<Row> keep(TableDef table, Dataset<Row> extendedKeys, Seq<String> pairKeys) {
        return table.conform(warehouse.read(table.name()).join(extendedKeys, pairKeys, "left_anti"));
    }

    /**
     * A newly missing value can be a gap: a period the series has no row for. When no area has a value for that
     * period either, no other fact uses it and {@code gold.dim_period} lacks it; it is added (never the latest of
     * its type: the series has later periods), so every anomaly's period key resolves. Usually none is missing.
     */
    private void addGapPeriods(Dataset<Row> anomalies, WarehouseTransaction tx, String note) {
        String dim = DimPeriod.TABLE.name();
        if (!warehouse.exists(dim)) {
            return;
        }
        Dataset<Row> missing = anomalies.select(col(Star.PERIOD_KEY), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END))
                .distinct().join(warehouse.read(dim).select(col(Star.PERIOD_KEY)), Star.PERIOD_KEY, "left_anti");
        Dataset<Row> asObservations = missing.select(col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END),
                lit(null).cast("string").as(Columns.TIME_PERIOD), lit(true).as(Columns.IS_CURRENT));
        List<Row> periods = DimPeriod.TABLE.conform(Dimensions.periodCandidates(asObservations)
                .join(missing.select(col(Star.PERIOD_KEY)), Star.PERIOD_KEY, "left_semi")
                .withColumn(DimPeriod.IS_LATEST, lit(false))).collectAsList();
        if (!periods.isEmpty()) {
            tx.touch(dim);
            warehouse.append(dim, warehouse.spark().createDataFrame(periods, DimPeriod.TABLE.schema()), note);
        }
    }

    private LoadJob.TableResult replaceWhere(TableDef def, Dataset<Row> rows, String condition,
            WarehouseTransaction tx, String note) {
        long start = System.nanoTime();
        String table = def.name();
        tx.touch(table);
        warehouse.replaceWhere(table, def.conform(rows), condition, note);
        long written = warehouse.lastCommitRows(table);
        return new LoadJob.TableResult(table, written, warehouse.version(table).orElse(-1L),
                (System.nanoTime() - start) / 1e9);
    }

    private LoadJob.TableResult write(TableDef def, Dataset<Row> rows, WarehouseTransaction tx, String note) {
        long start = System.nanoTime();
        String table = def.name();
        tx.touch(table);
        warehouse.overwrite(table, def.conform(rows), note);
        long written = warehouse.lastCommitRows(table);
        return new LoadJob.TableResult(table, written, warehouse.version(table).orElse(-1L),
                (System.nanoTime() - start) / 1e9);
    }
}
