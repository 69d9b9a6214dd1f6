package org.csbench.cli;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Adds up the run time and CPU time of every Spark task that ends while attached. On a shared or virtual machine
 * the wall time of a run varies by 15% or more; the summed task time varies much less, so the bench prints both.
 */
final class TaskTimes extends SparkListener {
    private final LongAdder tasks = new LongAdder();
    private final LongAdder runMillis = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    private final SparkContext context;

    private TaskTimes(SparkContext context) {
        this.context = context;
    }

    /** Starts counting the tasks of {@code context}. */
    static TaskTimes attach(SparkContext context) {
        TaskTimes times = new TaskTimes(context);
        context.addSparkListener(times);
        return times;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics metrics = end.taskMetrics();
        tasks.increment();
        if (metrics != null) {
            runMillis.add(metrics.executorRunTime());
            cpuNanos.add(metrics.executorCpuTime());
        }
    }

    /**
     * Stops counting, once every event already posted has been counted, and returns the totals.
     *
     * @return tasks ended, their summed run time and CPU time in seconds
     */
    Totals detach() {
        try {
            context.listenerBus().waitUntilEmpty(60_000);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark's listener events were not all delivered within 60 s", e);
        }
        context.removeSparkListener(this);
        return new Totals(tasks.sum(), runMillis.sum() / 1e3, cpuNanos.sum() / 1e9);
    }

    /** Tasks ended, their summed run time and CPU time (seconds). */
    record Totals(long tasks, double runSeconds, double cpuSeconds) {
    }
}
