package org.csbench.delta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import org.csbench.contract.Star;
import org.csbench.model.Columns;
import org.csbench.model.Errors;

/**
 * The only place that reads and writes Delta tables. A table named {@code layer.name} (e.g.
 * {@code silver.observation}) lives in the folder {@code <warehouse>/layer/name}, so the warehouse is a plain
 * folder tree that any Delta reader (Spark, Power BI's Delta connector, DuckDB) can open.
 */
public final class Warehouse {
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");
    private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes {@link #inParallel} runs at once. */
    static final int PARALLEL_WRITES = 3;
    /**
     * The columns a new table keeps file statistics (min, max, null count) on, for data skipping: the ones tables
     * are read by (Delta keeps none on booleans). Delta's default, every one of the first 32 columns, updates each
     * column's statistics for every row written, about half the time of writing bronze and silver, and skips no
     * more files for these readers.
     */
    private static final List<String> STATS_COLUMNS = List.of(Columns.INDICATOR_ID, Columns.PERIOD_END,
            Columns.SOURCE_ID, Columns.LOAD_ID, Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY);
    private static final String STATS_OPTION = "delta.dataSkippingStatsColumns";

    private final SparkSession spark;
    private final String root;
    /** For a reader's view: each table's version as the last complete run left it; null for the live tables. */
    private final Map<String, Long> pinned;

    public Warehouse(SparkSession spark, String root) {
        this(spark, root, null);
    }

    private Warehouse(SparkSession spark, String root, Map<String, Long> pinned) {
        this.spark = spark;
        this.root = root;
        this.pinned = pinned == null ? null : Map.copyOf(pinned);
    }

    /**
     * The warehouse as readers see it: every table at the version the last complete run left it ({@link RunLog}),
     * through Delta time travel, so a run that is still writing, or was killed, is invisible. Before any run has
     * completed nothing is published; a warehouse written before runs were logged (no run log, no lock) is read as
     * it is.
     */
    public Warehouse published() {
        Optional<RunLog.Run> complete = RunLog.lastComplete(this);
        if (complete.isPresent()) {
            return new Warehouse(spark, root, complete.get().tableVersions());
        }
        return WarehouseLock.isHeld(root, hadoopConf()) ? new Warehouse(spark, root, Map.of()) : this;
    }

    /**
     * The warehouse as it was published by an earlier run ({@code --as-of}): every table at the version that run
     * recorded in {@link RunLog}; {@code runOrRelease} is a run id, or a release label for the last complete run
     * that loaded that release.
     */
    public Warehouse publishedAsOf(String runOrRelease) {
        RunLog.Run run = RunLog.asOf(this, runOrRelease).orElseThrow(() -> Errors.invalidArgument(String.format(
                "--as-of '%s': no run with that id and no complete run that loaded a release of that name in %s; "
                        + "run ids are in audit.run (csbench history audit.run), releases in audit.load_audit",
                runOrRelease, root)));
        return new Warehouse(spark, root, run.tableVersions());
    }

    /** Whether this is a reader's view pinned to a complete run ({@link #published}). */
    public boolean isPinned() {
        return pinned != null;
    }

    public SparkSession spark() {
        return spark;
    }

    public String root() {
        return root;
    }

    /** The folder that holds {@code table}. */
    public String location(String table) {
        return location(root, table);
    }

    /** The folder that holds {@code table} in the warehouse at {@code root}, before any Spark session exists. */
    public static String location(String root, String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw Errors.invalidArgument("Invalid table name: '" + table + "'; expected layer.name, e.g. silver.observation");
        }
        int dot = table.indexOf('.');
        return new Path(new Path(root, table.substring(0, dot)), table.substring(dot + 1)).toString();
    }

    public boolean exists(String table) {
        if (pinned != null && !table.equals(RunLog.TABLE)) {
            return pinned.containsKey(table);
        }
        return DeltaTable.isDeltaTable(spark, location(table));
    }

    /** The table's current snapshot (in a reader's view, the version the last complete run left). */
    public Dataset<Row> read(String table) {
        requireExists(table);
        if (pinned != null && pinned.containsKey(table)) {
            return readVersion(table, pinned.get(table));
        }
        return spark.read().format("delta").load(location(table));
    }

    /** The table as it was at {@code version} (time travel). */
    public Dataset<Row> readVersion(String table, long version) {
        requireExists(table);
        return spark.read().format("delta").option("versionAsOf", version).load(location(table));
    }

