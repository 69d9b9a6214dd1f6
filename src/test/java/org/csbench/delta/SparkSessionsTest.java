package org.csbench.delta;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;

/**
 * Which master and shuffle partitions a job runs with: the command line's, then spark-submit's, then the default; and
 * the memory page size every session takes.
 */
class SparkSessionsTest {
    private static final SparkConf NOTHING_SUBMITTED = new SparkConf(false);
    private static final SparkConf SUBMITTED = new SparkConf(false)
            .set(SparkSessions.MASTER, "spark://127.0.0.1:7077")
            .set(SparkSessions.SHUFFLE_PARTITIONS, "64");

    @Test
    void theCommandLineWins() {
        assertEquals("local[2]", SparkSessions.setting("local[2]", SUBMITTED, SparkSessions.MASTER,
                SparkSessions.DEFAULT_MASTER));
        assertEquals("3", SparkSessions.setting(3, SUBMITTED, SparkSessions.SHUFFLE_PARTITIONS,
                SparkSessions.DEFAULT_SHUFFLE_PARTITIONS));
    }

    @Test
    void sparkSubmitsSettingsAreKeptWhenTheCommandLineGivesNone() {
        assertEquals("spark://127.0.0.1:7077", SparkSessions.setting(null, SUBMITTED, SparkSessions.MASTER,
                SparkSessions.DEFAULT_MASTER));
        assertEquals("64", SparkSessions.setting(null, SUBMITTED, SparkSessions.SHUFFLE_PARTITIONS,
                SparkSessions.DEFAULT_SHUFFLE_PARTITIONS));
    }

    @Test
    void withNeitherTheDefaultsApply() {
        assertEquals("local[*]", SparkSessions.setting(null, NOTHING_SUBMITTED, SparkSessions.MASTER,
                SparkSessions.DEFAULT_MASTER));
        assertEquals("8", SparkSessions.setting(null, NOTHING_SUBMITTED, SparkSessions.SHUFFLE_PARTITIONS,
                SparkSessions.DEFAULT_SHUFFLE_PARTITIONS));
    }

    @Test
    void theTestSessionTakesMemoryInSmallPages() {
        SparkTestSession.get();
        assertEquals(2L << 20, SparkEnv.get().memoryManager().pageSizeBytes());
        assertEquals(SparkSessions.SMALL_PAGE_SIZE, SparkTestSession.get().conf().get(SparkSessions.PAGE_SIZE));
    }

    @Test
    void rowsLargerThanAPageAreJoinedAndSortedWhole() {
        // A 3 MB text, larger than the 2 MB page, in a broadcast join's hash table and in a sort.
        SparkSession spark = SparkTestSession.get();
        String large = "x".repeat(3 << 20);
        StructType schema = new StructType().add("key", DataTypes.StringType).add("text", DataTypes.StringType);
        Dataset<Row> small = spark.createDataFrame(List.of(RowFactory.create("a", large), RowFactory.create("b", "y")),
                schema);
        Dataset<Row> keys = spark.createDataFrame(List.of(RowFactory.create("b", "1"), RowFactory.create("a", "2"),
                RowFactory.create("c", "3")), new StructType().add("key", DataTypes.StringType)
                .add("other", DataTypes.StringType));
        List<Row> joined = keys.join(broadcast(small), "key").orderBy(col("text").desc())
                .select(col("key"), length(col("text"))).collectAsList();
        assertEquals(List.of(RowFactory.create("b", 1), RowFactory.create("a", large.length())), joined);
    }
}
