package org.csbench.cli;

import java.io.PrintWriter;

import org.csbench.delta.Warehouse;
import org.csbench.ingest.LoadJob;
import org.csbench.job.PipelineJob;

/**
 * The run summary: the versions and master it ran on; per source, rows read, loaded and quarantined; per table, rows
 * written and seconds.
 */
final class Summary {
    private Summary() {
    }

    static void print(PrintWriter out, PipelineJob.Result run, double seconds, Warehouse warehouse) {
        LoadJob.Result result = run.load();
        out.printf("%n%s%n", Versions.line(warehouse.spark().sparkContext().master()));
        out.printf("Load %s%n", result.loadId());
        out.printf("%-28s %-10s %10s %10s %12s %10s %8s%n", "source", "outcome", "rows read", "loaded",
                "quarantined", "written", "seconds");
        long read = 0;
        long loaded = 0;
        long quarantined = 0;
        for (LoadJob.SourceResult s : result.sources()) {
            out.printf("%-28s %-10s %,10d %,10d %,12d %,10d %8.1f%n", s.sourceId(), s.outcome(), s.rowsRead(),
                    s.rowsLoaded(), s.rowsQuarantined(), s.rowsWritten(), s.seconds());
            read += s.rowsRead();
            loaded += s.rowsLoaded();
            quarantined += s.rowsQuarantined();
            if (s.rowsIgnored() > 0) {
                out.printf("%-28s %,d rows ignored as the source entry says (ignore:)%n", "", s.rowsIgnored());
            }
        }
        out.printf("%-28s %-10s %,10d %,10d %,12d%n", "total", "", read, loaded, quarantined);
        for (LoadJob.SourceResult s : run.failedSources()) {
            out.printf("%nFAILED %s (not loaded; the next run tries it again): %s%n", s.sourceId(), s.reason());
        }
        if (run.metrics() != null) {
            out.printf("%nIndicators: %,d values; %,d published figures differ from the computed ones, %,d of them "
                    + "unexplained (published_check_code in gold.fact_indicator_value)%n", run.metrics().values(),
                    run.metrics().discrepancies(), run.metrics().unexplained());
        }
        if (!result.tables().isEmpty()) {
            out.printf("%n%-40s %12s %8s %8s%n", "table", "rows written", "version", "seconds");
            for (LoadJob.TableResult t : run.tables()) {
                out.printf("%-40s %,12d %8d %8.1f%n", t.table(), t.rowsWritten(), t.version(), t.seconds());
            }
        } else {
            out.printf("%nNothing changed: every file was loaded before.%n");
        }
        out.printf("%nDone in %.1f s. Tables are in %s (list them with: csbench tables)%n", seconds,
                warehouse.root());
    }
}
