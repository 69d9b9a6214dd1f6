package org.csbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.config.Catalogue;
import org.csbench.config.CatalogueLoader;
import org.csbench.config.PipelineSpec;
import org.csbench.config.SpecLoader;
import org.csbench.delta.Warehouse;
import org.csbench.generate.GenerateResult;
import org.csbench.generate.Generator;
import org.csbench.generate.GeneratorOptions;
import org.csbench.generate.MonthSplit;
import org.csbench.contract.Star.FactIndicatorWindow;
import org.csbench.ingest.LoadJob;
import org.csbench.job.PipelineJob;
import org.csbench.job.SyntheticPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code csbench bench}: generates monthly data (England scale by default: 153 LAs x 300 indicators x 12 years),
 * runs the whole pipeline on it in a fresh warehouse and prints how long each step took. Speed is measured
 * here, not in unit tests. With {@code --incremental} the pipeline first runs on every month but the last, then the
 * last month is added as a further file and the pipeline runs again: the refresh's time beside the full one's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the whole pipeline on generated data (default: England scale, about 6.6 million rows).")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    Csbench parent;

    @Option(names = "--las", defaultValue = "153", description = "Local authorities (default: ${DEFAULT-VALUE}).")
    int las;

    @Option(names = "--years", defaultValue = "12", description = "Years of months (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--indicators", defaultValue = "300", description = "Indicators (default: ${DEFAULT-VALUE}).")
    int indicators;

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", description = "Keep the generated data and warehouse (printed) instead of deleting them.")
    boolean keep;

    @Option(names = "--floor", description = "Then read each large table the run wrote and write it again, unchanged, "
            + "to a scratch warehouse: what reading and writing the tables costs without any of the work.")
    boolean floor;

    @Option(names = "--incremental", description = "Load every month but the last and run the pipeline, then add the "
            + "last month as a further file and run it again: the refresh's time beside the full pipeline's.")
    boolean incremental;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = commandSpec.commandLine().getOut();
        Path work = Files.createTempDirectory("csbench-bench");
        try {
            long t0 = System.nanoTime();
            GenerateResult generated = Generator.run(GeneratorOptions.of(las, years, seed, work.resolve("data"))
                    .withIndicators(indicators).withWideLas(0));
            double generateSeconds = seconds(t0);
            out.printf("generate: %,d rows (%d LAs x %d indicators x %d months) in %.1f s%n", generated.longRows(), las,
                    indicators, years * 12, generateSeconds);

            PipelineSpec base = SpecLoader.load(Path.of("pipelines/annual-benchmarking.yaml"), null);
            Path longFile = work.resolve("data").resolve("monthly_long.csv");
            MonthSplit.Result split = null;
            PipelineSpec spec = SyntheticPipeline.spec(base, List.of(longFile));
            if (incremental) {
                split = MonthSplit.splitLastMonth(longFile, generated.window().last(),
                        work.resolve("data").resolve("monthly_long_earlier.csv"),
                        work.resolve("data").resolve("monthly_long_added.csv"));
                spec = SyntheticPipeline.spec(base, List.of(split.earlier()));
                out.printf("split: %,d rows of %d earlier months, %,d rows of %s added afterwards%n",
                        split.earlierRows(), generated.window().count() - 1, split.addedRows(), split.added());
            }
            Catalogue catalogue = SyntheticPipeline.catalogue(CatalogueLoader.load(Path.of(base.catalogue())),
                    indicators, seed);

            Warehouse warehouse = Session.open(parent, work.resolve("warehouse").toString());
            out.printf("machine load (1 min average) before: %.2f%n", loadAverage());
            Timed run = timed(out, warehouse, spec, catalogue);
            PipelineJob.Result result = run.result();
            double pipelineSeconds = run.seconds();
            TaskTimes.Totals tasks = run.tasks();
            long observations = result.load().sources().stream().mapToLong(s -> s.rowsWritten()).sum();
            out.printf("pipeline: %,d rows read, %,d observations, %,d indicator values, %,d window rows in %.1f s%n",
                    result.load().sources().stream().mapToLong(s -> s.rowsRead()).sum(), observations,
                    result.metrics().values(), result.metrics().tables().stream()
                            .filter(t -> t.table().equals(FactIndicatorWindow.TABLE.name()))
                            .mapToLong(LoadJob.TableResult::rowsWritten).sum(), pipelineSeconds);
            printTables(out, result);
            out.printf("spark tasks: %,d, run time %.1f s, CPU %.1f s (summed over cores: steadier than wall time)%n",
                    tasks.tasks(), tasks.runSeconds(), tasks.cpuSeconds());
            if (split != null) {
                runIncremental(out, warehouse, SyntheticPipeline.spec(base, List.of(split.earlier(), split.addedFile())),
                        catalogue, split, generated.window().count() - 1, pipelineSeconds);
            }
            if (floor) {
                printFloor(out, warehouse, result.tables(), generated.longRows() / 10, work.resolve("floor"));
            }
            Runtime runtime = Runtime.getRuntime();
            out.printf("cores %d, max heap %,d MB, heap in use at the end %,d MB, Spark master %s%n",
                    runtime.availableProcessors(), runtime.maxMemory() >> 20,
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, warehouse.spark().sparkContext().master());
            return 0;
        } finally {
            if (keep) {
                out.println("kept: " + work);
            } else {
                delete(work);
            }
        }
    }

    /** A pipeline run, its wall time and its Spark tasks' totals. */
    private record Timed(PipelineJob.Result result, double seconds, TaskTimes.Totals tasks) {
    }

    /** Runs the pipeline, printing its progress, and times it. */
    private static Timed timed(PrintWriter out, Warehouse warehouse, PipelineSpec spec, Catalogue catalogue) {
        TaskTimes taskTimes = TaskTimes.attach(warehouse.spark().sparkContext());
        long t0 = System.nanoTime();
        PipelineJob.Result result = new PipelineJob(warehouse, message -> out.println("  " + message))
                .run(spec, catalogue);
        double seconds = seconds(t0);
        return new Timed(result, seconds, taskTimes.detach());
    }

    /**
     * Runs the pipeline again with the added month's file as a further source (everything else unchanged since the
     * first run) and prints its time beside the full pipeline's: the refresh a council's next extract causes.
     */
    private static void runIncremental(PrintWriter out, Warehouse warehouse, PipelineSpec spec, Catalogue catalogue,
            MonthSplit.Result split, int loadedMonths, double fullSeconds) {
        out.printf("incremental: adding %s (%,d rows) to %d loaded months; machine load (1 min average) %.2f%n",
                split.added(), split.addedRows(), loadedMonths, loadAverage());
        Timed run = timed(out, warehouse, spec, catalogue);
        double seconds = run.seconds();
        TaskTimes.Totals tasks = run.tasks();
        printTables(out, run.result());
        out.printf("spark tasks: %,d, run time %.1f s, CPU %.1f s%n", tasks.tasks(), tasks.runSeconds(),
                tasks.cpuSeconds());
        out.printf("incremental refresh: %.1f s, full pipeline: %.1f s, ratio %.1f%% (target at most 10%%); "
                + "machine load (1 min average) after: %.2f%n", seconds, fullSeconds, 100 * seconds / fullSeconds,
                loadAverage());
    }

    private static void printTables(PrintWriter out, PipelineJob.Result result) {
        for (LoadJob.TableResult table : result.tables()) {
            out.printf("  %-36s %,12d rows %8.1f s%n", table.table(), table.rowsWritten(), table.seconds());
        }
    }

    /** The system's load average over the last minute (other processes on the machine), or -1 where unknown. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * Reads each table of at least {@code minRows} rows (a tenth of the generated rows: at England scale the seven
     * tables of a million rows or more) and writes it unchanged to a scratch warehouse with the pipeline's Delta
     * writer, printing the wall and task time of each copy: what the tables' size and width alone cost.
     */
    private static void printFloor(PrintWriter out, Warehouse warehouse, List<LoadJob.TableResult> tables, long minRows,
            Path dir) {
        Warehouse scratch = new Warehouse(warehouse.spark(), dir.toString());
        double wall = 0;
        double run = 0;
        out.println("floor: each large table read and written again, unchanged");
        for (LoadJob.TableResult table : tables) {
            if (table.rowsWritten() < Math.max(minRows, 1)) {
                continue;
            }
            TaskTimes times = TaskTimes.attach(warehouse.spark().sparkContext());
            long t0 = System.nanoTime();
            Dataset<Row> rows = warehouse.read(table.table());
            scratch.overwrite(table.table(), rows, "csbench bench --floor");
            double seconds = seconds(t0);
            TaskTimes.Totals tasks = times.detach();
            wall += seconds;
            run += tasks.runSeconds();
            long copied = scratch.lastCommitRows(table.table());
            out.printf("  %-36s %,12d rows %3d columns %8.1f s, task time %.1f s%n", table.table(), copied,
                    rows.columns().length, seconds, tasks.runSeconds());
        }
        out.printf("floor total: %.1f s, task time %.1f s%n", wall, run);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
