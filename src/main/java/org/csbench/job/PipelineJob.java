package org.csbench.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.benchmark.BenchmarkJob;
import org.csbench.config.Catalogue;
import org.csbench.config.CatalogueLoader;
import org.csbench.config.PipelineSpec;
import org.csbench.config.SourceSpec;
import org.csbench.delta.SparkSessions;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
import org.csbench.contract.Star.FactCrossSection;
import org.csbench.contract.Star.FactDataQuality;
import org.csbench.contract.Star.FactSeriesSignal;
import org.csbench.contract.Star.FactSignal;
import org.csbench.detect.DetectJob;
import org.csbench.ingest.LoadJob;
import org.csbench.ingest.ReferenceTables;
import org.csbench.model.Columns;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.ingest.ScorecardWideTransform;
import org.csbench.metrics.Dimensions;
import org.csbench.metrics.MetricsJob;
import org.csbench.metrics.RefreshScope;

/**
 * A whole pipeline run: load the sources, compute the catalogue's indicators, benchmark them, then detect trends,
 * outliers and data-quality anomalies in them, all in one {@link WarehouseTransaction}: readers see the run only
 * once it is complete, and a failed or killed run leaves every table as it was before the run. When every file was
 * loaded before and the gold tables exist, nothing is written.
 */
public final class PipelineJob {
    private final Warehouse warehouse;
    private final LoadJob.Progress progress;
    private final boolean keepGoing;
    private final boolean rebuildWhole;

    public PipelineJob(Warehouse warehouse, LoadJob.Progress progress) {
        this(warehouse, progress, false, false);
    }

    private PipelineJob(Warehouse warehouse, LoadJob.Progress progress, boolean keepGoing, boolean rebuildWhole) {
        this.warehouse = warehouse;
        this.progress = progress;
        this.keepGoing = keepGoing;
        this.rebuildWhole = rebuildWhole;
    }

    /**
     * The same job, loading with {@link LoadJob#keepingGoing()}: a source that cannot be loaded is reported and the
     * run goes on with the others (the default is all or nothing).
     */
    public PipelineJob keepingGoing() {
        return new PipelineJob(warehouse, progress, true, rebuildWhole);
    }

    /**
     * The same job, recomputing every indicator, window, benchmark and signal from all the observations even when
     * refreshing the periods the run loaded would do (the default).
     */
    public PipelineJob rebuildingWhole() {
        return new PipelineJob(warehouse, progress, keepGoing, true);
    }

    /**
     * A run's outcome.
     *
     * @param load    what the load step did
     * @param metrics   what the indicator step did, or null when it had nothing new to compute
     * @param benchmark what the benchmarking step did, or null when the indicators were not recomputed
     * @param detect    what the detect step did, or null when the indicators were not recomputed
     */
    public record Result(LoadJob.Result load, MetricsJob.Result metrics, BenchmarkJob.Result benchmark,
            DetectJob.Result detect) {
        /** The sources that could not be loaded (only with {@link #keepingGoing()}). */
        public List<LoadJob.SourceResult> failedSources() {
            return load.sources().stream().filter(LoadJob.SourceResult::failed).toList();
        }

        /** Every table the run wrote, in the order the steps wrote them. */
        public List<LoadJob.TableResult> tables() {
            List<LoadJob.TableResult> tables = new ArrayList<>(load.tables());
            if (metrics != null) {
                tables.addAll(metrics.tables());
            }
            if (benchmark != null) {
                tables.add(benchmark.table());
            }
            if (detect != null) {
                tables.addAll(detect.tables());
            }
            return tables;
        }
    }

    public Result run(PipelineSpec spec) {
        return run(spec, spec.catalogue() == null ? null : CatalogueLoader.load(java.nio.file.Path.of(spec.catalogue())));
    }

    /** Runs {@code spec} with {@code catalogue} (null: load only) instead of the spec's own catalogue. */
    public Result run(PipelineSpec spec, Catalogue catalogue) {
        Result[] result = new Result[1];
        Map<String, String> sized = SparkSessions.forInput(inputBytes(spec),
                SparkSessions.shufflePartitions(warehouse.spark()));
        warehouse.withConf(sized, () -> result[0] = runSized(spec, catalogue));
        return result[0];
    }

