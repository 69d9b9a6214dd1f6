package org.csbench.delta;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session every job runs in: Delta enabled, sized for the machine it runs on. */
public final class SparkSessions {
    /** The master when neither the command line nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";
    /** Shuffle partitions when neither the command line nor spark-submit sets them. */
    public static final int DEFAULT_SHUFFLE_PARTITIONS = 8;

    /** A run over less input than this interprets expressions instead of compiling them: see {@link #forInput}. */
    public static final long SMALL_INPUT_BYTES = 64L << 20;
    /** The settings {@link #forInput} turns off for small inputs. */
    public static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
    public static final String CODEGEN_FACTORY_MODE = "spark.sql.codegen.factoryMode";
    public static final String STATS_SKIPPING = "spark.databricks.delta.stats.skipping";
    public static final String RUNTIME_BLOOM_FILTER = "spark.sql.optimizer.runtime.bloomFilter.enabled";
    public static final String ALL_FILES_IN_CRC = "spark.databricks.delta.allFilesInCrc.enabled";
    public static final String ADAPTIVE = "spark.sql.adaptive.enabled";
    /** The most shuffle partitions a small run uses: see {@link #forInput}. */
    public static final int SMALL_SHUFFLE_PARTITIONS = 2;

    /** Spark's memory page: see {@link #forJob(String, Integer, boolean)}. */
    public static final String PAGE_SIZE = "spark.buffer.pageSize";
    public static final String SMALL_PAGE_SIZE = "2m";

    static final String MASTER = "spark.master";
    public static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    static final String FILE_SYSTEM = "spark.hadoop.fs.file.impl";
    static final String FILE_CONTEXT = "spark.hadoop.fs.AbstractFileSystem.file.impl";

    private SparkSessions() {
    }

    /**
     * A session for the command line. An explicit {@code master} or {@code shufflePartitions} (null when not given)
     * wins, then what spark-submit set, then {@link #DEFAULT_MASTER} and {@link #DEFAULT_SHUFFLE_PARTITIONS}.
     */
    public static SparkSession forJob(String master, Integer shufflePartitions) {
        return forJob(master, shufflePartitions, false);
    }

    /**
     * As {@link #forJob(String, Integer)}; for a run over less than {@link #SMALL_INPUT_BYTES} ({@code smallInput}),
     * memory pages of {@link #SMALL_PAGE_SIZE}. Spark sizes its pages from the heap (32 MB with a 4 GB heap on two
     * cores) and every broadcast join's hash table takes a whole page however few rows it holds, until the query's
     * plan is collected: at the end of a sample run 16 tables of a few rows held 512 MB and forced full collections.
     * At England scale small pages made sorts and joins slower (223 s against 208-214 s), so large runs keep
     * Spark's size. A setting given to spark-submit wins.
     */
    public static SparkSession forJob(String master, Integer shufflePartitions, boolean smallInput) {
        SparkConf submitted = new SparkConf();
        String chosen = setting(master, submitted, MASTER, DEFAULT_MASTER);
        SparkSession.Builder builder = withDelta(SparkSession.builder().appName("csbench"));
        if (smallInput) {
            builder = withSmallPages(builder, submitted);
        }
        return (chosen.startsWith("local") ? withLocalFiles(builder) : builder)
                .master(chosen)
                .config(SHUFFLE_PARTITIONS, setting(shufflePartitions, submitted, SHUFFLE_PARTITIONS,
                        DEFAULT_SHUFFLE_PARTITIONS))
                .config("spark.ui.showConsoleProgress", "false")
                .getOrCreate();
    }

    /**
     * The command line's value if given, else the one spark-submit set ({@code submitted}: it hands its settings to
     * the driver as {@code spark.*} system properties, which {@code new SparkConf()} reads), else {@code fallback}.
     */
    static String setting(Object given, SparkConf submitted, String key, Object fallback) {
        return given != null ? given.toString() : submitted.get(key, fallback.toString());
    }

