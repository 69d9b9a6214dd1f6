package org.csbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.csbench.config.PipelineSpec;
import org.csbench.config.SpecLoader;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.LoadJob;
import org.csbench.job.PipelineJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code csbench run [SPEC]}: loads a pipeline's sources into the warehouse and prints a summary. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a pipeline: load its sources into bronze, silver, reference and audit tables, then "
                + "compute its indicators into gold tables.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every source loaded (or unchanged)",
                "1:internal failure (stack trace in the log file the error names); no table changed",
                "2:a mistake to fix (spec, options, a missing or unreadable file, warehouse busy); no table changed",
                "3:--keep-going: the run completed but some sources failed (listed in the summary and "
                        + "audit.load_audit); the next run tries them again"})
final class RunCommand implements Callable<Integer> {
    /** Exit code of a run that completed with --keep-going while some sources failed. */
    static final int SOURCES_FAILED = 3;

    @ParentCommand
    Csbench parent;

    @Parameters(index = "0", arity = "0..1", defaultValue = "pipelines/annual-benchmarking.yaml", paramLabel = "SPEC",
            description = "Pipeline spec (default: ${DEFAULT-VALUE}, the annual benchmarking pipeline over data-samples/).")
    Path spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Read the spec's 'file:' entries from DIR instead of the spec's data_dir; repeat to look "
                    + "in several folders in turn (the first holding a file wins). A 'path:' entry not found beside "
                    + "the spec is looked for in these folders too.")
    List<Path> dataDirs = new ArrayList<>();

    @Option(names = "--keep-going",
            description = "Load the sources that can be loaded when one cannot (missing, unreadable, failing its "
                    + "checks): the run completes, the failed ones are listed and recorded in audit.load_audit, and "
                    + "the exit code is 3. Without it a run is all or nothing.")
    boolean keepGoing;

    @Option(names = "--full-rebuild",
            description = "Recompute every indicator, window, benchmark and signal from all the observations. "
                    + "Without it a run that only adds observations (a new month, a new release) recomputes the "
                    + "periods it loaded and the series they extend, and a run that loads nothing new writes nothing.")
    boolean fullRebuild;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        long t0 = System.nanoTime();
        PipelineSpec pipeline = SpecLoader.loadWithDataDirs(spec, dataDirs);
        err.printf("csbench: running %s (%d sources) into %s%n", pipeline.name(), pipeline.sources().size(),
                parent.warehouse);
        Warehouse warehouse = Session.open(parent, parent.warehouse, PipelineJob.smallOnThisDisk(pipeline,
                parent.warehouse));
        PipelineJob job = new PipelineJob(warehouse, message -> err.println("  " + message));
        job = keepGoing ? job.keepingGoing() : job;
        PipelineJob.Result result = (fullRebuild ? job.rebuildingWhole() : job).run(pipeline);
        Summary.print(out, result, (System.nanoTime() - t0) / 1e9, warehouse);
        if (!result.failedSources().isEmpty()) {
            err.printf("csbench: %d of %d sources failed and were not loaded (--keep-going): %s; the rest loaded%n",
                    result.failedSources().size(), pipeline.sources().size(), String.join(", ",
                            result.failedSources().stream().map(LoadJob.SourceResult::sourceId).toList()));
            return SOURCES_FAILED;
        }
        return 0;
    }
}
