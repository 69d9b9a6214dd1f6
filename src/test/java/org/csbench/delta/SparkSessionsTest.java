package org.csbench.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Which master and shuffle partitions a job runs with: the command line's, then spark-submit's, then the default. */
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
}
