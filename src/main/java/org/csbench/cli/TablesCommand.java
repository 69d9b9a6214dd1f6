package org.csbench.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Row;

import org.csbench.delta.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code csbench tables}: every Delta table as readers see it (the versions the last complete run left, so a run in
 * progress or killed does not show), with its rows, version and the operation that wrote that version.
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "List the warehouse's Delta tables: rows, current version, last operation.")
final class TablesCommand implements Callable<Integer> {
    @ParentCommand
    Csbench parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        Warehouse warehouse = Session.open(parent).published();
        List<String> tables = warehouse.tables();
        if (tables.isEmpty()) {
            out.printf("No tables in %s yet; run 'csbench run' first.%n", warehouse.root());
            return 0;
        }
        out.printf("%-40s %12s %8s  %-20s %s%n", "table", "rows", "version", "last operation", "when (UTC)");
        for (String table : tables) {
            long rows = warehouse.read(table).count();
            long version = warehouse.version(table).orElseThrow();
            Row last = warehouse.history(table).filter(col("version").equalTo(version)).first();
            out.printf("%-40s %,12d %8d  %-20s %s%n", table, rows, version, last.getString(2),
                    last.getTimestamp(1).toInstant());
        }
        return 0;
    }
}
