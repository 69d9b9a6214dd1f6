package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import scala.jdk.javaapi.CollectionConverters;

import org.csbench.SparkTestSession;
import org.csbench.config.PipelineSpec;
import org.csbench.config.SpecLoader;
import org.csbench.delta.RunLog;
import org.csbench.delta.Warehouse;
import org.csbench.model.Columns;
import org.csbench.model.CsbenchException;

/** New releases, failed runs and rollback, on small files made here. */
class LoadJobFailureTest {
    private static final String HEADER = "time_period,geographic_level,old_la_code,la_name,referral_count\n";
    private static final String REFERRALS_SPEC = """
            name: t
            data_dir: .
            sources:
              - id: referrals
                format: ees
                file: referrals.csv
                %s
                measures:
                  - { column: referral_count, indicator: referrals, unit: count }
            """;

    @Test
    void aNewReleaseIsANewVintageAndKeepsTheOldValues() throws IOException {
        Path dir = SparkTestSession.newTempDir("vintage");
        Warehouse warehouse = SparkTestSession.newWarehouse("vintage");
        PipelineSpec spec = spec(dir, REFERRALS_SPEC.formatted(""));
        write(dir, "referrals.csv", HEADER + "2024,Local authority,352,Manchester,6525\n"
                + "2025,Local authority,352,Manchester,6300\n");
        run(warehouse, spec);
        write(dir, "referrals.csv", HEADER + "2025,Local authority,352,Manchester,6342\n"
                + "2026,Local authority,352,Manchester,6100\n");
        LoadJob.Result second = run(warehouse, spec);
        assertEquals("loaded", second.sources().get(0).outcome());

        assertRowsEqualIgnoringOrder(List.of(
                row(2024, 6525.0, true),
                row(2025, 6300.0, false),
                row(2025, 6342.0, true),
                row(2026, 6100.0, true)),
                warehouse.read(LoadJob.OBSERVATION).select(Columns.YEAR, Columns.VALUE, Columns.IS_CURRENT), 1e-9);
        assertEquals(2, warehouse.read(LoadJob.LOAD_AUDIT).select(Columns.VINTAGE).distinct().count());
    }

    @Test
    void reusingAReleaseLabelForDifferentBytesIsRefused() throws IOException {
        Path dir = SparkTestSession.newTempDir("clash");
        Warehouse warehouse = SparkTestSession.newWarehouse("clash");
        PipelineSpec spec = spec(dir, REFERRALS_SPEC.formatted("release: \"2025\""));
        write(dir, "referrals.csv", HEADER + "2025,Local authority,352,Manchester,6342\n");
        run(warehouse, spec);
        Map<String, Long> before = versions(warehouse);
        write(dir, "referrals.csv", HEADER + "2025,Local authority,352,Manchester,6343\n");
        CsbenchException e = assertThrows(CsbenchException.class, () -> run(warehouse, spec));
        assertTrue(e.getMessage().startsWith("source 'referrals': release '2025' was already loaded from a different file"),
                e.getMessage());
        assertEquals(before, versions(warehouse));
    }

