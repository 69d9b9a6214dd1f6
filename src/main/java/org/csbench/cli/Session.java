package org.csbench.cli;

import java.util.regex.Pattern;

import org.apache.spark.sql.SparkSession;

import org.csbench.delta.SparkSessions;
import org.csbench.delta.Warehouse;
import org.csbench.model.Errors;

/** Opens the Spark session and warehouse for a command, from the global options. */
final class Session {
    /** The master URLs Spark accepts (SparkContext.createTaskScheduler). */
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[\\s*(\\d+|\\*)\\s*(,\\s*\\d+\\s*)?])?|local-cluster\\[.+]|spark://.+|yarn|k8s://.+");

    private Session() {
    }

    static Warehouse open(Csbench options) {
        return open(options, options.warehouse);
    }

    /** A session on a warehouse other than the one the options name. */
    static Warehouse open(Csbench options, String warehouse) {
        return open(options, warehouse, false);
    }

    /** A session for a run over little input ({@link SparkSessions#forJob(String, Integer, boolean)}). */
    static Warehouse open(Csbench options, String warehouse, boolean smallInput) {
        if (options.master != null && !MASTER.matcher(options.master.trim()).matches()) {
            throw Errors.invalidArgument("--master '" + options.master + "' is not a Spark master URL; use local[N], "
                    + "local[*], spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
        }
        if (options.shufflePartitions != null && options.shufflePartitions < 1) {
            throw Errors.invalidArgument("--shuffle-partitions must be at least 1, not " + options.shufflePartitions);
        }
        SparkSession spark = SparkSessions.forJob(options.master, options.shufflePartitions, smallInput);
        spark.sparkContext().setLogLevel("WARN");
        return new Warehouse(spark, warehouse);
    }
}
