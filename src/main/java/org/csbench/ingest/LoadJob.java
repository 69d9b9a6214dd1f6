package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.csbench.config.PipelineSpec;
import org.csbench.config.SourceFormat;
import org.csbench.config.SourceSpec;
import org.csbench.delta.Cached;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
import org.csbench.model.Columns;
import org.csbench.model.CsbenchException;
import org.csbench.model.Errors;

/**
 * Loads a pipeline's sources: files -> {@code bronze.<source>} (raw, with lineage) -> {@code silver.observation}
 * or a reference table, bad rows -> {@code audit.quarantine}, one {@code audit.load_audit} row per file.
 *
 * <p>Every file is read and checked before anything is written, so a file that cannot be read fails the run
 * with no table changed. The writes then run in one {@link WarehouseTransaction}. A file already loaded (same
 * source, same SHA-256) is skipped: loading it again changes nothing. A changed file is a new vintage: its
 * values are added and the previous vintage's values stay; which of them is current is decided by the releases'
 * own order and the sources' precedence ({@link Vintages}), not by the order files are loaded in.
 */
public final class LoadJob {
    public static final String OBSERVATION = "silver.observation";
    public static final String LOAD_AUDIT = org.csbench.delta.RunLog.LOAD_AUDIT;
    public static final String DELIMITER = ",";
    /** The load audit's outcome of a source that could not be loaded (with --keep-going). */
    public static final String FAILED = "failed";
    /** The audit's column naming the table a source's rows went to. */
    static final String TARGET_TABLE = "target_table";
    /** Files read and checked at once: two, for the two cores of the smallest machine csbench runs on. */
    private static final int STAGING_THREADS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(LoadJob.class);

    /** Told about each step as it happens, for progress lines. */
    public interface Progress {
        void step(String message);
    }

    /**
     * What happened to one source.
     *
     * @param sourceId        the source
     * @param file            its file
     * @param outcome         {@code loaded}; {@code unchanged} when this exact file was loaded before; {@code failed}
 *                        (only when keeping going) when it could not be loaded, {@code reason} saying why
     * @param rowsRead        data rows in the file (header excluded)
     * @param rowsLoaded      rows loaded
     * @param rowsQuarantined rows quarantined
     * @param rowsWritten     rows written to the source's target table (observations, neighbours...)
     * @param target          the target table
     * @param seconds         time taken
     * @param rowsIgnored     rows the source entry's {@code ignore} left out: rows read = loaded + ignored + quarantined
     * @param reason          why a {@code failed} source could not be loaded, else null
     */
    public record SourceResult(String sourceId, String file, String outcome, long rowsRead, long rowsLoaded,
            long rowsQuarantined, long rowsWritten, String target, double seconds, long rowsIgnored, String reason) {
        public SourceResult(String sourceId, String file, String outcome, long rowsRead, long rowsLoaded,
                long rowsQuarantined, long rowsWritten, String target, double seconds, long rowsIgnored) {
            this(sourceId, file, outcome, rowsRead, rowsLoaded, rowsQuarantined, rowsWritten, target, seconds,
                    rowsIgnored, null);
        }

        public boolean failed() {
            return FAILED.equals(outcome);
        }
    }

    /** A source that could not be loaded (when keeping going), and why; its file's fingerprint when it was read. */
    private record Failed(SourceSpec source, SourceFile file, String reason, double seconds) {
    }

    /**
     * One source's staging: staged, or skipped (loaded before), or failed with {@code error}; and the progress lines
     * it printed, shown in the spec's order.
     */
    private record Attempt(Staged staged, SourceResult skipped, Failed failed, RuntimeException error,
            List<String> messages) {
    }

    /**
     * What happened to one table.
     *
     * @param table       the table
     * @param rowsWritten rows added or replaced
     * @param version     its version after the run
     * @param seconds     time spent writing it
     */
    public record TableResult(String table, long rowsWritten, long version, double seconds) {
    }

    /**
     * A run's outcome.
     *
     * @param loadId  the run's id, stored with every row it wrote
     * @param sources per source
     * @param tables  per table written
     */
    public record Result(String loadId, List<SourceResult> sources, List<TableResult> tables) {
    }

