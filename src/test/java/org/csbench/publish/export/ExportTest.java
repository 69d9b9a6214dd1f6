package org.csbench.publish.export;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SampleRun;
import org.csbench.SparkTestSession;
import org.csbench.cli.Csbench;
import org.csbench.contract.ColumnDef;
import org.csbench.publish.AnalystView;

/** {@code csbench export} of the sample run's warehouse in each format, read back as an analyst's tools would. */
class ExportTest {
    private static Path dir;
    private static String csvOut;
    private static String internalOut;
    private static String xlsxOut;

    static String export(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("--warehouse", SampleRun.path(), "export", "--out", out.toString()));
        args.addAll(List.of(options));
        StringWriter printed = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Csbench.execute(args.toArray(String[]::new), new PrintWriter(printed, true),
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return printed.toString();
    }

    @BeforeAll
    static void exportTheSample() {
        dir = SparkTestSession.newTempDir("export");
        csvOut = export(dir.resolve("csv"), "--format", "csv");
        xlsxOut = export(dir.resolve("xlsx"), "--format", "xlsx", "--la", "352", "--from", "2022", "--to", "2024-25");
        export(dir.resolve("parquet"), "--format", "parquet");
        internalOut = export(dir.resolve("internal"), "--format", "xlsx", "--la", "201", "--disclosure", "internal");
    }

