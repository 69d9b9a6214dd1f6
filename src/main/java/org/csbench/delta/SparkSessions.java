package org.csbench.delta;

import org.apache.spark.sql.SparkSession;

/** Builds the Spark session every job runs in: Delta enabled, sized for the machine it runs on. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * A session for the command line. {@code master} is {@code local[*]} on a laptop or a cluster URL; when
     * spark-submit already set a master, that one is kept.
     */
    public static SparkSession forJob(String master, int shufflePartitions) {
        SparkSession.Builder builder = withDelta(SparkSession.builder().appName("csbench"))
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
                .config("spark.ui.showConsoleProgress", "false");
        if (master != null && !master.isBlank()) {
            builder = builder.master(master);
        }
        return builder.getOrCreate();
    }

    /** The session's shuffle partition count, for repartitions whose count adaptive execution must keep. */
    public static int shufflePartitions(SparkSession spark) {
        return Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    }

    /** A small local session for tests: {@code local[2]}, UI off, 2 shuffle partitions, loopback only. */
    public static SparkSession forTests(String warehouseDir) {
        return withDelta(SparkSession.builder().appName("csbench-tests").master("local[2]"))
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.warehouse.dir", warehouseDir)
                .getOrCreate();
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
