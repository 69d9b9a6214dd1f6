package org.csbench;

import org.csbench.delta.Warehouse;

/**
 * The README's run command ({@code csbench run}: the default pipeline on the bundled samples) run once per test JVM
 * into a fresh warehouse, shared read-only by the test classes that check what a real run publishes and prints. A
 * test that writes tables makes its own warehouse.
 */
public final class SampleRun {
    private static String path;
    private static TestCli.Outcome output;

    private SampleRun() {
    }

    /** The warehouse the run wrote: every layer, bronze to gold. */
    public static synchronized Warehouse warehouse() {
        return new Warehouse(SparkTestSession.get(), path());
    }

    /** The warehouse's folder. */
    public static synchronized String path() {
        if (path == null) {
            SparkTestSession.get();
            String fresh = SparkTestSession.newTempDir("sample-run").resolve("warehouse").toString();
            output = TestCli.csbench("--warehouse", fresh, "run");
            if (output.exitCode() != 0) {
                throw new IllegalStateException("csbench run failed (" + output.exitCode() + "): " + output.err());
            }
            path = fresh;
        }
        return path;
    }

    /** What the run printed. */
    public static synchronized TestCli.Outcome output() {
        path();
        return output;
    }
}
