package org.csbench.publish.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.publish.ServiceAreas;
import org.csbench.publish.OutputFolder;
import org.csbench.contract.ColumnDef;
import org.csbench.delta.Warehouse;
import org.csbench.model.Errors;
import org.csbench.publish.AnalystView;
import org.csbench.publish.AnalystView.PeriodBound;
import org.csbench.publish.disclosure.Disclosure;
import org.csbench.publish.disclosure.DisclosureLevel;
import org.csbench.publish.disclosure.DisclosureRules;

/**
 * {@code csbench export}: the analyst view ({@link AnalystView}) after disclosure control ({@link Disclosure}) as one
 * long file (CSV, XLSX or Parquet) with its columns' descriptions and notes, plus for each authority asked for a
 * benchmarking workbook: one sheet per service area with the authority beside its neighbours' average, region and
 * England, rank, band, RAG and direction of travel.
 */
public final class Exporter {
    public static final String BASE_NAME = "csbench_analyst_view";
    private static final Pattern LA_CODE = Pattern.compile("[A-Za-z0-9]{1,12}");
    private static final Pattern INDICATOR_ID = Pattern.compile("[a-z][a-z0-9_]{0,80}");

    /** The columns of an authority's benchmarking workbook, in order. */
    public static final List<String> WORKBOOK_COLUMNS = List.of(AnalystView.INDICATOR_NAME, AnalystView.REF,
            AnalystView.UNIT, AnalystView.PERIOD_LABEL, AnalystView.VALUE, AnalystView.SN_AVERAGE,
            AnalystView.REGION_VALUE, AnalystView.ENGLAND_VALUE, AnalystView.RANK, AnalystView.RANK_COUNT,
            AnalystView.QUARTILE_BAND, AnalystView.TARGET_LOW, AnalystView.TARGET_HIGH, AnalystView.RAG,
            AnalystView.PREVIOUS_PERIOD_LABEL, AnalystView.PREVIOUS_VALUE, AnalystView.DIRECTION_VS_PREVIOUS,
            AnalystView.DIRECTION_VS_LAST_YEAR, AnalystView.STATUS, AnalystView.STATUS_REASON,
            AnalystView.INDICATOR_ID, Disclosure.SUPPRESSED_COLUMNS);

    private Exporter() {
    }

    public enum Format {
        CSV, XLSX, PARQUET;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What to export; codes and ids are checked so that none can make a path. */
    public record Request(Format format, Path out, List<String> laCodes, List<String> indicatorIds, PeriodBound from,
            PeriodBound to, DisclosureLevel level, DisclosureRules rules, ServiceAreas serviceAreas) {
        public Request {
            laCodes = laCodes == null ? List.of() : List.copyOf(laCodes);
            indicatorIds = indicatorIds == null ? List.of() : List.copyOf(indicatorIds);
            for (String code : laCodes) {
                if (!LA_CODE.matcher(code).matches()) {
                    throw Errors.invalidArgument("Invalid --la '" + code + "': expected an authority's DfE number, "
                            + "e.g. 352 (letters and digits only)");
                }
            }
            for (String id : indicatorIds) {
                if (!INDICATOR_ID.matcher(id).matches()) {
                    throw Errors.invalidArgument("Invalid --indicator '" + id + "': expected a catalogue id, e.g. "
                            + "cin_rate (see pipelines/indicators.yaml)");
                }
            }
        }
    }

    /** Writes the export; {@code progress} gets a line per file. Returns the files written. */
    public static List<Path> run(Warehouse warehouse, Request request, Consumer<String> progress) {
        OutputFolder folder = OutputFolder.open(request.out());
        DisclosureLevel level = request.level();
        String suffix = level.fileTag().isEmpty() ? "" : "_" + level.fileTag();
        Dataset<Row> rows = sorted(AnalystView.filter(Disclosure.apply(AnalystView.read(warehouse), request.rules(),
                level), request.laCodes(), request.indicatorIds(), request.from(), request.to()));
        List<ColumnDef> columns = ExportColumns.analystView();
        ExportNotes notes = ExportNotes.of(warehouse, level);
        List<Path> written = new ArrayList<>();
        String base = BASE_NAME + suffix;
        Dataset<Row> published = AnalystView.published(rows).persist();
        try {
            switch (request.format()) {
                case CSV -> written.add(timed(progress, () -> {
                    long[] count = {0};
                    Path file = folder.write(base + ".csv", out -> count[0] = CsvFiles.writeRows(out, columns,
                            published.toLocalIterator()));
                    return new Written(file, count[0]);
                }));
                case XLSX -> written.add(timed(progress, () -> {
                    long[] count = {0};
                    Path file = folder.write(base + ".xlsx", out -> {
                        try (XlsxBook book = new XlsxBook(level)) {
                            count[0] = book.sheet("data", names(columns)).rows(columns, published.toLocalIterator());
                            describe(book, columns, notes);
                            book.write(out);
                        }
                    });
                    return new Written(file, count[0]);
                }));
                case PARQUET -> written.add(timed(progress, () -> {
                    Path file = folder.writeFolder(base + ".parquet", dir -> published.write().parquet(dir.toString()));
                    return new Written(file, -1);
                }));
            }
            if (request.format() != Format.XLSX) {
                written.add(timed(progress, () -> new Written(folder.write(base + "_columns.csv",
                        out -> CsvFiles.writeText(out, ExportColumns.descriptions(columns))), columns.size())));
                written.add(timed(progress, () -> new Written(folder.write(base + "_notes.csv",
                        out -> CsvFiles.writeText(out, notes.lines())), notes.lines().size())));
            }
            for (String code : request.laCodes()) {
                written.add(timed(progress, () -> workbook(folder, published, code, request.serviceAreas(), notes,
                        suffix)));
            }
        } finally {
            published.unpersist();
        }
        return written;
    }