    @Test
    void aFileThatCannotBeReadFailsTheRunAndNoTableChanges() throws IOException {
        Path dir = SparkTestSession.newTempDir("fail");
        Warehouse warehouse = SparkTestSession.newWarehouse("fail");
        String twoSources = REFERRALS_SPEC.formatted("") + """
                  - id: second
                    format: ees
                    file: second.csv
                    measures:
                      - { column: referral_count, indicator: referrals_second, unit: count }
                """;
        PipelineSpec spec = spec(dir, twoSources);
        write(dir, "referrals.csv", HEADER + "2025,Local authority,352,Manchester,6342\n");
        write(dir, "second.csv", HEADER + "2025,Local authority,353,Oldham,2000\n");
        run(warehouse, spec);
        Map<String, Long> before = versions(warehouse);
        // The first source changed and would load; the second is broken in turn in four ways.
        write(dir, "referrals.csv", HEADER + "2025,Local authority,352,Manchester,6400\n");
        Path second = dir.resolve("second.csv");

        Files.delete(second);
        assertFails(warehouse, spec, second + ": file not found");
        write(dir, "second.csv", "time_period,level,la,referral_count\n2025,National,,1\n");
        assertFails(warehouse, spec, second + ": line 1 (header): expected column(s) geographic_level, not found");
        Files.write(second, (HEADER + "2025,Local authority,353,Oldham,2000\n2025,Local authority,354,R\u00f6chdale,1\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertFails(warehouse, spec, second + ": line 3 is not valid UTF-8");
        write(dir, "second.csv", "");
        assertFails(warehouse, spec, second + ": the file is empty");

        assertEquals(before, versions(warehouse));
        assertRowsEqualIgnoringOrder(List.of(row(6342.0)),
                warehouse.read(LoadJob.OBSERVATION).filter(col(Columns.OLD_LA_CODE).equalTo("352"))
                        .select(Columns.VALUE), 1e-9);
    }

    @Test
    void whenFilesAreReadTwoAtATimeTheFirstBrokenFileInTheSpecIsTheOneReported() throws IOException {
        Path dir = SparkTestSession.newTempDir("first-broken");
        Warehouse warehouse = SparkTestSession.newWarehouse("first-broken");
        StringBuilder yaml = new StringBuilder("name: t\ndata_dir: .\nsources:\n");
        for (String id : List.of("a", "b", "c", "d")) {
            yaml.append("  - id: ").append(id).append("\n    format: ees\n    file: ").append(id).append(".csv\n")
                    .append("    measures:\n      - { column: referral_count, indicator: referrals_").append(id)
                    .append(", unit: count }\n");
            write(dir, id + ".csv", HEADER + "2025,Local authority,352,Manchester,6342\n");
        }
        // b's header is broken, and d is not UTF-8: b is reported, whichever of the two was found first.
        write(dir, "b.csv", "time_period,level,la,referral_count\n2025,National,,1\n");
        Files.write(dir.resolve("d.csv"), (HEADER + "2025,Local authority,354,R\u00f6chdale,1\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Set<Object> cachedBefore = Set.copyOf(CollectionConverters.asJava(SparkTestSession.get().sparkContext()
                .getPersistentRDDs()).keySet());
        assertFails(warehouse, spec(dir, yaml.toString()), dir.resolve("b.csv")
                + ": line 1 (header): expected column(s) geographic_level, not found");
        assertEquals(List.of(), warehouse.tables(), "nothing written");
        StringBuilder leaked = new StringBuilder();
        CollectionConverters.asJava(SparkTestSession.get().sparkContext().getPersistentRDDs()).forEach((id, rdd) -> {
            if (!cachedBefore.contains(id)) {
                leaked.append(rdd.toDebugString()).append('\n');
            }
        });
        assertEquals("", leaked.toString(), "what was cached for the files read is released");
    }

    @Test
    void aFailureWhileWritingRestoresEveryTable() throws IOException {
        Path dir = SparkTestSession.newTempDir("rollback");
        Warehouse warehouse = SparkTestSession.newWarehouse("rollback");
        String table = """
                name: t
                data_dir: .
                sources:
                  - id: codes
                    format: table
                    file: codes.csv
                    target: reference.code
                    columns:
                      - { name: code, type: %s, required: true }
                """;
        write(dir, "codes.csv", "code\n352\n353\n");
        run(warehouse, spec(dir, table.formatted("int")));
        long bronzeRows = warehouse.read("bronze.codes").count();
        Map<String, Long> before = versions(warehouse);

        // Same source, new file, but the column now typed as text: bronze is appended, then the reference
        // table refuses the type change and the run must undo the bronze append.
        write(dir, "codes.csv", "code\n352\n353\n354\n");
        CsbenchException e = assertThrows(CsbenchException.class,
                () -> run(warehouse, spec(dir, table.formatted("string"))));
        assertTrue(e.getMessage().startsWith("writing reference.code failed"), e.getMessage());
        assertTrue(e.getMessage().endsWith("every table was restored to the versions the last complete run ("
                + RunLog.lastComplete(warehouse).orElseThrow().runId() + ") left"), e.getMessage());

        assertEquals(bronzeRows, warehouse.read("bronze.codes").count());
        assertEquals(before.keySet(), versions(warehouse).keySet());
        assertEquals("RESTORE", warehouse.history("bronze.codes").first().getString(2));
        assertFalse(warehouse.exists("audit.quarantine"));
        assertEquals(1, warehouse.read(LoadJob.LOAD_AUDIT).count());
    }

    private static void assertFails(Warehouse warehouse, PipelineSpec spec, String messageStart) {
        CsbenchException e = assertThrows(CsbenchException.class, () -> run(warehouse, spec));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }

    private static LoadJob.Result run(Warehouse warehouse, PipelineSpec spec) {
        return new LoadJob(warehouse, message -> { }).run(spec);
    }

    private static PipelineSpec spec(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("spec" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        return SpecLoader.load(file, null);
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private static Map<String, Long> versions(Warehouse warehouse) {
        Map<String, Long> versions = new HashMap<>();
        for (String t : warehouse.tables()) {
            versions.put(t, warehouse.version(t).orElseThrow());
        }
        return versions;
    }
}
