package org.csbench.cli;

import org.apache.spark.sql.SparkSession;

import org.csbench.delta.SparkSessions;
import org.csbench.delta.Warehouse;

/** Opens the Spark session and warehouse for a command, from the global options. */
final class Session {
    private Session() {
    }

    static Warehouse open(Csbench options) {
        return open(options, options.warehouse);
    }

    /** A session on a warehouse other than the one the options name. */
    static Warehouse open(Csbench options, String warehouse) {
        SparkSession spark = SparkSessions.forJob(options.master, options.shufflePartitions);
        spark.sparkContext().setLogLevel("WARN");
        return new Warehouse(spark, warehouse);
    }
}
