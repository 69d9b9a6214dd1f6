package org.csbench.publish.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;

import org.csbench.contract.CodeSet;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.LoadJob;
import org.csbench.model.Columns;
import org.csbench.publish.AnalystView;
import org.csbench.publish.disclosure.Disclosure;
import org.csbench.publish.disclosure.DisclosureLevel;

/** The notes every export carries: when it was made, its disclosure level, the symbols, and its sources' vintages. */
public record ExportNotes(String madeAt, DisclosureLevel level, List<List<String>> sources) {
    public ExportNotes {
        sources = List.copyOf(sources);
    }

    /** Notes for an export of {@code warehouse} made now: the sources from {@code audit.load_audit} (a few rows). */
    public static ExportNotes of(Warehouse warehouse, DisclosureLevel level) {
        List<List<String>> sources = new ArrayList<>();
        if (warehouse.exists(LoadJob.LOAD_AUDIT)) {
            List<Row> loads = warehouse.read(LoadJob.LOAD_AUDIT).filter(col("outcome").notEqual(LoadJob.FAILED))
                    .groupBy(col(Columns.SOURCE_ID), col("source_file"), col(Columns.VINTAGE))
                    .agg(max(col("loaded_at")).as("loaded_at"))
                    .orderBy(col(Columns.SOURCE_ID), col("loaded_at")).collectAsList();
            for (Row load : loads) {
                String file = load.getString(1);
                sources.add(List.of(load.getString(0), file == null ? "" : Path.of(file).getFileName().toString(),
                        load.getString(2), String.valueOf(load.get(3))));
            }
        }
        return new ExportNotes(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), level, sources);
    }

    /** The notes as rows of text (a notes sheet, or a notes CSV). */
    public List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>();
        if (level == DisclosureLevel.INTERNAL) {
            lines.add(List.of(level.notice()));
        }
        lines.add(List.of("csbench export", "made " + madeAt));
        lines.add(List.of("Disclosure", level == DisclosureLevel.PUBLIC
                ? "public: the DfE's disclosure rules applied (pipelines/disclosure.yaml): an authority's count from "
                        + "1 to 5 and any figure that would reveal one are shown as " + Disclosure.SYMBOL
                        + "; England's and the regions' counts rounded to the nearest 10"
                : "internal: exact values, no disclosure control; not for publication"));
        lines.add(List.of(""));
        lines.add(List.of("Symbols and statuses", ""));
        lines.add(List.of(Disclosure.SYMBOL, "suppressed, by disclosure control (status_reason "
                + Disclosure.REASON_SMALL_COUNT + ": a count behind it is from 1 to 5; "
                + Disclosure.REASON_SECONDARY + ": it would let a suppressed count be worked out) or by the source"));
        lines.add(List.of("(empty)", "no figure: the status column says why"));
        lines.add(List.of("'", "a leading quote marks text that starts with = + - or @, so that a spreadsheet does "
                + "not read it as a formula"));
        for (CodeSet.Label label : CodeSet.STATUS.labels()) {
            lines.add(List.of(AnalystView.STATUS + " " + label.label(), label.meaning()));
        }
        lines.add(List.of(""));
        lines.add(List.of("Sources", "file", "release vintage", "loaded at"));
        lines.addAll(sources);
        lines.add(List.of(""));
        lines.add(List.of("Columns", "see the columns sheet or file: every column's type, unit and meaning"));
        return lines;
    }
}
