package org.csbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.csbench.publish.disclosure.DisclosureLevel;
import org.csbench.publish.disclosure.DisclosureRules;
import org.csbench.publish.report.ReportJob;
import org.csbench.publish.ServiceAreas;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code csbench report}: HTML benchmarking reports per authority, a trends report and an index. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML benchmarking report per authority (headline tables, trend, "
                + "focus, SPC and funnel charts with their data, discussion points), a trends report across them "
                + "and an index page to DIR.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    Csbench parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    static final class Scope {
        @Option(names = "--la", arity = "1..*", paramLabel = "CODE",
                description = "Authorities by their 3-digit DfE number, e.g. --la 352 202.")
        List<String> codes;

        @Option(names = "--all", description = "Every authority that exists in the latest period.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created); "
            + "nothing is written outside it.")
    Path out;

    @Option(names = "--period", paramLabel = "YEAR", description = "Reporting year to treat as the latest, e.g. 2024 "
            + "for 2023-24 (default: the latest in the warehouse).")
    Integer period;

    @Option(names = "--disclosure", defaultValue = "public", paramLabel = "public|internal",
            description = "public (default): disclosure control applied (pipelines/disclosure.yaml); internal: exact "
                    + "values, marked as such on every page.")
    String disclosure;

    @Option(names = "--areas", defaultValue = "pipelines/service-areas.yaml", paramLabel = "FILE",
            description = "Which service area each indicator is reported under (default: ${DEFAULT-VALUE}).")
    Path areas;

    @Mixin
    AsOf asOf;

    @Override
    public Integer call() {
        PrintWriter print = commandSpec.commandLine().getOut();
        DisclosureLevel level = DisclosureLevel.parse(disclosure);
        ServiceAreas serviceAreas = ServiceAreas.load(areas);
        DisclosureRules rules = DisclosureRules.load(DisclosureRules.DEFAULT_FILE);
        ReportJob job = new ReportJob(asOf.open(parent), serviceAreas, rules); // a complete run
        ReportJob.Result result = job.run(new ReportJob.Options(scope.all ? List.of() : scope.codes, period, level,
                out), line -> print.println(line));
        print.printf("%d reports, the trends report and the index written to %s in %.1f s; open %s%n",
                result.reports(), out.toAbsolutePath().normalize(), result.seconds(), result.index());
        return 0;
    }
}
