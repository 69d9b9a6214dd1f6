package org.csbench.publish.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.publish.OutputFolder;
import org.csbench.SparkTestSession;
import org.csbench.TestCli;
import org.csbench.cli.Csbench;
import org.csbench.publish.AnalystView;

/**
 * A warehouse built by the pipeline from a crafted scorecard: an indicator named {@code =HYPERLINK("http://x","y")}
 * and an authority named {@code ../../evil}. Its exports neutralise the formula and keep every file inside --out.
 */
class CraftedExportTest {
    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    private static Path root;
    private static String warehouse;

    @BeforeAll
    static void buildTheCraftedWarehouse() throws Exception {
        root = SparkTestSession.newTempDir("crafted");
        Path spec = root.resolve("spec/crafted.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec.resolveSibling("crafted.csv"), """
                la_code,la_name,ref,month,value
                352,../../evil,X1,2024-07,3
                352,../../evil,X1,2024-08,30
                352,../../evil,X1,2024-09,-4
                """);
        Files.writeString(spec.resolveSibling("indicators.yaml"), """
                indicators:
                  - id: crafted_count
                    name: '%s'
                    description: '@SUM(1+1)'
                    unit: count
                    polarity: neutral
                    frequency: monthly
                    numerator: crafted_measure
                    decimals: 0
                """.formatted(FORMULA));
        Path data = Path.of("data-samples/dfe").toAbsolutePath();
        Files.writeString(spec, """
                name: crafted
                data_dir: %s
                catalogue: indicators.yaml
                sources:
                  - id: population_ons
                    format: ees
                    file: ons_mid-year_population_estimates_2012_to_2024.csv
                    period: { type: mid_year, end: "06-30" }
                    measures:
                      - { column: population_estimate, indicator: population_0_17, unit: count }
                  - id: sn_model_2025
                    format: sn_wide
                    file: sn_model_2025_wide.csv
                    model: "2025"
                    valid_from: 2025
                    la_code_column: [old_la_code, LA num]
                    la_name_column: [la_name, LA Name]
                  - id: la_code_change
                    format: table
                    path: %s
                    target: reference.la_code_change
                    columns:
                      - { name: effective_year, type: int, required: true }
                      - { name: change_type, type: string, required: true }
                      - { name: from_old_la_code, type: string, required: true }
                      - { name: from_new_la_code, type: string, required: true }
                      - { name: from_la_name, type: string }
                      - { name: to_old_la_code, type: string, required: true }
                      - { name: to_new_la_code, type: string, required: true }
                      - { name: to_la_name, type: string }
                      - { name: note, type: string }
                  - id: crafted
                    format: scorecard_long
                    path: crafted.csv
                    measures:
                      - { ref: X1, indicator: crafted_measure, unit: count }
                """.formatted(data, Path.of("pipelines/reference/la_code_changes.csv").toAbsolutePath()));
        warehouse = root.resolve("warehouse").toString();
        TestCli.Outcome run = TestCli.csbench("--warehouse", warehouse, "run", spec.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    private static int export(Path out, StringWriter err, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("--warehouse", warehouse, "export", "--out",
                out.toString()));
        args.addAll(List.of(options));
        return Csbench.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
    }

    private static List<Path> filesUnder(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void formulasAreNeutralisedAndNothingLandsOutsideOut() throws Exception {
        List<Path> before = filesUnder(root);
        Path out = root.resolve("exports/out");
        StringWriter err = new StringWriter();
        assertEquals(0, export(out, err, "--format", "csv", "--la", "352"), err.toString());
        assertEquals(0, export(out, err, "--format", "xlsx", "--la", "352", "--disclosure", "internal"),
                err.toString());
        List<Path> after = new java.util.ArrayList<>(filesUnder(root));
        after.removeAll(before);
        Path realOut = out.toRealPath();
        assertTrue(after.stream().allMatch(p -> p.toAbsolutePath().startsWith(realOut) || p.startsWith(out)),
                "written: " + after);
        assertEquals(List.of("benchmarks_352_evil.xlsx", "benchmarks_352_evil_INTERNAL-exact-values.xlsx",
                "csbench_analyst_view.csv", "csbench_analyst_view_INTERNAL-exact-values.xlsx",
                "csbench_analyst_view_columns.csv", "csbench_analyst_view_notes.csv"),
                after.stream().map(p -> p.getFileName().toString()).sorted().toList());

        List<List<String>> rows = ExportTest.readCsv(out.resolve("csbench_analyst_view.csv"));
        Map<String, String> first = null;
        Map<String, String> last = null;
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> cells = ExportTest.byColumn(rows.get(0), row);
            if (cells.get(AnalystView.TIME_PERIOD).equals("2024-07")) {
                first = cells;
            } else if (cells.get(AnalystView.TIME_PERIOD).equals("2024-09")) {
                last = cells;
            }
        }
        assertEquals("'" + FORMULA, first.get(AnalystView.INDICATOR_NAME));
        assertEquals("../../evil", first.get(AnalystView.AREA_NAME));
        assertEquals("c", first.get(AnalystView.VALUE), "a count of 3 is suppressed in a public export");
        assertEquals(null, last, "a negative count is quarantined at load, so it is not exported: " + last);

        try (InputStream in = Files.newInputStream(out.resolve("csbench_analyst_view_INTERNAL-exact-values.xlsx"));
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet data = book.getSheet("data");
            List<String> header = new java.util.ArrayList<>();
            data.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
            Cell name = data.getRow(2).getCell(header.indexOf(AnalystView.INDICATOR_NAME));
            assertEquals(CellType.STRING, name.getCellType());
            assertEquals("'" + FORMULA, name.getStringCellValue());
            for (org.apache.poi.ss.usermodel.Row row : data) {
                for (Cell cell : row) {
                    assertTrue(cell.getCellType() != CellType.FORMULA, "no formula cells");
                }
            }
            Cell value = data.getRow(2).getCell(header.indexOf(AnalystView.VALUE));
            assertEquals(CellType.NUMERIC, value.getCellType());
            assertEquals(3.0, value.getNumericCellValue(), 1e-9, "internal: the exact count");
        }
    }

    @Test
    void aCodeThatWouldMakeAPathIsRefused() throws Exception {
        Path out = root.resolve("refused");
        StringWriter err = new StringWriter();
        assertEquals(Csbench.USER_ERROR, export(out, err, "--la", "../../352"));
        assertEquals("csbench: Invalid --la '../../352': expected an authority's DfE number, e.g. 352 (letters and "
                + "digits only)", err.toString().trim());
        assertTrue(!Files.exists(out) || filesUnder(out).isEmpty());
        assertEquals("evil", OutputFolder.safeName("../../evil"));
        assertEquals("a_b_c", OutputFolder.safeName("a/b\\c"));
        assertEquals("x_y", OutputFolder.safeName("x\u0000\ny"));
        OutputFolder folder = OutputFolder.open(out);
        org.csbench.model.CsbenchException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.csbench.model.CsbenchException.class, () -> folder.file("../escape.csv"));
        assertTrue(refused.getMessage().startsWith("Refusing to write '../escape.csv'"), refused.getMessage());
    }
}