    /**
     * The session settings for a run over {@code inputBytes} of files and tables, in a session whose shuffle partition
     * count is {@code sessionPartitions}. Below {@link #SMALL_INPUT_BYTES}:
     * <ul>
     * <li>Spark interprets expressions instead of generating and compiling Java for every query: on small data the
     * compiling costs more than it saves (the sample run's CPU time falls by about a fifth).</li>
     * <li>Delta does not choose files by their statistics: every table is a file or two, and parsing each new table
     * version's statistics to skip none cost a warm sample run about 4 s.</li>
     * <li>The optimiser does not look for joins to give a runtime Bloom filter: it only adds one where a side scans
     * more than 10 GB, yet looking cost the sample run about 3 s of planning.</li>
     * <li>A commit does not write the table's file list into its checksum file: for a new table Delta starts the list
     * with a query of the empty table, about 9% of a warm sample run's driver time.</li>
     * <li>Adaptive execution is off, with at most {@link #SMALL_SHUFFLE_PARTITIONS} shuffle partitions: it
     * re-optimises the rest of a query after each stage, which on small data costs more planning than the sizes it
     * learns can save (a warm sample run took 35.5 s without it, 46.8 s with it, on average).</li>
     * </ul>
     * See src/PERFORMANCE.md. A setting given to spark-submit or as a {@code -Dspark...} property wins, but the
     * partition count is never raised. Results are the same either way ({@code InterpretedModeTest} and
     * {@code WarehouseTest} compare them).
     */
    public static Map<String, String> forInput(long inputBytes, int sessionPartitions) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (inputBytes < SMALL_INPUT_BYTES) {
            SparkConf submitted = new SparkConf();
            settings.put(WHOLE_STAGE_CODEGEN, submitted.get(WHOLE_STAGE_CODEGEN, "false"));
            settings.put(CODEGEN_FACTORY_MODE, submitted.get(CODEGEN_FACTORY_MODE, "NO_CODEGEN"));
            settings.put(STATS_SKIPPING, submitted.get(STATS_SKIPPING, "false"));
            settings.put(RUNTIME_BLOOM_FILTER, submitted.get(RUNTIME_BLOOM_FILTER, "false"));
            settings.put(ALL_FILES_IN_CRC, submitted.get(ALL_FILES_IN_CRC, "false"));
            settings.put(ADAPTIVE, submitted.get(ADAPTIVE, "false"));
            settings.put(SHUFFLE_PARTITIONS, String.valueOf(Math.min(sessionPartitions, SMALL_SHUFFLE_PARTITIONS)));
        }
        return settings;
    }

    /** The session's shuffle partition count, for repartitions whose count adaptive execution must keep. */
    public static int shufflePartitions(SparkSession spark) {
        return Integer.parseInt(spark.conf().get(SHUFFLE_PARTITIONS));
    }

    /** A small local session for tests: {@code local[2]}, UI off, 2 shuffle partitions, small pages, loopback only. */
    public static SparkSession forTests(String warehouseDir) {
        return withLocalFiles(withSmallPages(withDelta(SparkSession.builder().appName("csbench-tests")
                .master("local[2]")), new SparkConf()))
                .config("spark.ui.enabled", "false")
                .config(SHUFFLE_PARTITIONS, "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.warehouse.dir", warehouseDir)
                .getOrCreate();
    }

    /**
     * Local file access without Hadoop's shell commands ({@link LocalFiles}); local masters only, where driver and
     * executors share this JVM's class path. A setting given to spark-submit or as a property wins.
     */
    static SparkSession.Builder withLocalFiles(SparkSession.Builder builder) {
        SparkConf submitted = new SparkConf();
        return builder
                .config(FILE_SYSTEM, submitted.get(FILE_SYSTEM, LocalFiles.ChecksummedFileSystem.class.getName()))
                .config(FILE_CONTEXT, submitted.get(FILE_CONTEXT, LocalFiles.Fs.class.getName()));
    }

    private static SparkSession.Builder withSmallPages(SparkSession.Builder builder, SparkConf submitted) {
        return builder.config(PAGE_SIZE, submitted.get(PAGE_SIZE, SMALL_PAGE_SIZE));
    }

    private static SparkSession.Builder withDelta(SparkSession.Builder builder) {
        return builder
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.databricks.delta.snapshotPartitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.debug.maxToStringFields", "200")
                .config("spark.ui.enabled", "false");
    }
}
