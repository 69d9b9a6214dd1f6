package org.csbench.cli;

import java.io.PrintWriter;

import org.csbench.delta.SparkSessions;
import org.csbench.model.CsbenchException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code csbench} command line. Global options pick the warehouse folder and the Spark master; each
 * subcommand runs one job and prints a summary. A user's mistake ends with one line on stderr and exit
 * code 2; an internal failure with one line and exit code 1, its stack trace in a log file the line names
 * ({@link Failures}); {@code --verbose} prints the stack trace too.
 */
@Command(name = "csbench", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Benchmarks English local authorities' children's services (Spark + Delta Lake).",
        subcommands = {RunCommand.class, TablesCommand.class, HistoryCommand.class, GenerateCommand.class,
                BenchCommand.class, DictionaryCommand.class, ExportCommand.class, ReportCommand.class,
                RevisionsCommand.class, CommandLine.HelpCommand.class})
public final class Csbench implements Runnable {
    /** Exit code for a user's mistake (bad file, bad spec, unknown table). */
    public static final int USER_ERROR = 2;

    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "DIR",
            description = "Folder (or Hadoop URI) holding the Delta tables (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N] or a cluster URL (default: spark-submit's --master, else "
                    + SparkSessions.DEFAULT_MASTER + ").")
    String master;

    @Option(names = "--shuffle-partitions", paramLabel = "N",
            description = "Spark shuffle partitions; raise for England-scale data on a cluster (default: "
                    + "spark-submit's spark.sql.shuffle.partitions, else " + SparkSessions.DEFAULT_SHUFFLE_PARTITIONS
                    + ").")
    Integer shufflePartitions;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On a failure, print the stack trace as well as the one-line message.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: run, tables, history, generate, bench, dictionary or export");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Csbench options = new Csbench();
        CommandLine cli = new CommandLine(options);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine where = e.getCommandLine();
            err.println("csbench: " + e.getMessage() + " (see: " + where.getCommandSpec().qualifiedName() + " --help)");
            return USER_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> Failures.report(e, err, options.warehouse,
                options.verbose, args));
        try {
            return cli.execute(args);
        } catch (Throwable e) { // an Error (out of memory, a missing class) passes picocli's handler
            return Failures.report(e, err, options.warehouse, options.verbose, args);
        }
    }
}
