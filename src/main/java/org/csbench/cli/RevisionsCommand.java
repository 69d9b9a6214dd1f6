package org.csbench.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.contract.CodeSet;
import org.csbench.contract.Star;
import org.csbench.contract.Star.DimArea;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactRevision;
import org.csbench.delta.Warehouse;
import org.csbench.model.Errors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code csbench revisions}: the values a later release changed ({@code gold.fact_revision}), as the last complete
 * run published them, one line each with the old and new value, the difference and the cause.
 */
@Command(name = "revisions", mixinStandardHelpOptions = true,
        description = "List the values a later release changed: old and new value, difference and cause.")
final class RevisionsCommand implements Callable<Integer> {
    @ParentCommand
    Csbench parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--from", paramLabel = "RELEASE", description = "The earlier release, e.g. 2024.")
    String from;

    @Option(names = "--to", paramLabel = "RELEASE", description = "The later release, e.g. 2025.")
    String to;

    @Option(names = "--la", paramLabel = "CODE", description = "Only this authority (3-digit DfE code, e.g. 352).")
    String la;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        Warehouse warehouse = Session.open(parent).published();
        if (!warehouse.exists(FactRevision.TABLE.name())) {
            throw Errors.invalidArgument("No " + FactRevision.TABLE.name() + " in " + warehouse.root()
                    + "; run 'csbench run' with two releases of a source first");
        }
        Iterator<Row> rows = table(warehouse, from, to, la).toLocalIterator();
        out.printf("%-28s %-5s %-24s %-9s %-8s %-8s %12s %12s %11s  %s%n", "indicator", "area", "name", "period",
                "from", "to", "old value", "new value", "difference", "cause");
        long n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            out.printf("%-28s %-5s %-24s %-9s %-8s %-8s %12s %12s %11s  %s%n", r.getString(0), r.getString(1),
                    abbreviate(r.getString(2), 24), r.getString(3), r.getString(4), r.getString(5), number(r, 6),
                    number(r, 7), number(r, 8), r.getString(9));
            n++;
        }
        out.printf("%,d revisions%n", n);
        return 0;
    }

    /** The revisions with their dimensions' names, sorted; filtered by release pair and authority when given. */
    static Dataset<Row> table(Warehouse warehouse, String from, String to, String la) {
        Dataset<Row> fact = warehouse.read(FactRevision.TABLE.name());
        if (from != null) {
            fact = fact.filter(col(FactRevision.FROM_RELEASE).equalTo(from));
        }
        if (to != null) {
            fact = fact.filter(col(FactRevision.TO_RELEASE).equalTo(to));
        }
        Dataset<Row> areas = warehouse.read(DimArea.TABLE.name());
        if (la != null) {
            areas = areas.filter(col(DimArea.AREA_CODE).equalTo(la.trim()));
        }
        Column[] order = {col(DimIndicator.INDICATOR_ID), col(DimArea.AREA_CODE), col(DimPeriod.END),
            col(FactRevision.FROM_RELEASE)};
        return fact.join(warehouse.read(DimIndicator.TABLE.name()), Star.INDICATOR_KEY).join(areas, Star.AREA_KEY)
                .join(warehouse.read(DimPeriod.TABLE.name()), Star.PERIOD_KEY)
                .orderBy(order)
                .select(col(DimIndicator.INDICATOR_ID), col(DimArea.AREA_CODE), col(DimArea.NAME),
                        col(DimPeriod.TIME_PERIOD), col(FactRevision.FROM_RELEASE), col(FactRevision.TO_RELEASE),
                        col(FactRevision.OLD_VALUE), col(FactRevision.NEW_VALUE), col(FactRevision.DIFFERENCE),
                        CodeSet.REVISION_CAUSE.decode(col(FactRevision.CAUSE)).as("cause"));
    }

    private static String number(Row row, int i) {
        return row.isNullAt(i) ? "" : String.format("%,.1f", row.getDouble(i));
    }

    private static String abbreviate(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