    /** Rows for one table; a source's first target is its main one (its rows are the ones counted as written). */
    private record Target(String table, Dataset<Row> rows) {
    }

    /**
     * A source read and checked; {@code lines} are the rows bronze is written from (for a long extract, parsed), read
     * back from {@code persisted}: the caches to release when the load ends. {@code indicators}: for a long extract,
     * the indicators of its good rows (collected while counting them); null when not collected.
     */
    private record Staged(SourceSpec source, SourceFile file, Header header, Lineage lineage, Dataset<Row> lines,
            Dataset<Row> checked, List<Dataset<Row>> persisted, List<Target> targets, long rowsRead,
            long rowsQuarantined, long rowsIgnored, Set<String> indicators, double seconds) {
        String target() {
            return targets.get(0).table();
        }

        long rowsLoaded() {
            return rowsRead - rowsQuarantined - rowsIgnored;
        }
    }

    private final Warehouse warehouse;
    private final Progress progress;
    private final boolean keepGoing;
    /** How many files are read and checked at once. */
    private final int stagingThreads;
    private final Map<String, long[]> written = new LinkedHashMap<>();
    private final Map<String, Double> writeSeconds = new HashMap<>();
    /** Each source's precedence where two publish the same value ({@link Vintages}). */
    private final Map<String, Integer> precedence = new HashMap<>();

    public LoadJob(Warehouse warehouse, Progress progress) {
        this(warehouse, progress, false, STAGING_THREADS);
    }

    private LoadJob(Warehouse warehouse, Progress progress, boolean keepGoing, int stagingThreads) {
        this.warehouse = warehouse;
        this.progress = progress;
        this.keepGoing = keepGoing;
        this.stagingThreads = stagingThreads;
    }

    /**
     * The same job, but a source that cannot be loaded (missing, unreadable, failing its checks) does not stop the
     * others: it is reported with outcome {@code failed} and its reason, recorded so in the load audit, and tried
     * again by the next run. Without it a run is all or nothing: the first such source fails the run, nothing written.
     */
    public LoadJob keepingGoing() {
        return new LoadJob(warehouse, progress, true, stagingThreads);
    }

    /** The same job reading and checking one file at a time (the plain version of the default's two at once). */
    public LoadJob oneFileAtATime() {
        return new LoadJob(warehouse, progress, keepGoing, 1);
    }

    /** Loads every source of {@code spec} in a transaction of its own. */
    public Result run(PipelineSpec spec) {
        return WarehouseTransaction.run(warehouse, tx -> run(spec, tx));
    }

