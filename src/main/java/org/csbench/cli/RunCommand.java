package org.csbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.csbench.config.PipelineSpec;
import org.csbench.config.SpecLoader;
import org.csbench.delta.Warehouse;
import org.csbench.job.PipelineJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code csbench run [SPEC]}: loads a pipeline's sources into the warehouse and prints a summary. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a pipeline: load its sources into bronze, silver, reference and audit tables, then "
                + "compute its indicators into gold tables.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Csbench parent;

    @Parameters(index = "0", arity = "0..1", defaultValue = "pipelines/annual-benchmarking.yaml", paramLabel = "SPEC",
            description = "Pipeline spec (default: ${DEFAULT-VALUE}, the annual benchmarking pipeline over data-samples/).")
    Path spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Read the spec's 'file:' entries from DIR instead of the spec's data_dir.")
    Path dataDir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        long t0 = System.nanoTime();
        PipelineSpec pipeline = SpecLoader.load(spec, dataDir);
        err.printf("csbench: running %s (%d sources) into %s%n", pipeline.name(), pipeline.sources().size(),
                parent.warehouse);
        Warehouse warehouse = Session.open(parent);
        PipelineJob.Result result = new PipelineJob(warehouse, message -> err.println("  " + message)).run(pipeline);
        Summary.print(out, result, (System.nanoTime() - t0) / 1e9, warehouse);
        return 0;
    }
}
