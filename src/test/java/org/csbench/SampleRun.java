package org.csbench;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.csbench.cli.Csbench;
import org.csbench.delta.Warehouse;

/**
 * The README's run command ({@code csbench run}: the default pipeline on the bundled samples) run once per test JVM
 * into a fresh warehouse, shared read-only by the test classes that check what a real run publishes and prints. A
 * test that writes tables makes its own warehouse.
 */
public final class SampleRun {
    /** What the command printed, and its exit code. */
    public record Output(int exitCode, String out, String err) {
    }

    private static String path;
    private static Output output;

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
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Csbench.execute(new String[] {"--warehouse", fresh, "run"}, new PrintWriter(out, true),
                    new PrintWriter(err, true));
            output = new Output(code, out.toString(), err.toString());
            if (code != 0) {
                throw new IllegalStateException("csbench run failed (" + code + "): " + err);
            }
            path = fresh;
        }
        return path;
    }

    /** What the run printed. */
    public static synchronized Output output() {
        path();
        return output;
    }
}
