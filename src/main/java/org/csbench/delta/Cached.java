package org.csbench.delta;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD$;

/**
 * A persisted dataset read back from its cache as a plan of one node.
 *
 * <p>A dataset built on a persisted one still carries the persisted one's whole plan: Spark swaps in the cached rows
 * only when it runs a query, after analysing the full tree. The load step stages a dozen files through long chains
 * of checks, then unions, ranks and writes what they give; each of those queries analysed every file's chain again
 * (on the bundled samples the load step's analysis was 296 of the driver thread's 1,035 profile samples; 131 with
 * this). Read back with {@link #leaf}, later queries analyse one node per file instead. The rows are the same
 * ({@code CachedTest}); the cache keeps its lineage, so a lost block is recomputed from the files on a cluster as it
 * would be without this.
 */
public final class Cached {
    private Cached() {
    }

    /**
     * The rows of {@code persisted} as a dataset whose plan is one node over the rows its cache gives (as
     * {@code checkpoint} makes, without writing them anywhere), or {@code persisted} itself when it is not cached. Keep
     * {@code persisted} to unpersist it: the returned dataset does not name the cache entry.
     */
    public static Dataset<Row> leaf(Dataset<Row> persisted) {
        org.apache.spark.sql.classic.Dataset<Row> dataset = (org.apache.spark.sql.classic.Dataset<Row>) persisted;
        org.apache.spark.sql.classic.SparkSession spark = dataset.sparkSession();
        if (spark.sharedState().cacheManager().lookupCachedData(dataset).isEmpty()) {
            return persisted;
        }
        return org.apache.spark.sql.classic.Dataset.ofRows(spark,
                LogicalRDD$.MODULE$.fromDataset(dataset.queryExecution().toRdd(), dataset, false));
    }
}