    /** Appends rows; new columns (a source file that gained a column) are added to the schema. */
    public void append(String table, Dataset<Row> rows, String commitNote) {
        requireWritable();
        writer(rows).mode(SaveMode.Append).option("mergeSchema", "true")
                .option("userMetadata", commitNote).save(location(table));
    }

    /** Replaces the whole table. */
    public void overwrite(String table, Dataset<Row> rows, String commitNote) {
        requireWritable();
        if (isNew(table)) {
            // Nothing to replace, yet Delta's overwrite lists the empty table's files with a query of its own (about
            // 5% of a warm sample run's driver time: it writes every table new).
            append(table, rows, commitNote);
            return;
        }
        writer(rows).mode(SaveMode.Overwrite).option("overwriteSchema", "true")
                .option("userMetadata", commitNote).save(location(table));
    }

    /** Replaces the rows matching {@code condition} (a SQL predicate on the table's columns) in one commit. */
    public void replaceWhere(String table, Dataset<Row> rows, String condition, String commitNote) {
        requireWritable();
        if (isNew(table)) {
            append(table, rows, commitNote);
            return;
        }
        writer(rows).mode(SaveMode.Overwrite).option("replaceWhere", condition)
                .option("mergeSchema", "true").option("userMetadata", commitNote).save(location(table));
    }

    /** Whether {@code table} has no commit yet: a write creates it. */
    private boolean isNew(String table) {
        return latestCommitFile(table).isEmpty();
    }

    /** A Delta writer; a table it creates keeps statistics on {@link #STATS_COLUMNS} only (existing ones keep theirs). */
    private static DataFrameWriter<Row> writer(Dataset<Row> rows) {
        List<String> columns = List.of(rows.columns());
        List<String> stats = STATS_COLUMNS.stream().filter(columns::contains).toList();
        DataFrameWriter<Row> writer = rows.write().format("delta");
        return stats.isEmpty() ? writer : writer.option(STATS_OPTION, String.join(",", stats));
    }

    /**
     * Sets {@code column} to {@code value} on the target rows that match a source row under {@code matchCondition}
     * (aliases {@code t} for the table, {@code s} for {@code source}), in one MERGE commit.
     */
    public void updateMatched(String table, Dataset<Row> source, Column matchCondition, Map<String, Column> set,
            String commitNote) {
        requireWritable();
        withCommitNote(commitNote, () -> DeltaTable.forPath(spark, location(table)).as("t")
                .merge(source.as("s"), matchCondition)
                .whenMatched().update(set)
                .execute());
    }

    /** The table's current version, or empty when it does not exist yet. */
    public Optional<Long> version(String table) {
        if (pinned != null && !table.equals(RunLog.TABLE)) {
            return Optional.ofNullable(pinned.get(table));
        }
        return latestCommitFile(table).map(file -> Long.parseLong(file.getName().substring(0, 20)));
    }

    /** The commit history, newest first: version, timestamp, operation, metrics, note. */
    public Dataset<Row> history(String table) {
        requireExists(table);
        return DeltaTable.forPath(spark, location(table)).history()
                .select("version", "timestamp", "operation", "operationParameters", "operationMetrics",
                        "userMetadata");
    }

