package org.csbench.publish.export;

import java.nio.file.Path;

/** Exports of the sample warehouse for tests outside this package (the notebooks). */
public final class ExportTestSupport {
    private ExportTestSupport() {
    }

    /** {@code csbench export --out DIR OPTIONS} on the sample run's warehouse; returns what it printed. */
    public static String exportSample(Path out, String... options) {
        return ExportTest.export(out, options);
    }
}
