package org.csbench.cli;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.TestCli;
import org.csbench.TestCli.Outcome;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.LoadJob;
import org.csbench.model.Columns;

/** {@code csbench run --keep-going}, all-or-nothing without it, and every missing file named in one error. */
class RunKeepGoingTest {
    private static final String HEADER = "time_period,geographic_level,old_la_code,la_name,referral_count\n";
    private static final String SPEC = """
            name: t
            sources:
              - id: referrals
                format: ees
                file: referrals.csv
                measures:
                  - { column: referral_count, indicator: referrals, unit: count }
              - id: codes
                format: table
                file: codes.csv
                target: reference.code
                columns:
                  - { name: code, type: int, required: true }
              - id: broken
                format: ees
                file: broken.csv
                measures:
                  - { column: referral_count, indicator: referrals_broken, unit: count }
            """;

    @Test
    void oneBadSourceFailsTheRunUnlessKeepGoingLoadsTheOthersAndTheNextRunRetriesIt() throws IOException {
        Path dir = SparkTestSession.newTempDir("keep-going");
        Path data = Files.createDirectories(dir.resolve("data"));
        Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Files.writeString(data.resolve("referrals.csv"), HEADER + "2025,Local authority,352,Manchester,6342\n");
        Files.writeString(data.resolve("codes.csv"), "code\n352\n");
        Files.writeString(data.resolve("broken.csv"), "time_period,level,referral_count\n2025,National,1\n");
        String warehouse = dir.resolve("warehouse").toString();

        Outcome allOrNothing = TestCli.csbench("--warehouse", warehouse, "run", spec.toString(),
                "--data-dir", data.toString());
        assertEquals(Csbench.USER_ERROR, allOrNothing.exitCode(), allOrNothing.err());
        assertTrue(allOrNothing.errorLine().startsWith("csbench: " + data.resolve("broken.csv")
                + ": line 1 (header): expected column(s) geographic_level"), allOrNothing.errorLine());
        Warehouse tables = new Warehouse(SparkTestSession.get(), warehouse);
        assertEquals(List.of(), tables.tables(), "nothing written");

        Outcome keptGoing = TestCli.csbench("--warehouse", warehouse, "run", spec.toString(),
                "--data-dir", data.toString(), "--keep-going");
        assertEquals(RunCommand.SOURCES_FAILED, keptGoing.exitCode(), keptGoing.err());
        assertTrue(keptGoing.out().matches("(?s).*\\nbroken\\s+failed\\s+0\\s.*"), keptGoing.out());
        assertTrue(keptGoing.out().contains("\nFAILED broken (not loaded; the next run tries it again): "
                + data.resolve("broken.csv") + ": line 1 (header): expected column(s) geographic_level"),
                keptGoing.out());
        assertEquals("csbench: 1 of 3 sources failed and were not loaded (--keep-going): broken; the rest loaded",
                keptGoing.errorLine());
        assertRowsEqualIgnoringOrder(List.of(row("referrals", 6342.0)),
                tables.read(LoadJob.OBSERVATION).select(Columns.INDICATOR_ID, Columns.VALUE), 1e-9);
        assertEquals(1, tables.read("reference.code").count());
        List<Row> audit = tables.read(LoadJob.LOAD_AUDIT).orderBy(Columns.SOURCE_ID)
                .select(Columns.SOURCE_ID, "outcome", "rows_read", "reason").collectAsList();
        assertEquals(List.of("broken", "failed", 0L), List.of(audit.get(0).get(0), audit.get(0).get(1), audit.get(0).get(2)));
        assertTrue(audit.get(0).getString(3).startsWith(data.resolve("broken.csv") + ": line 1 (header): expected"),
                audit.get(0).getString(3));
        assertEquals(List.of("codes", "loaded"), List.of(audit.get(1).get(0), audit.get(1).get(1)));
        assertEquals(List.of("referrals", "loaded", 1L), List.of(audit.get(2).get(0), audit.get(2).get(1),
                audit.get(2).get(2)));
        assertTrue(audit.get(2).isNullAt(3));

        // Fixed: the next run loads the failed file and leaves the loaded ones alone.
        Files.writeString(data.resolve("broken.csv"), HEADER + "2025,Local authority,352,Manchester,7\n");
        Outcome retried = TestCli.csbench("--warehouse", warehouse, "run", spec.toString(),
                "--data-dir", data.toString(), "--keep-going");
        assertEquals(0, retried.exitCode(), retried.err());
        assertTrue(retried.out().matches("(?s).*\\nbroken\\s+loaded\\s+1\\s+1\\s.*"), retried.out());
        assertTrue(retried.out().matches("(?s).*\\nreferrals\\s+unchanged\\s.*"), retried.out());
        assertRowsEqualIgnoringOrder(List.of(row("referrals", 6342.0), row("referrals_broken", 7.0)),
                tables.read(LoadJob.OBSERVATION).select(Columns.INDICATOR_ID, Columns.VALUE), 1e-9);
    }

    @Test
    void everyMissingFileIsNamedInOneErrorWithTheFoldersLookedIn() throws IOException {
        Path dir = SparkTestSession.newTempDir("missing");
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Files.writeString(second.resolve("codes.csv"), "code\n352\n");
        String warehouse = dir.resolve("warehouse").toString();

        Outcome missing = TestCli.csbench("--warehouse", warehouse, "run", spec.toString(),
                "--data-dir", first.toString(), "--data-dir", second.toString());
        assertEquals(Csbench.USER_ERROR, missing.exitCode(), missing.err());
        assertEquals("csbench: " + spec + ": 2 input file(s) not found: source 'referrals': referrals.csv (looked for "
                + first.resolve("referrals.csv") + ", " + second.resolve("referrals.csv") + "); source 'broken': "
                + "broken.csv (looked for " + first.resolve("broken.csv") + ", " + second.resolve("broken.csv")
                + "); check the 'file:' and 'path:' entries of the spec, or give the folder(s) holding them with "
                + "--data-dir", missing.errorLine());
        assertFalse(missing.err().contains("codes.csv"), missing.err());
        assertFalse(Files.exists(Path.of(warehouse, "reference")), "nothing written");
    }
}