    /**
     * The operation metrics of the latest commit (e.g. {@code numOutputRows}), read from its commit file in the
     * table's {@code _delta_log} (the Delta protocol's commitInfo action) rather than by a query of the history.
     */
    public Map<String, String> lastCommitMetrics(String table) {
        Path file = latestCommitFile(table).orElseThrow(() -> Errors.unknownTable(table, tables()));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                file.getFileSystem(hadoopConf()).open(file), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode commitInfo = JSON.readTree(line).get("commitInfo");
                if (commitInfo != null) {
                    Map<String, String> metrics = new HashMap<>();
                    commitInfo.path("operationMetrics").fields()
                            .forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asText()));
                    return metrics;
                }
            }
            return Collections.emptyMap();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rows the latest commit wrote ({@code numOutputRows} of {@link #lastCommitMetrics}; 0 when it names none). */
    public long lastCommitRows(String table) {
        return Long.parseLong(lastCommitMetrics(table).getOrDefault("numOutputRows", "0"));
    }

    /** The newest commit file ({@code _delta_log/NNNNNNNNNNNNNNNNNNNN.json}) of a table, if it has one. */
    private Optional<Path> latestCommitFile(String table) {
        Path log = new Path(location(table), "_delta_log");
        try {
            FileSystem fs = log.getFileSystem(hadoopConf());
            if (!fs.exists(log)) {
                return Optional.empty();
            }
            Path latest = null;
            for (FileStatus status : fs.listStatus(log, path -> COMMIT_FILE.matcher(path.getName()).matches())) {
                if (latest == null || status.getPath().getName().compareTo(latest.getName()) > 0) {
                    latest = status.getPath();
                }
            }
            return Optional.ofNullable(latest);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + log + ": " + e.getMessage(), e);
        }
    }

    private org.apache.hadoop.conf.Configuration hadoopConf() {
        return spark.sparkContext().hadoopConfiguration();
    }

    /** Brings a table back to an earlier version (a new commit with the old content). */
    public void restore(String table, long version) {
        requireWritable();
        DeltaTable.forPath(spark, location(table)).restoreToVersion(version);
    }

    /** Removes a table's folder; used only to undo a table created by a run that failed. */
    public void drop(String table) {
        requireWritable();
        try {
            Path path = new Path(location(table));
            path.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(path, true);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove " + location(table) + ": " + e.getMessage(), e);
        }
    }

    /** Every Delta table under the warehouse (in a reader's view, those of the last complete run), sorted. */
    public List<String> tables() {
        if (pinned != null) {
            List<String> tables = new ArrayList<>(pinned.keySet());
            if (DeltaTable.isDeltaTable(spark, location(RunLog.TABLE))) {
                tables.add(RunLog.TABLE);
            }
            Collections.sort(tables);
            return tables;
        }
        List<String> tables = new ArrayList<>();
        try {
            Path rootPath = new Path(root);
            FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(rootPath)) {
                return tables;
            }
            for (FileStatus layer : fs.listStatus(rootPath)) {
                if (!layer.isDirectory()) {
                    continue;
                }
                for (FileStatus table : fs.listStatus(layer.getPath())) {
                    if (table.isDirectory() && fs.exists(new Path(table.getPath(), "_delta_log"))) {
                        tables.add(layer.getPath().getName() + "." + table.getPath().getName());
                    }
                }
            }
        } catch (IOException e) {
            throw Errors.unreadableFile(root, e.getMessage());
        }
        Collections.sort(tables);
        return tables;
    }

    /**
     * Runs writes to different tables at the same time, at most {@link #PARALLEL_WRITES} at once, and returns when
     * all have finished; the first failure is thrown once the others have ended. Small tables spend most of their
     * time in per-commit and per-query work on the driver, which overlaps with another table's tasks.
     */
    public void inParallel(List<Runnable> writes) {
        if (writes.size() <= 1) {
            writes.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_WRITES, writes.size()));
        try {
            List<Future<?>> running = writes.stream().<Future<?>>map(pool::submit).toList();
            RuntimeException failure = null;
            for (Future<?> write : running) {
                try {
                    write.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while writing tables", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each table's current version, the run log excepted. */
    public Map<String, Long> versions() {
        Map<String, Long> versions = new java.util.TreeMap<>();
        for (String table : tables()) {
            if (!table.equals(RunLog.TABLE)) {
                version(table).ifPresent(v -> versions.put(table, v));
            }
        }
        return versions;
    }

    private void requireWritable() {
        if (pinned != null) {
            throw new IllegalStateException("A reader's view of " + root + " cannot be written");
        }
    }

    private void requireExists(String table) {
        if (!exists(table)) {
            throw Errors.unknownTable(table, tables());
        }
    }

    private void withCommitNote(String note, Runnable action) {
        withConf("spark.databricks.delta.commitInfo.userMetadata", note, action);
    }

    /** The bytes of data files in {@code table}'s current version (0 when it does not exist), from its Delta log. */
    public long sizeInBytes(String table) {
        if (!exists(table)) {
            return 0;
        }
        return DeltaTable.forPath(spark, location(table)).detail().select("sizeInBytes").first().getLong(0);
    }

    /** Runs {@code action} with a session setting changed, then puts the setting back as it was. */
    public void withConf(String key, String value, Runnable action) {
        withConf(Map.of(key, value), action);
    }

    /** Runs {@code action} with session settings changed, then puts each back as it was. */
    public void withConf(Map<String, String> settings, Runnable action) {
        Map<String, String> previous = new HashMap<>();
        settings.forEach((key, value) -> {
            previous.put(key, spark.conf().get(key, null));
            spark.conf().set(key, value);
        });
        try {
            action.run();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    spark.conf().unset(key);
                } else {
                    spark.conf().set(key, value);
                }
            });
        }
    }
}
