package org.csbench.cli;

import org.apache.spark.sql.SparkSession;

import org.csbench.delta.SparkSessions;
import org.csbench.delta.Warehouse;
import org.csbench.model.Errors;

/** Opens the Spark session and warehouse for a command, from the global options. */
final class Session {
    private Session() {
    }

    static Warehouse open(Csbench options) {
        return open(options, options.warehouse);
    }

    /** A session on a warehouse other than the one the options name. */
    static Warehouse open(Csbench options, String warehouse) {
        if (options.shufflePartitions != null && options.shufflePartitions < 1) {
            throw Errors.invalidArgument("--shuffle-partitions must be at least 1, not " + options.shufflePartitions);
        }
        SparkSession spark = SparkSessions.forJob(options.master, options.shufflePartitions);
        spark.sparkContext().setLogLevel("WARN");
        return new Warehouse(spark, warehouse);
    }
}