    /** England, then the regions, then authorities; each by code, indicator and period. */
    private static Dataset<Row> sorted(Dataset<Row> rows) {
        return rows.orderBy(when(col(AnalystView.LEVEL).equalTo("national"), 0)
                        .when(col(AnalystView.LEVEL).equalTo("regional"), 1).otherwise(2),
                col(AnalystView.AREA_CODE), col(AnalystView.INDICATOR_ID), col(AnalystView.PERIOD_TYPE),
                col(AnalystView.PERIOD_END));
    }

    /** One authority's workbook: its rows (a few hundred) by service area, latest period first. */
    private static Written workbook(OutputFolder folder, Dataset<Row> published, String code, ServiceAreas areas,
            ExportNotes notes, String suffix) {
        List<Row> rows = new ArrayList<>(published.filter(col(AnalystView.AREA_CODE).equalTo(code)
                .and(col(AnalystView.LEVEL).equalTo("local_authority"))).collectAsList());
        if (rows.isEmpty()) {
            throw Errors.invalidArgument("--la " + code + ": no authority with that DfE number has figures in the "
                    + "export (check the code, and --indicator and --from/--to)");
        }
        rows.sort(Comparator.<Row>comparingInt(r -> areas.positionOf(r.getAs(AnalystView.INDICATOR_ID)))
                .thenComparing(r -> (String) r.getAs(AnalystView.INDICATOR_ID))
                .thenComparing(r -> (String) r.getAs(AnalystView.PERIOD_TYPE))
                .thenComparing(r -> (java.sql.Date) r.getAs(AnalystView.PERIOD_END), Comparator.reverseOrder()));
        String name = rows.get(0).getAs(AnalystView.AREA_NAME);
        List<ColumnDef> columns = WORKBOOK_COLUMNS.stream().map(Exporter::describe).toList();
        String fileName = "benchmarks_" + OutputFolder.safeName(code) + "_" + OutputFolder.safeName(name) + suffix
                + ".xlsx";
        Path file = folder.write(fileName, out -> {
            try (XlsxBook book = new XlsxBook(notes.level())) {
                for (String area : areas.names()) {
                    List<Row> inArea = rows.stream()
                            .filter(r -> areas.areaOf(r.getAs(AnalystView.INDICATOR_ID)).equals(area)).toList();
                    if (!inArea.isEmpty()) {
                        XlsxBook.SheetWriter sheet = book.sheet(area, names(columns));
                        inArea.forEach(r -> sheet.row(columns, r));
                    }
                }
                describe(book, columns, notes);
                book.write(out);
            }
        });
        return new Written(file, rows.size());
    }

    private static ColumnDef describe(String column) {
        return ExportColumns.analystView().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow();
    }

    private static void describe(XlsxBook book, List<ColumnDef> columns, ExportNotes notes) {
        List<List<String>> descriptions = ExportColumns.descriptions(columns);
        XlsxBook.SheetWriter sheet = book.sheet("columns", descriptions.get(0));
        descriptions.subList(1, descriptions.size()).forEach(sheet::text);
        XlsxBook.SheetWriter notesSheet = book.sheet("notes", List.of("note", "detail"));
        notes.lines().stream().filter(l -> !l.equals(List.of(notes.level().notice()))).forEach(notesSheet::text);
    }

    private static List<String> names(List<ColumnDef> columns) {
        return columns.stream().map(ColumnDef::name).toList();
    }

    /** A file written and its rows (-1 when not counted). */
    private record Written(Path file, long rows) {
    }

    @FunctionalInterface
    private interface Step {
        Written run() throws IOException;
    }

    private static Path timed(Consumer<String> progress, Step step) {
        long start = System.nanoTime();
        Written written;
        try {
            written = step.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        progress.accept(String.format(Locale.ROOT, "Wrote %s%s (%.1f s)", written.file(),
                written.rows() < 0 ? "" : String.format(Locale.ROOT, ": %,d rows", written.rows()),
                (System.nanoTime() - start) / 1e9));
        return written.file();
    }

}