    /** A CSV file's rows (the byte-order mark checked and removed). */
    static List<List<String>> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), file + " starts with a byte-order mark");
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(text.substring(1))) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    static Map<String, String> byColumn(List<String> header, List<String> row) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), i < row.size() ? row.get(i) : "");
        }
        return cells;
    }

    private static List<String> exportedNames() {
        return ExportColumns.analystView().stream().map(ColumnDef::name).toList();
    }

    @Test
    void csvHoldsTheAnalystViewWithItsColumnsAndNotes() throws IOException {
        List<List<String>> rows = readCsv(dir.resolve("csv/csbench_analyst_view.csv"));
        assertEquals(exportedNames(), rows.get(0));
        assertEquals(SampleRun.warehouse().read("gold.fact_indicator_value").count(), rows.size() - 1);
        Map<String, String> manchester = null;
        int smallCounts = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> cells = byColumn(rows.get(0), row);
            if (cells.get(AnalystView.AREA_CODE).equals("352") && cells.get(AnalystView.INDICATOR_ID).equals("cin_rate")
                    && cells.get(AnalystView.TIME_PERIOD).equals("2024")) {
                manchester = cells;
            }
            if (cells.get(AnalystView.LEVEL).equals("local_authority") && cells.get(AnalystView.UNIT).equals("count")
                    && cells.get(AnalystView.VALUE).matches("[1-5]")) {
                smallCounts++;
            }
        }
        // Manchester 2023-24: 5,600 children in need at 31 March / 130,700 children = 428.5 per 10,000.
        assertEquals("428.5", manchester.get(AnalystView.VALUE));
        assertEquals("5600", manchester.get(AnalystView.NUMERATOR));
        assertEquals("130700", manchester.get(AnalystView.DENOMINATOR));
        assertEquals("Manchester", manchester.get(AnalystView.AREA_NAME));
        assertEquals("Children in need per 10,000 children", manchester.get(AnalystView.INDICATOR_NAME));
        assertEquals("2023-24", manchester.get(AnalystView.PERIOD_LABEL));
        assertEquals("available", manchester.get(AnalystView.STATUS));
        assertEquals(0, smallCounts);
        assertTrue(rows.stream().anyMatch(r -> r.contains("c")), "suppressed cells are shown as c");
        // Negative gaps stay numbers: no quote in front.
        assertTrue(rows.stream().anyMatch(r -> byColumn(rows.get(0), r).get(AnalystView.GAP_TO_SN).matches("-\\d.*")));
        List<List<String>> columns = readCsv(dir.resolve("csv/csbench_analyst_view_columns.csv"));
        assertEquals(exportedNames(), columns.subList(1, columns.size()).stream().map(r -> r.get(0)).toList());
        assertEquals(AnalystView.column(AnalystView.VALUE).description(), columns.stream()
                .filter(r -> r.get(0).equals(AnalystView.VALUE)).findFirst().orElseThrow().get(3));
        List<List<String>> notes = readCsv(dir.resolve("csv/csbench_analyst_view_notes.csv"));
        assertTrue(notes.stream().anyMatch(r -> r.get(0).equals("cin_b1") && r.get(1).startsWith("b1_children")),
                "the notes name each source file and its vintage");
        assertTrue(csvOut.contains("Wrote " + dir.resolve("csv").toRealPath().resolve("csbench_analyst_view.csv")),
                csvOut);
        assertTrue(xlsxOut.contains("benchmarks_352_Manchester.xlsx"), xlsxOut);
    }

    @Test
    void xlsxHasRealNumbersWithTheIndicatorsDecimalsAndAFrozenHeader() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("xlsx/csbench_analyst_view.xlsx"));
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet data = book.getSheet("data");
            assertEquals(1, data.getPaneInformation().getHorizontalSplitTopRow());
            List<String> header = new ArrayList<>();
            data.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertEquals(exportedNames(), header);
            int value = header.indexOf(AnalystView.VALUE);
            boolean found = false;
            for (org.apache.poi.ss.usermodel.Row row : data) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String code = row.getCell(header.indexOf(AnalystView.AREA_CODE)).getStringCellValue();
                String indicator = row.getCell(header.indexOf(AnalystView.INDICATOR_ID)).getStringCellValue();
                String period = row.getCell(header.indexOf(AnalystView.TIME_PERIOD)).getStringCellValue();
                assertTrue(period.compareTo("2021") >= 0, "--from 2022 keeps periods ending from April 2021: " + period);
                if (code.equals("352") && indicator.equals("cin_rate") && period.equals("2024")) {
                    Cell cell = row.getCell(value);
                    assertEquals(CellType.NUMERIC, cell.getCellType());
                    assertEquals(428.5, cell.getNumericCellValue(), 1e-9);
                    assertEquals("0.0", cell.getCellStyle().getDataFormatString());
                    found = true;
                }
            }
            assertTrue(found);
            assertTrue(book.getSheet("columns") != null && book.getSheet("notes") != null);
        }
        try (InputStream in = Files.newInputStream(dir.resolve("xlsx/benchmarks_352_Manchester.xlsx"));
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet cin = book.getSheet("Children in need");
            List<String> header = new ArrayList<>();
            cin.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertEquals(org.csbench.publish.export.Exporter.WORKBOOK_COLUMNS, header);
            boolean found = false;
            for (org.apache.poi.ss.usermodel.Row row : cin) {
                if (row.getRowNum() > 0 && row.getCell(header.indexOf(AnalystView.INDICATOR_ID)).getStringCellValue()
                        .equals("cin_rate") && row.getCell(header.indexOf(AnalystView.PERIOD_LABEL))
                        .getStringCellValue().equals("2023-24")) {
                    assertEquals(428.5, row.getCell(header.indexOf(AnalystView.VALUE)).getNumericCellValue(), 1e-9);
                    assertEquals(CellType.NUMERIC, row.getCell(header.indexOf(AnalystView.SN_AVERAGE)).getCellType());
                    assertEquals(CellType.NUMERIC, row.getCell(header.indexOf(AnalystView.ENGLAND_VALUE)).getCellType());
                    found = true;
                }
            }
            assertTrue(found);
            for (String sheet : List.of("Front door and referrals", "Child protection", "Children looked after",
                    "Workforce", "columns", "notes")) {
                assertTrue(book.getSheet(sheet) != null, sheet);
            }
        }
    }

    @Test
    void parquetReadsBackWithTheSameColumnsAndFigures() {
        Path folder = dir.resolve("parquet/csbench_analyst_view.parquet");
        org.apache.spark.sql.Dataset<Row> rows = SparkTestSession.get().read().parquet(folder.toString());
        assertEquals(exportedNames(), List.of(rows.columns()));
        Row manchester = rows.filter(col(AnalystView.AREA_CODE).equalTo("352")
                .and(col(AnalystView.INDICATOR_ID).equalTo("cin_rate")).and(col(AnalystView.TIME_PERIOD).equalTo("2024")))
                .first();
        assertEquals(428.5, (double) manchester.getAs(AnalystView.VALUE), 1e-9);
        assertTrue(Files.exists(dir.resolve("parquet/csbench_analyst_view_columns.csv")));
    }

    @Test
    void internalExportsSayItInEveryFileNameAndSheet() throws IOException {
        try (var files = Files.list(dir.resolve("internal"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("benchmarks_201_City.of.London_INTERNAL-exact-values.xlsx".replace(".of.", "_of_"),
                    "csbench_analyst_view_INTERNAL-exact-values.xlsx"), names);
        }
        for (String file : List.of("csbench_analyst_view_INTERNAL-exact-values.xlsx",
                "benchmarks_201_City_of_London_INTERNAL-exact-values.xlsx")) {
            try (InputStream in = Files.newInputStream(dir.resolve("internal").resolve(file));
                    XSSFWorkbook book = new XSSFWorkbook(in)) {
                for (Sheet sheet : book) {
                    assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().startsWith("INTERNAL"),
                            file + " " + sheet.getSheetName());
                    assertEquals(2, sheet.getPaneInformation().getHorizontalSplitTopRow());
                }
            }
        }
        assertTrue(internalOut.contains("Export (internal)"), internalOut);
    }
}