    /** Loads every source of {@code spec}, its writes part of {@code tx}; the caller rolls back on failure. */
    public Result run(PipelineSpec spec, WarehouseTransaction tx) {
        SparkSession spark = warehouse.spark();
        Instant started = Instant.now();
        String loadId = tx.runId();
        Timestamp ingestedAt = Timestamp.from(started);
        Map<String, Map<String, String>> loaded = previousLoads();
        spec.sources().forEach(source -> precedence.put(source.id(), source.publication().precedence()));
        KnownAuthorities authorities = KnownAuthorities.forSpec(spec.specFile());

        List<Staged> staged = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        List<SourceResult> results = new ArrayList<>();
        Map<String, List<String>> missing = missingFiles(spec);
        if (!missing.isEmpty() && !keepGoing) {
            throw Errors.missingFiles(spec.specFile(), missing);
        }
        // Files are read and checked two at a time: a small file's staging is mostly the driver planning its checks,
        // which overlaps with the other file's (LoadJobPublishedDataTest compares it with one at a time).
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1,
                Math.min(stagingThreads, spec.sources().size())));
        List<Future<Attempt>> attempts = new ArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();
        try {
            int n = 0;
            for (SourceSpec source : spec.sources()) {
                int position = ++n;
                attempts.add(pool.submit(() -> stopping.get() ? null : attempt(spark, spec, source, missing, loaded,
                        authorities, loadId, ingestedAt, position)));
            }
            RuntimeException stop = null;
            for (Future<Attempt> next : attempts) {
                // Once stopping, a file not yet started is not read (null) and one being read is waited for.
                Attempt a = await(next);
                if (a == null) {
                    continue;
                }
                if (stop == null) {
                    a.messages().forEach(progress::step);
                }
                if (a.staged() != null) {
                    staged.add(a.staged());
                } else if (a.skipped() != null) {
                    results.add(a.skipped());
                } else if (a.failed() != null && stop == null) {
                    if (keepGoing) {
                        failed.add(a.failed());
                    } else {
                        stop = a.error();
                        stopping.set(true);
                    }
                }
            }
            if (stop != null) {
                throw stop;
            }
            if (!staged.isEmpty() || !failed.isEmpty()) {
                write(tx, staged, failed, loadId, ingestedAt, results);
            }
        } finally {
            pool.shutdownNow();
            for (Staged s : staged) {
                s.persisted().forEach(Dataset::unpersist);
            }
        }
        List<TableResult> tables = new ArrayList<>();
        written.forEach((table, rows) -> tables.add(new TableResult(table, rows[0],
                warehouse.version(table).orElse(-1L), writeSeconds.getOrDefault(table, 0.0))));
        return new Result(loadId, results, tables);
    }

    /**
     * Stages one source (the {@code position}th of the spec's): its result, the progress lines it printed, and, when
     * it could not be loaded, why. Never throws: the caller decides whether a failure stops the run.
     */
    private Attempt attempt(SparkSession spark, PipelineSpec spec, SourceSpec source,
            Map<String, List<String>> missing, Map<String, Map<String, String>> loaded, KnownAuthorities authorities,
            String loadId, Timestamp ingestedAt, int position) {
        long t0 = System.nanoTime();
        List<String> messages = new ArrayList<>();
        SourceFile file = null;
        try {
            if (missing.containsKey(source.id())) {
                throw Errors.missingFiles(spec.specFile(), Map.of(source.id(), missing.get(source.id())));
            }
            file = SourceFile.inspect(source.path(), spark.sparkContext().hadoopConfiguration());
            List<SourceResult> skipped = new ArrayList<>();
            Staged s = stageUnlessLoaded(spark, source, file, loaded, authorities, loadId, ingestedAt, t0, position,
                    spec.sources().size(), skipped, messages::add);
            return new Attempt(s, skipped.isEmpty() ? null : skipped.get(0), null, null, messages);
        } catch (RuntimeException e) { // with --keep-going, any failure of one source: Spark's too
            String reason = e instanceof CsbenchException ? e.getMessage() : String.valueOf(rootCause(e));
            if (keepGoing) {
                LOG.debug("source {} failed, the others go on", source.id(), e);
                messages.add(String.format("[%d/%d] %s: FAILED, not loaded (--keep-going): %s", position,
                        spec.sources().size(), source.id(), reason));
            }
            return new Attempt(null, null, new Failed(source, file, reason, (System.nanoTime() - t0) / 1e9), e,
                    messages);
        }
    }

    private static Attempt await(Future<Attempt> attempt) {
        try {
            return attempt.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the sources", e);
        }
    }

    /**
     * Per source whose file is not there, every place it was looked for; the files of every source are checked
     * before any is read, so one error names them all.
     */
    private Map<String, List<String>> missingFiles(PipelineSpec spec) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (SourceSpec source : spec.sources()) {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(source.path());
            boolean found;
            try {
                found = path.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration()).isFile(path);
            } catch (java.io.IOException e) {
                found = false;
            }
            if (!found) {
                missing.put(source.id(), spec.placesOf(source));
            }
        }
        return missing;
    }

    /** Stages {@code source} from {@code file}, or returns null (with its result added) when it was loaded before. */
    private Staged stageUnlessLoaded(SparkSession spark, SourceSpec source, SourceFile file,
            Map<String, Map<String, String>> loaded, KnownAuthorities authorities, String loadId, Timestamp ingestedAt,
            long t0, int n, int of, List<SourceResult> results, Progress progress) {
        Map<String, String> vintages = loaded.getOrDefault(source.id(), Map.of());
        if (vintages.containsKey(file.sha256())) {
            progress.step(String.format("[%d/%d] %s: unchanged since it was loaded (vintage %s), skipped",
                    n, of, source.id(), vintages.get(file.sha256())));
            results.add(new SourceResult(source.id(), file.path(), "unchanged", 0, 0, 0, 0, target(source), 0, 0));
            return null;
        }
        String vintage = source.release() != null ? source.release() : file.sha256().substring(0, 12);
        vintages.forEach((sha, v) -> {
            if (v.equals(vintage)) {
                throw Errors.vintageClash(source.id(), vintage, sha, file.sha256());
            }
        });
        Lineage lineage = new Lineage(source.id(), file.path(), file.sha256(), loadId, ingestedAt, vintage);
        Staged s = stage(spark, source, file, lineage, authorities, t0, progress);
        progress.step(String.format("[%d/%d] %s: %,d rows read, %,d loaded, %,d quarantined%s (%.1f s)", n,
                of, source.id(), s.rowsRead(), s.rowsLoaded(), s.rowsQuarantined(),
                s.rowsIgnored() > 0 ? String.format(", %,d ignored", s.rowsIgnored()) : "", s.seconds()));
        return s;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private Staged stage(SparkSession spark, SourceSpec source, SourceFile file, Lineage lineage,
            KnownAuthorities authorities, long t0, Progress progress) {
        String delimiter = source.delimiter();
        Header header = new Header(file.path(), CsvLines.parseHeader(file.headerLine(), delimiter));
        Dataset<Row> lines;
        Dataset<Row> checked;
        // From the checked rows and, for a long extract, its refs' indicators (ScorecardLongTransform.byRef).
        BiFunction<Dataset<Row>, Dataset<Row>, List<Target>> targets;
        switch (source.format()) {
            case EES -> {
                EesLayout layout = EesLayout.resolve(header, source);
                Set<Integer> used = new HashSet<>(layout.standard().values());
                used.addAll(layout.dimensions().values());
                layout.measures().forEach(m -> used.add(m.index()));
                warnUnusedDuplicates(progress, source, header, used);
                lines = read(spark, file, header, delimiter);
                checked = EesTransform.check(lines, layout, authorities);
                targets = (c, refs) -> List.of(new Target(OBSERVATION, observations(EesTransform.observations(c, layout,
                        source), lineage, source)));
            }
            case SN_WIDE -> {
                NeighbourTransform.Layout layout = NeighbourTransform.Layout.resolve(header, source.neighbours());
                Set<Integer> used = new HashSet<>(List.of(layout.laCode(), layout.laName()));
                layout.slots().forEach(slot -> used.addAll(List.of(slot.code(), slot.closeness())));
                warnUnusedDuplicates(progress, source, header, used);
                lines = read(spark, file, header, delimiter);
                checked = NeighbourTransform.check(lines, layout);
                targets = (c, refs) -> List.of(new Target(NeighbourTransform.TABLE, withVintage(
                        NeighbourTransform.neighbours(c, source.neighbours()), lineage)));
            }
            case TABLE -> {
                List<Integer> positions = TableTransform.resolve(header, source.columns());
                warnUnusedDuplicates(progress, source, header, new HashSet<>(positions));
                lines = read(spark, file, header, delimiter);
                checked = TableTransform.check(lines, header, source.columns(), positions);
                targets = (c, refs) -> List.of(new Target(source.target(), withVintage(TableTransform.rows(c,
                        source.columns()), lineage)));
            }
            case SCORECARD_LONG -> {
                Map<String, Integer> positions = ScorecardLongTransform.resolve(header);
                warnUnusedDuplicates(progress, source, header, new HashSet<>(positions.values()));
                // A long extract has millions of rows: they are parsed once and kept in memory with their raw
                // fields (bronze is written from them), and the checks read them from there.
                lines = ScorecardLongTransform.parse(CsvLines.read(spark, file, header.size(), delimiter), header,
                        positions, source, authorities).persist(StorageLevel.MEMORY_AND_DISK_SER());
                checked = ScorecardLongTransform.check(lines, header, positions, delimiter);
                targets = (c, refs) -> List.of(new Target(OBSERVATION, observations(
                        ScorecardLongTransform.observations(c, refs, source), lineage, source)));
            }
            case SCORECARD_WIDE -> {
                ScorecardWideLayout layout = ScorecardWideLayout.resolve(header, source.scorecard());
                Set<Integer> used = new HashSet<>(List.of(layout.ref(), layout.indicator(), layout.current(),
                        layout.previousYear(), layout.target(), layout.performance(), layout.direction()));
                layout.months().forEach(m -> used.add(m.index()));
                layout.comparators().forEach(c -> used.add(c.index()));
                for (int p = layout.tailStart(); p < header.size(); p++) {
                    used.add(p);
                }
                warnUnusedDuplicates(progress, source, header, used);
                lines = read(spark, file, header, delimiter);
                checked = ScorecardWideTransform.check(lines, layout, source);
                targets = (c, refs) -> List.of(new Target(OBSERVATION, observations(
                                ScorecardWideTransform.observations(c, layout, source), lineage, source)),
                        new Target(ScorecardWideTransform.TABLE, withVintage(
                                ScorecardWideTransform.indicators(c, layout, source), lineage)));
            }
            default -> throw new IllegalStateException(source.format().name());
        }
        try {
            // A long extract's checked rows are not cached (millions of rows): its checks read the cached parsed lines.
            boolean cacheChecked = source.format() != SourceFormat.SCORECARD_LONG;
            if (cacheChecked) {
                checked.persist(StorageLevel.MEMORY_AND_DISK_SER());
            }
            Column ignored = List.of(checked.columns()).contains(EesTransform.IGNORED) ? col(EesTransform.IGNORED)
                    : lit(false);
            // A long extract's refs are collected as its rows are counted: no further pass finds its indicators.
            boolean isLong = source.format() == SourceFormat.SCORECARD_LONG;
            Column goodRef = isLong ? ScorecardLongTransform.goodRef() : lit(null).cast(DataTypes.StringType);
            Row counts = checked.agg(count(lit(1)), sum(when(size(col(RowErrors.ERRORS)).gt(0), 1).otherwise(0)),
                    sum(when(ignored, 1).otherwise(0)), collect_set(goodRef)).first();
            long read = counts.getLong(0);
            long quarantined = counts.isNullAt(1) ? 0 : counts.getLong(1);
            long ignoredRows = counts.isNullAt(2) ? 0 : counts.getLong(2);
            Dataset<Row> byRef = isLong ? ScorecardLongTransform.byRef(spark, counts.getList(3), source) : null;
            Set<String> indicators = isLong ? ScorecardLongTransform.indicators(byRef) : null;
            if (read != file.lines() - 1) {
                throw new IllegalStateException(String.format(
                        "%s: %d data lines counted while inspecting, %d read by Spark", file.path(), file.lines() - 1,
                        read));
            }
            // The counts filled the caches: what follows reads them as one-node plans, not the checks' chains (Cached).
            Dataset<Row> checkedRead = Cached.leaf(checked); // a long extract's (not cached) keeps its plan
            return new Staged(source, file, header, lineage, Cached.leaf(lines), checkedRead,
                    cacheChecked ? List.of(lines, checked) : List.of(lines), targets.apply(checkedRead, byRef), read,
                    quarantined, ignoredRows, indicators, (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) { // a file failing its read or checks: what was cached for it is released
            lines.unpersist();
            checked.unpersist();
            throw e;
        }
    }

    /** A name the header repeats where no copy is read: the load goes on, with a warning in the progress output. */
    private static void warnUnusedDuplicates(Progress progress, SourceSpec source, Header header, Set<Integer> used) {
        List<String> duplicates = header.unusedDuplicates(used);
        if (!duplicates.isEmpty()) {
            progress.step(String.format("warning: %s: %s: line 1 (header) repeats %s; no copy is read", source.id(),
                    header.file(), String.join("; ", duplicates)));
        }
    }

    private static Dataset<Row> read(SparkSession spark, SourceFile file, Header header, String delimiter) {
        return CsvLines.read(spark, file, header.size(), delimiter).persist(StorageLevel.MEMORY_AND_DISK_SER());
    }

    /**
     * Observations with their vintage and release order ({@link Vintages}), and whether the source's rounding is
     * known; only the years the source supplies ({@code years:}). Whether they are current is decided when written.
     */
    private static Dataset<Row> observations(Dataset<Row> rows, Lineage lineage, SourceSpec source) {
        Dataset<Row> supplied = source.publication().yearSet().isEmpty() ? rows
                : rows.filter(col(Columns.YEAR).isin(source.publication().yearSet().toArray()));
        return lineage.addTo(supplied.withColumn(Columns.VINTAGE, lit(lineage.vintage()))
                .withColumn(Columns.IS_CURRENT, lit(true))
                .withColumn(Vintages.RELEASE_ORDER, lit(source.releaseOrder()).cast(DataTypes.StringType))
                .withColumn(Vintages.ROUNDING_KNOWN, lit(!source.publication().roundingUnknown())), CsvLines.LINE);
    }

    private static Dataset<Row> withVintage(Dataset<Row> rows, Lineage lineage) {
        return lineage.addTo(rows.withColumn(Columns.VINTAGE, lit(lineage.vintage())), CsvLines.LINE);
    }

    private void write(WarehouseTransaction tx, List<Staged> staged, List<Failed> failed, String loadId,
            Timestamp ingestedAt, List<SourceResult> results) {
        String note = "csbench load " + loadId;
        long t0 = System.nanoTime();
        // The target tables, the quarantine and bronze are different tables, written at the same time (the
        // observations, the longest write, first).
        Map<String, List<Staged>> byTarget = new LinkedHashMap<>();
        Map<String, List<Dataset<Row>>> rowsByTarget = new LinkedHashMap<>();
        for (Staged s : staged) {
            for (Target target : s.targets()) {
                byTarget.computeIfAbsent(target.table(), t -> new ArrayList<>()).add(s);
                rowsByTarget.computeIfAbsent(target.table(), t -> new ArrayList<>()).add(target.rows());
            }
        }
        List<Runnable> writes = new ArrayList<>();
        for (Map.Entry<String, List<Staged>> entry : byTarget.entrySet()) {
            writes.add(() -> writeTarget(tx, entry.getKey(), entry.getValue(), unionAll(rowsByTarget.get(
                    entry.getKey())), note));
        }
        List<Dataset<Row>> quarantined = staged.stream().filter(s -> s.rowsQuarantined() > 0)
                .map(s -> Quarantine.from(s.checked(), s.lineage())).toList();
        if (!quarantined.isEmpty()) {
            writes.add(() -> append(tx, Quarantine.TABLE, unionAll(quarantined), note));
        }
        staged.forEach(s -> writes.add(() -> append(tx, s.source().bronzeTable(), Bronze.from(s.lines(), s.header(),
                s.lineage()), note)));
        tx.inParallel(writes);
        // Rows written per source, counted from what the tables now hold for this load (two columns of each table
        // read, in one query).
        Map<String, Long> rowsBySource = new HashMap<>();
        if (!byTarget.isEmpty()) {
            Dataset<Row> loaded = unionAll(byTarget.keySet().stream().map(table -> warehouse.read(table)
                    .filter(col(Columns.LOAD_ID).equalTo(loadId))
                    .select(lit(table).as(TARGET_TABLE), col(Columns.SOURCE_ID))).toList());
            for (Row count : loaded.groupBy(TARGET_TABLE, Columns.SOURCE_ID).count().collectAsList()) {
                String table = count.getAs(TARGET_TABLE);
                String sourceId = count.getAs(Columns.SOURCE_ID);
                if (staged.stream().anyMatch(s -> s.source().id().equals(sourceId) && s.target().equals(table))) {
                    rowsBySource.put(sourceId, count.getAs("count"));
                }
            }
        }
        if (byTarget.containsKey(OBSERVATION)) {
            overwrite(tx, ReferenceTables.POPULATION, ReferenceTables.population(warehouse.read(OBSERVATION)), note);
            overwrite(tx, ReferenceTables.REGION, ReferenceTables.regions(warehouse.read(ReferenceTables.POPULATION)), note);
        }
        double writeSeconds = (System.nanoTime() - t0) / 1e9 / staged.size();
        List<Row> audit = new ArrayList<>();
        for (Staged s : staged) {
            long rowsWritten = rowsBySource.getOrDefault(s.source().id(), 0L);
            double seconds = s.seconds() + writeSeconds;
            results.add(new SourceResult(s.source().id(), s.file().path(), "loaded", s.rowsRead(),
                    s.rowsLoaded(), s.rowsQuarantined(), rowsWritten, s.target(), seconds, s.rowsIgnored()));
            audit.add(RowFactory.create(loadId, s.source().id(), s.source().format().name().toLowerCase(),
                    s.file().path(), s.file().sha256(), s.file().bytes(), s.file().bom(), s.lineage().vintage(),
                    "loaded", s.rowsRead(), s.rowsLoaded(), s.rowsQuarantined(), rowsWritten,
                    s.target(), String.join("|", s.header().names()), s.lineage().ingestedAt(), seconds,
                    s.rowsIgnored(), null));
        }
        for (Failed f : failed) {
            SourceFile file = f.file();
            results.add(new SourceResult(f.source().id(), f.source().path(), FAILED, 0, 0, 0, 0, target(f.source()),
                    f.seconds(), 0, f.reason()));
            audit.add(RowFactory.create(loadId, f.source().id(), f.source().format().name().toLowerCase(),
                    f.source().path(), file == null ? "" : file.sha256(), file == null ? 0L : file.bytes(),
                    file != null && file.bom(), f.source().release() == null ? "" : f.source().release(), FAILED,
                    0L, 0L, 0L, 0L, target(f.source()), "", ingestedAt, f.seconds(), 0L, f.reason()));
        }
        append(tx, LOAD_AUDIT, warehouse.spark().createDataFrame(audit, AUDIT_SCHEMA), note);
    }

    private void writeTarget(WarehouseTransaction tx, String table, List<Staged> sources, Dataset<Row> rows,
            String note) {
        if (table.equals(OBSERVATION)) {
            // Which row of a key is current is decided by precedence and release order, not load order: an older
            // release loaded after a newer one is kept as a vintage, not current.
            tx.touch(table);
            Dataset<Row> decided = Vintages.decideAmongLoaded(rows, precedence, sharedIndicators(table, sources));
            if (warehouse.exists(table)) {
                Vintages.LoadedPeriods periods = Vintages.LoadedPeriods.of(decided);
                decided = Vintages.decideAgainstTable(decided, warehouse.readVersion(table,
                        warehouse.version(table).orElseThrow()).filter(periods.near("")), precedence);
                warehouse.updateMatched(table, Vintages.replacements(decided),
                        Vintages.replacedBy().and(periods.near("t")),
                        Map.of(Columns.IS_CURRENT, lit(false)), note);
            }
            append(tx, table, decided, note);
        } else if (table.equals(NeighbourTransform.TABLE)) {
            replace(tx, table, rows, inList(NeighbourTransform.MODEL,
                    sources.stream().map(s -> s.source().neighbours().model()).toList()), note);
        } else {
            replace(tx, table, rows, inList(Columns.SOURCE_ID, sources.stream().map(s -> s.source().id()).toList()), note);
        }
    }

    /**
     * The indicators that more than one of {@code sources} writes to {@code table}: a long extract's from its staging
     * ({@link Staged#indicators}, which may name more than it writes: any rows outside the source's years), the
     * others' from one aggregate over their rows. One source shares nothing and runs no query.
     */
    private static List<String> sharedIndicators(String table, List<Staged> sources) {
        if (sources.size() < 2) {
            return List.of();
        }
        List<Set<String>> sets = new ArrayList<>();
        List<Dataset<Row>> unknown = new ArrayList<>();
        for (Staged s : sources) {
            if (s.indicators() != null) {
                sets.add(s.indicators());
            } else {
                s.targets().stream().filter(t -> t.table().equals(table)).forEach(t -> unknown.add(t.rows()));
            }
        }
        if (!unknown.isEmpty()) {
            sets.addAll(Vintages.indicatorsBySource(unionAll(unknown)));
        }
        return Vintages.shared(sets);
    }

    /** A SQL predicate {@code column IN ('a', 'b')} with the values quoted. */
    private static String inList(String column, List<String> values) {
        return column + " IN (" + String.join(", ",
                values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList()) + ")";
    }

    private static Dataset<Row> unionAll(List<Dataset<Row>> parts) {
        Dataset<Row> all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.unionByName(parts.get(i), true);
        }
        return all;
    }

    private long append(WarehouseTransaction tx, String table, Dataset<Row> rows, String note) {
        long t0 = System.nanoTime();
        tx.touch(table);
        warehouse.append(table, rows, note);
        return recordWrite(table, t0);
    }

    private long replace(WarehouseTransaction tx, String table, Dataset<Row> rows, String condition, String note) {
        long t0 = System.nanoTime();
        tx.touch(table);
        warehouse.replaceWhere(table, rows, condition, note);
        return recordWrite(table, t0);
    }

    private long overwrite(WarehouseTransaction tx, String table, Dataset<Row> rows, String note) {
        long t0 = System.nanoTime();
        tx.touch(table);
        warehouse.overwrite(table, rows, note);
        return recordWrite(table, t0);
    }

    private synchronized long recordWrite(String table, long t0) {
        long rows = warehouse.lastCommitRows(table);
        written.computeIfAbsent(table, t -> new long[1])[0] += rows;
        writeSeconds.merge(table, (System.nanoTime() - t0) / 1e9, Double::sum);
        return rows;
    }

    /** Source id -> (file SHA-256 -> vintage) of every file loaded before. */
    private Map<String, Map<String, String>> previousLoads() {
        Map<String, Map<String, String>> loaded = new HashMap<>();
        if (!warehouse.exists(LOAD_AUDIT)) {
            return loaded;
        }
        // A failed source (--keep-going) is not loaded: the next run tries it again.
        for (Row row : warehouse.read(LOAD_AUDIT).filter(col("outcome").notEqual(lit(FAILED)))
                .select(Columns.SOURCE_ID, "source_sha256", Columns.VINTAGE).distinct().collectAsList()) {
            loaded.computeIfAbsent(row.getString(0), k -> new HashMap<>()).put(row.getString(1), row.getString(2));
        }
        return loaded;
    }

    private static String target(SourceSpec source) {
        return switch (source.format()) {
            case EES, SCORECARD_LONG, SCORECARD_WIDE -> OBSERVATION;
            case SN_WIDE -> NeighbourTransform.TABLE;
            case TABLE -> source.target();
        };
    }

    /** The schema of {@code audit.load_audit}. */
    public static final StructType AUDIT_SCHEMA = new StructType()
            .add(Columns.LOAD_ID.substring(1), DataTypes.StringType, false)
            .add(Columns.SOURCE_ID, DataTypes.StringType, false)
            .add("format", DataTypes.StringType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("source_sha256", DataTypes.StringType, false)
            .add("bytes", DataTypes.LongType, false)
            .add("byte_order_mark", DataTypes.BooleanType, false)
            .add(Columns.VINTAGE, DataTypes.StringType, false)
            .add("outcome", DataTypes.StringType, false)
            .add("rows_read", DataTypes.LongType, false)
            .add("rows_loaded", DataTypes.LongType, false)
            .add("rows_quarantined", DataTypes.LongType, false)
            .add("rows_written", DataTypes.LongType, false)
            .add(TARGET_TABLE, DataTypes.StringType, false)
            .add("header", DataTypes.StringType, false)
            .add("loaded_at", DataTypes.TimestampType, false)
            .add("seconds", DataTypes.DoubleType, false)
            // Added after the first release (older rows read null); rows_read = loaded + ignored + quarantined.
            .add("rows_ignored", DataTypes.LongType, true)
            // Why a source failed (outcome failed, with --keep-going); null for a loaded one.
            .add("reason", DataTypes.StringType, true);

}
