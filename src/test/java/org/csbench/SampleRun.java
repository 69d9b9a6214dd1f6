package org.csbench;

import java.nio.file.Path;

import org.csbench.config.SpecLoader;
import org.csbench.delta.Warehouse;
import org.csbench.job.PipelineJob;

/**
 * The default pipeline ({@code pipelines/annual-benchmarking.yaml}) run once per test JVM on the bundled samples
 * (the spec's own {@code data_dir}, {@code data-samples/dfe}) into a fresh warehouse, shared read-only by the test
 * classes that check what a real run publishes. A test that writes tables makes its own warehouse.
 */
public final class SampleRun {
    public static final Path SPEC = Path.of("pipelines/annual-benchmarking.yaml");

    private static Warehouse warehouse;
    private static PipelineJob.Result result;

    private SampleRun() {
    }

    /** The warehouse the run wrote: every layer, bronze to gold. */
    public static synchronized Warehouse warehouse() {
        if (warehouse == null) {
            Warehouse fresh = SparkTestSession.newWarehouse("sample-run");
            result = new PipelineJob(fresh, message -> { }).run(SpecLoader.load(SPEC, null));
            warehouse = fresh;
        }
        return warehouse;
    }

    /** What the run reported (tables written, rows, indicator counts). */
    public static synchronized PipelineJob.Result result() {
        warehouse();
        return result;
    }
}
