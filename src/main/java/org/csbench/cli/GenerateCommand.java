package org.csbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.csbench.generate.GenerateResult;
import org.csbench.generate.Generator;
import org.csbench.generate.GeneratorOptions;
import org.csbench.generate.WrittenFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code csbench generate}: writes a reproducible synthetic monthly scorecard extract (long CSV, wide
 * scorecards, manifest) calibrated on the DfE files. Needs no Spark.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic monthly scorecard extract (monthly_long.csv, scorecard_<la>.tsv, "
                + "generate_manifest.json), calibrated on the latest DfE figures. Same options and seed, same bytes.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--las", required = true, paramLabel = "N",
            description = "How many LAs (1-1000): the first real ones by DfE code, then synthetic S001...")
    int las;

    @Option(names = "--years", required = true, paramLabel = "Y",
            description = "How many whole years of months, ending with --end-month (1-30).")
    int years;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder, created if missing; must not contain '..'.")
    Path out;

    @Option(names = "--end-month", paramLabel = "YYYY-MM",
            description = "Last month (default: March of the latest DfE reporting year, e.g. 2025-03).")
    String endMonth;

    @Option(names = "--indicators", defaultValue = "14", paramLabel = "K",
            description = "Indicators per LA: the 14 observed measures, then syn_015... (default: ${DEFAULT-VALUE}).")
    int indicators;

    @Option(names = "--wide-las", paramLabel = "W",
            description = "Write a wide scorecard_<la_code>.tsv for the first W LAs; 0 for none "
                    + "(default: 2, or --las if less).")
    Integer wideLas;

    @Option(names = "--blank-fraction", defaultValue = "0.002", paramLabel = "F",
            description = "Share of cells left blank, 0-0.5 (default: ${DEFAULT-VALUE}).")
    double blankFraction;

    @Option(names = "--data-dir", defaultValue = "data-samples/dfe", paramLabel = "DIR",
            description = "Folder of the DfE CSV files to calibrate on (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GeneratorOptions options = options();
        GenerateResult result = Generator.run(options);
        PrintWriter printer = spec.commandLine().getOut();
        long wide = result.files().stream().filter(f -> f.name().endsWith(".tsv")).count();
        long rows = result.files().stream().mapToLong(WrittenFile::rows).sum();
        printer.printf("generate: wrote %d files (%,d rows: %,d long for %d LAs x %d indicators x %d months, "
                + "%d wide scorecards) to %s in %.1f s%n", result.files().size(), rows, result.longRows(),
                result.authorities(), result.indicators(), result.window().count(), wide, result.out(),
                result.seconds());
        printer.flush();
        return 0;
    }

    /** The checked options; a bad value is a user-facing error naming the option. */
    GeneratorOptions options() {
        GeneratorOptions options = new GeneratorOptions(las, years, seed, out, java.util.Optional.empty(),
                indicators, wideLas != null ? wideLas : Math.min(GeneratorOptions.DEFAULT_WIDE_LAS, las), blankFraction,
                dataDir);
        return endMonth == null ? options : options.withEndMonth(GeneratorOptions.parseEndMonth(endMonth));
    }
}
