package org.csbench.cli;

import static org.apache.spark.sql.functions.col;
import static org.csbench.ReleaseSpecs.B1_2024;
import static org.csbench.ReleaseSpecs.B1_2025;
import static org.csbench.ReleaseSpecs.NEIGHBOURS;
import static org.csbench.ReleaseSpecs.POPULATION;
import static org.csbench.ReleaseSpecs.RELEASE_2024;
import static org.csbench.ReleaseSpecs.RELEASE_2025;
import static org.csbench.ReleaseSpecs.b1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.csbench.TestCli.csbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.GoldTables;
import org.csbench.ReleaseSpecs;
import org.csbench.SparkTestSession;
import org.csbench.TestCli.Outcome;
import org.csbench.config.SpecLoader;
import org.csbench.delta.RunLog;
import org.csbench.delta.Warehouse;
import org.csbench.job.PipelineJob;
import org.csbench.metrics.IndicatorValues;
import org.csbench.metrics.MetricsJob;
import org.csbench.model.Columns;
import org.csbench.publish.export.Exporter;

/**
 * The 2024 release of DfE table B1 loaded, exported, then the 2025 release: the revision fact and
 * {@code csbench revisions} report Manchester's 2024 rate revised by the population, and {@code export --as-of} the
 * first run reproduces the first export byte for byte.
 */
class RevisionTest {

    private static byte[] export(String warehouse, Path out, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--warehouse", warehouse, "export", "--format", "csv",
                "--la", "352", "--out", out.toString()));
        args.addAll(List.of(extra));
        Outcome export = csbench(args.toArray(String[]::new));
        assertEquals(0, export.exitCode(), export.err());
        return Files.readAllBytes(out.resolve(Exporter.BASE_NAME + ".csv"));
    }

    /** Every file {@code csbench report --la 352} writes, by name, with the day it was made masked. */
    private static Map<String, String> report(String warehouse, Path out, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--warehouse", warehouse, "report", "--la", "352",
                "--out", out.toString()));
        args.addAll(List.of(extra));
        Outcome report = csbench(args.toArray(String[]::new));
        assertEquals(0, report.exitCode(), report.err());
        Map<String, String> pages = new java.util.TreeMap<>();
        try (var files = Files.list(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                pages.put(file.getFileName().toString(), Files.readString(file)
                        .replaceAll("Made by csbench on [^<]*? from", "Made by csbench on DAY from"));
            }
        }
        return pages;
    }

    @Test
    void aLaterReleaseRevisesManchestersRateAndAnEarlierRunCanBeExportedAsPublished() throws IOException {
        String warehouse = SparkTestSession.newTempDir("revisions").resolve("warehouse").toString();
        String firstSpec = ReleaseSpecs.file(true, b1("cin_b1", B1_2024, RELEASE_2024), POPULATION, NEIGHBOURS)
                .toString();
        Path secondSpec = ReleaseSpecs.file(true, b1("cin_b1", B1_2025, RELEASE_2025), POPULATION, NEIGHBOURS);
        Outcome first = csbench("--warehouse", warehouse, "run", firstSpec);
        assertEquals(0, first.exitCode(), first.err());
        Warehouse live = new Warehouse(SparkTestSession.get(), warehouse);
        String firstRun = RunLog.lastComplete(live).orElseThrow().runId();

        // As the 2024 release alone gives it: published 431.5, computed with today's population 428.5, unexplained
        // (authorities' counts are exact).
        Row rate = MetricsJob.values(live.published()).filter(col(Columns.INDICATOR_ID).equalTo("cin_rate")
                .and(col(Columns.OLD_LA_CODE).equalTo("352")).and(col(Columns.YEAR).equalTo(2024))).first();
        assertEquals(431.5, rate.<Double>getAs(IndicatorValues.PUBLISHED_VALUE));
        assertEquals(428.5, rate.<Double>getAs(Columns.VALUE));
        assertEquals("unexplained", rate.getAs(IndicatorValues.PUBLISHED_CHECK));
        byte[] before = export(warehouse, SparkTestSession.newTempDir("export-before"));
        Map<String, String> reportBefore = report(warehouse, SparkTestSession.newTempDir("report-before"));

        Outcome second = csbench("--warehouse", warehouse, "run", secondSpec.toString());
        assertEquals(0, second.exitCode(), second.err());
        // The second run refreshed the years the release publishes; the same observations rebuilt whole publish the
        // same star, row for row, revisions included.
        assertTrue(second.err().contains("refresh: incremental: "), second.err());
        Warehouse rebuilt = SparkTestSession.copyOf(live, "revisions-rebuilt");
        List<String> rebuilding = new java.util.ArrayList<>();
        new PipelineJob(rebuilt, rebuilding::add).rebuildingWhole().run(SpecLoader.load(secondSpec, null));
        assertTrue(rebuilding.contains("refresh: full rebuild: asked for (--full-rebuild)"), rebuilding.toString());
        assertEquals(List.of(), GoldTables.differences(live, rebuilt));

        // Manchester 2024: 5,600 children in need at 31 March in both releases (no revision of the count); the rate
        // 431.5 as published in 2024, 428.5 from the 2025 release (5,600 / 130,700 * 10,000 = 428.46): -3.0, a
        // population revision.
        List<Row> manchester = RevisionsCommand.table(live.published(), "2024", "2025", "352").collectAsList();
        List<Row> rate2024 = manchester.stream().filter(r -> r.getString(0).equals("cin_rate")
                && r.getString(3).equals("2024")).toList();
        assertEquals(1, rate2024.size(), manchester.toString());
        Row revised = rate2024.get(0);
        assertEquals(431.5, revised.getDouble(6));
        assertEquals(428.5, revised.getDouble(7));
        assertEquals(-3.0, revised.getDouble(8), 1e-9);
        assertEquals("population_revised", revised.getString(9));
        assertTrue(manchester.stream().noneMatch(r -> r.getString(0).equals("cin_at_31_march")), manchester.toString());

        Outcome listed = csbench("--warehouse", warehouse, "revisions", "--from", "2024", "--to", "2025", "--la", "352");
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().matches("(?s).*\\ncin_rate\\s+352\\s+Manchester\\s+2024\\s+2024\\s+2025\\s+431\\.5\\s+"
                + "428\\.5\\s+-3\\.0\\s+population_revised\\n.*"), listed.out());

        // As published by the first run, by its id and by its release: the same bytes as the export made then.
        byte[] now = export(warehouse, SparkTestSession.newTempDir("export-now"));
        assertFalse(java.util.Arrays.equals(before, now), "the second release changes the export");
        assertArrayEquals(before, export(warehouse, SparkTestSession.newTempDir("export-as-of-run"), "--as-of", firstRun));
        assertArrayEquals(before, export(warehouse, SparkTestSession.newTempDir("export-as-of-release"), "--as-of", "2024"));
        // The benchmarking pack too: as published by the first run, the pages shown then.
        Map<String, String> reportNow = report(warehouse, SparkTestSession.newTempDir("report-now"));
        assertEquals(reportBefore.keySet(), reportNow.keySet());
        assertNotEquals(reportBefore, reportNow, "the second release changes Manchester's page");
        assertEquals(reportBefore, report(warehouse, SparkTestSession.newTempDir("report-as-of-run"), "--as-of",
                firstRun));
        Outcome unknown = csbench("--warehouse", warehouse, "export", "--out",
                SparkTestSession.newTempDir("export-unknown").toString(), "--as-of", "1999");
        assertEquals(Csbench.USER_ERROR, unknown.exitCode());
        assertTrue(unknown.err().contains("--as-of '1999': no run with that id"), unknown.err());
    }
}
