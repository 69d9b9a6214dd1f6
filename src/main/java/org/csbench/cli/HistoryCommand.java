package org.csbench.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Row;

import org.csbench.delta.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code csbench history TABLE}: the table's Delta commits, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Show a table's versions: when, which operation, rows written, and which load.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    Csbench parent;

    @Parameters(index = "0", paramLabel = "TABLE", description = "A table as layer.name, e.g. silver.observation.")
    String table;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        Warehouse warehouse = Session.open(parent);
        java.util.List<Row> commits = warehouse.history(table).collectAsList();
        out.printf("%8s  %-24s %-12s %12s  %s%n", "version", "when (UTC)", "operation", "rows out", "note");
        for (Row row : commits) {
            Map<String, String> metrics = row.isNullAt(4) ? Map.of() : row.getJavaMap(4);
            String rows = metrics.getOrDefault("numOutputRows",
                    metrics.getOrDefault("numTargetRowsUpdated", ""));
            out.printf("%8d  %-24s %-12s %12s  %s%n", row.getLong(0), row.getTimestamp(1).toInstant(),
                    row.getString(2), rows, row.isNullAt(5) ? "" : row.getString(5));
        }
        return 0;
    }
}
