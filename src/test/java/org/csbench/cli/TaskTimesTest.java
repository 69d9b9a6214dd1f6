package org.csbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;

class TaskTimesTest {

    @Test
    void countsTheTasksOfJobsRunWhileAttachedOnly() {
        SparkSession spark = SparkTestSession.get();
        TaskTimes times = TaskTimes.attach(spark.sparkContext());
        // Three partitions summed without a shuffle: one task each.
        long sum = spark.range(0, 3_000_000, 1, 3).javaRDD().map(x -> (long) x).reduce(Long::sum);
        TaskTimes.Totals totals = times.detach();
        spark.range(0, 1000, 1, 4).javaRDD().count();

        assertEquals(3_000_000L * 2_999_999L / 2, sum);
        assertEquals(3, totals.tasks());
        assertTrue(totals.runSeconds() >= 0, "run time " + totals.runSeconds());
        assertTrue(totals.cpuSeconds() > 0, "CPU time " + totals.cpuSeconds());
        assertEquals(3, times.detach().tasks(), "no task counted after detaching");
    }
}