    /** The bytes a run reads: its source files (a missing one counts nothing: the load reports it) and the observations. */
    private long inputBytes(PipelineSpec spec) {
        long bytes = warehouse.sizeInBytes(LoadJob.OBSERVATION);
        for (SourceSpec source : spec.sources()) {
            try {
                Path path = new Path(source.path());
                bytes += path.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration())
                        .getFileStatus(path).getLen();
            } catch (IOException | IllegalArgumentException e) {
                // Not readable here: the load names it.
            }
        }
        return bytes;
    }

    /**
     * Whether a run of {@code spec} into the warehouse at {@code root} reads less than
     * {@link SparkSessions#SMALL_INPUT_BYTES}, judged before a Spark session exists from this machine's disk: the
     * spec's files and every file in the observation table's folder (its history too, so never less than
     * {@link #inputBytes}). False when the warehouse or a file is elsewhere, such as a cluster's shared storage.
     */
    public static boolean smallOnThisDisk(PipelineSpec spec, String root) {
        long bytes = 0;
        try {
            java.nio.file.Path observations = localFile(Warehouse.location(root, LoadJob.OBSERVATION));
            if (observations == null) {
                return false;
            }
            if (Files.isDirectory(observations)) {
                try (Stream<java.nio.file.Path> files = Files.walk(observations)) {
                    bytes += files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
            }
            for (SourceSpec source : spec.sources()) {
                java.nio.file.Path file = localFile(source.path());
                if (file == null) {
                    return false;
                }
                bytes += file.toFile().length(); // 0 when missing: the load names it
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return bytes < SparkSessions.SMALL_INPUT_BYTES;
    }

    /** {@code location} on this machine's disk, or null when it names another file system. */
    private static java.nio.file.Path localFile(String location) {
        URI uri = new Path(location).toUri();
        return uri.getScheme() == null || uri.getScheme().equals("file") ? java.nio.file.Path.of(uri.getPath()) : null;
    }

    private Result runSized(PipelineSpec spec, Catalogue catalogue) {
        return WarehouseTransaction.run(warehouse, progress::step, tx -> {
            LoadJob loader = new LoadJob(warehouse, progress);
            LoadJob.Result load = (keepGoing ? loader.keepingGoing() : loader).run(spec, tx);
            MetricsJob metricsJob = new MetricsJob(warehouse);
            boolean catalogueChanged = catalogue != null && metricsJob.catalogueChanged(catalogue);
            // Only the audit written (failed sources recorded, nothing loaded) and the same catalogue: the indicators
            // are as they were.
            boolean changed = rebuildWhole || catalogueChanged
                    || load.tables().stream().anyMatch(t -> !t.table().equals(LoadJob.LOAD_AUDIT));
            MetricsJob.Result metrics = null;
            BenchmarkJob.Result benchmark = null;
            DetectJob.Result detect = null;
            if (catalogue != null && (changed || !warehouse.exists(FactIndicatorValue.TABLE.name()))) {
                long t0 = System.nanoTime();
                String fullBecause = fullRebuildReason(load, catalogueChanged);
                RefreshScope.Periods scope = fullBecause == null ? RefreshScope.Periods.of(
                        warehouse.read(LoadJob.OBSERVATION), load.loadId(), extractYears(load)) : null;
                progress.step(scope != null ? String.format("refresh: incremental: %d loaded periods, %d windows "
                        + "and %d benchmarked periods recomputed, with the series they extend", scope.loaded().size(),
                        scope.windows().size(), scope.benchmarked().size())
                        : "refresh: full rebuild: " + fullBecause);
                metrics = scope != null ? metricsJob.refresh(catalogue, tx, "csbench run " + load.loadId(), scope)
                        : metricsJob.run(catalogue, tx, "csbench run " + load.loadId());
                progress.step(String.format("indicators: %,d values of %d catalogue indicators, %,d published figures "
                        + "differ (%,d unexplained) (%.1f s)", metrics.values(), catalogue.indicators().size(),
                        metrics.discrepancies(), metrics.unexplained(), (System.nanoTime() - t0) / 1e9));
                benchmark = scope != null ? new BenchmarkJob(warehouse).refresh(catalogue, tx, "csbench run "
                        + load.loadId(), scope) : new BenchmarkJob(warehouse).run(catalogue, tx, "csbench run "
                        + load.loadId());
                progress.step(String.format("benchmarks: %,d authority values compared with neighbours, region, "
                        + "England, targets and the previous period (%.1f s)", benchmark.rows(),
                        benchmark.table().seconds()));
                long t1 = System.nanoTime();
                detect = scope != null ? new DetectJob(warehouse).refresh(catalogue, tx, "csbench run "
                        + load.loadId(), scope) : new DetectJob(warehouse).run(catalogue, tx, "csbench run "
                        + load.loadId());
                progress.step(String.format("detect: %,d series charted and trend-tested, %,d signal rows, %,d "
                        + "cross-sections compared, %,d data-quality anomalies (%.1f s)",
                        detect.rows(FactSeriesSignal.TABLE.name()), detect.rows(FactSignal.TABLE.name()),
                        detect.rows(FactCrossSection.TABLE.name()), detect.rows(FactDataQuality.TABLE.name()),
                        (System.nanoTime() - t1) / 1e9));
            }
            return new Result(load, metrics, benchmark, detect);
        });
    }

    /**
     * Why this run must rebuild the indicators whole, or null when recomputing the periods it loaded gives the same
     * tables: the warehouse has values, the load wrote only observations (and their bronze, audit and quarantine
     * rows) while the population and regions derived from them are unchanged, and the catalogue is the one the
     * values were computed with.
     */
    private String fullRebuildReason(LoadJob.Result load, boolean catalogueChanged) {
        if (!warehouse.exists(FactIndicatorValue.TABLE.name())) {
            return "the warehouse has no indicator values yet";
        }
        if (rebuildWhole) {
            return "asked for (--full-rebuild)";
        }
        for (LoadJob.TableResult table : load.tables()) {
            String name = table.table();
            boolean derived = name.equals(ReferenceTables.POPULATION) || name.equals(ReferenceTables.REGION);
            if (derived && changedByThisRun(name)) {
                return name + " changed";
            }
            if (!derived && !name.equals(LoadJob.OBSERVATION) && !name.equals(ScorecardWideTransform.TABLE)
                    && !name.startsWith("bronze.") && !name.startsWith("audit.")) {
                return "the load wrote " + name;
            }
        }
        if (catalogueChanged) {
            return "the indicator catalogue changed";
        }
        return null;
    }

    /**
     * The reporting years of the scorecard extract rows this run wrote or replaced (a source's rows are replaced
     * whole when its file changes): their targets and comparators changed. Empty when the run wrote no extract.
     */
    private List<Integer> extractYears(LoadJob.Result load) {
        String table = ScorecardWideTransform.TABLE;
        if (load.tables().stream().noneMatch(t -> t.table().equals(table))) {
            return List.of();
        }
        Dataset<Row> now = warehouse.read(table);
        Object[] sources = now.filter(col(Columns.LOAD_ID).equalTo(load.loadId())).select(col(Columns.SOURCE_ID))
                .distinct().collectAsList().stream().map(r -> r.getString(0)).toArray();
        Dataset<Row> changed = now;
        long version = warehouse.version(table).orElse(0L);
        if (version > 0) {
            changed = changed.unionByName(warehouse.readVersion(table, version - 1));
        }
        return changed.filter(col(Columns.SOURCE_ID).isin(sources))
                .select(Dimensions.financialYearEnd(ScorecardWideTransform.reportMonthEnd(
                        col(ScorecardWideTransform.REPORT_MONTH))).as("year")).distinct()
                .collectAsList().stream().filter(r -> !r.isNullAt(0)).map(r -> r.getInt(0)).sorted().toList();
    }

    /** {@code table} (a small reference table the load overwrites whole) differs from its version before the run. */
    private boolean changedByThisRun(String table) {
        long version = warehouse.version(table).orElse(0L);
        if (version == 0) {
            return true;
        }
        Dataset<Row> now = warehouse.read(table);
        Dataset<Row> before = warehouse.readVersion(table, version - 1);
        return !now.exceptAll(before).isEmpty() || !before.exceptAll(now).isEmpty();
    }
}
