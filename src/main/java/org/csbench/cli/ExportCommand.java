package org.csbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.csbench.delta.Warehouse;
import org.csbench.model.Errors;
import org.csbench.publish.AnalystView.PeriodBound;
import org.csbench.publish.disclosure.DisclosureLevel;
import org.csbench.publish.disclosure.DisclosureRules;
import org.csbench.publish.export.Exporter;
import org.csbench.publish.ServiceAreas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code csbench export}: the published figures as analysts open them, with disclosure control. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the benchmarks as analysts open them: one row per area, indicator and period with "
                + "names, units and labels (csbench_analyst_view.csv|xlsx|parquet, with its columns' descriptions "
                + "and notes), and for each --la a benchmarking workbook (benchmarks_CODE_NAME.xlsx).",
                "Public exports (the default) apply the DfE's disclosure rules (pipelines/disclosure.yaml); "
                        + "internal ones hold exact values and say so in every file name and sheet."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Csbench parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|xlsx|parquet",
            description = "File format of the long file (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write into (created); nothing is written outside it.")
    Path out;

    @Option(names = "--la", paramLabel = "CODE", arity = "1..*",
            description = "Authorities (DfE numbers, e.g. 352): their rows (England and regions kept) and a "
                    + "benchmarking workbook each.")
    List<String> laCodes;

    @Option(names = "--indicator", paramLabel = "ID", arity = "1..*", description = "Catalogue ids, e.g. cin_rate.")
    List<String> indicators;

    @Option(names = "--from", paramLabel = "PERIOD",
            description = "First period: a reporting year (2022), a financial year (2021-22) or a month (2023-09).")
    String from;

    @Option(names = "--to", paramLabel = "PERIOD", description = "Last period, written as --from.")
    String to;

    @Option(names = "--disclosure", defaultValue = "public", paramLabel = "public|internal",
            description = "public (default): disclosure control applied; internal: exact values, not for "
                    + "publication.")
    String disclosure;

    @Option(names = "--rules", paramLabel = "FILE", description = "Disclosure rules (default: pipelines/disclosure.yaml).")
    Path rules;

    @Mixin
    AsOf asOf;

    @Override
    public Integer call() {
        PrintWriter print = commandSpec.commandLine().getOut();
        Exporter.Format chosen = switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> Exporter.Format.CSV;
            case "xlsx" -> Exporter.Format.XLSX;
            case "parquet" -> Exporter.Format.PARQUET;
            default -> throw Errors.invalidArgument("Unknown --format '" + format + "': use csv, xlsx or parquet");
        };
        Exporter.Request request = new Exporter.Request(chosen, out, laCodes, indicators,
                from == null ? null : PeriodBound.parse(from), to == null ? null : PeriodBound.parse(to),
                DisclosureLevel.parse(disclosure), DisclosureRules.load(rules == null ? DisclosureRules.DEFAULT_FILE : rules),
                ServiceAreas.load(ServiceAreas.DEFAULT));
        Warehouse warehouse = asOf.open(parent); // a complete run, never one in progress
        List<Path> files = Exporter.run(warehouse, request, print::println);
        print.printf("Export (%s) written: %d files in %s%n", request.level().id(), files.size(), out);
        return 0;
    }
}
