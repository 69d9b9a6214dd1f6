package org.csbench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.csbench.cli.Csbench;

/**
 * The command line as the tests run it: in this JVM, on the tests' shared session. The session is made first, so a
 * command's own session (master {@code local[*]}, the UI on) never becomes the shared one, whichever test class runs
 * first.
 */
public final class TestCli {
    /** What a command printed, and its exit code. */
    public record Outcome(int exitCode, String out, String err) {
        /** The last line on stderr: the error line (progress lines come before it). */
        public String errorLine() {
            List<String> lines = err.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    private TestCli() {
    }

    /** Runs {@code csbench ARGS}. */
    public static Outcome csbench(String... args) {
        SparkTestSession.get();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Csbench.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }
}
