package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SampleRun;
import org.csbench.SparkTestSession;
import org.csbench.TestWarehouses;
import org.csbench.config.PipelineSpec;
import org.csbench.config.SourceFormat;
import org.csbench.config.SourceSpec;
import org.csbench.delta.RunLog;
import org.csbench.delta.Warehouse;
import org.csbench.model.Columns;

/** The annual pipeline over the full published DfE files in data-samples/published/dfe. */
class LoadJobPublishedDataTest {
    private static Warehouse warehouse;
    private static PipelineSpec spec;

    @BeforeAll
    static void loadEverything() {
        warehouse = TestWarehouses.publishedDfe();
        spec = TestWarehouses.publishedDfeSpec();
    }

    @Test
    void everyRowOfEveryFileIsLoadedOrQuarantined() throws IOException {
        Map<String, Row> audit = new HashMap<>();
        for (Row row : warehouse.read(LoadJob.LOAD_AUDIT).collectAsList()) {
            audit.put(row.getAs(Columns.SOURCE_ID), row);
        }
        Map<String, Long> quarantinedLines = new HashMap<>();
        for (Row row : warehouse.read(Quarantine.TABLE).groupBy(Columns.SOURCE_ID)
                .agg(org.apache.spark.sql.functions.countDistinct(Columns.LINE)).collectAsList()) {
            quarantinedLines.put(row.getString(0), row.getLong(1));
        }
        for (SourceSpec source : spec.sources()) {
            long dataLines;
            try (Stream<String> lines = Files.lines(Path.of(source.path()))) {
                dataLines = lines.count() - 1;
            }
            Row row = audit.get(source.id());
            long read = row.getAs("rows_read");
            long loaded = row.getAs("rows_loaded");
            long quarantined = row.getAs("rows_quarantined");
            assertEquals(dataLines, read, source.id() + " rows read");
            long ignored = row.getAs("rows_ignored");
            assertEquals(0, ignored, source.id() + " ignored: the bundled spec ignores nothing");
            assertEquals(read, loaded + ignored + quarantined, source.id() + " read = loaded + ignored + quarantined");
            assertEquals(quarantinedLines.getOrDefault(source.id(), 0L), quarantined, source.id() + " quarantine");
            assertEquals(read, warehouse.read(source.bronzeTable()).count(), source.id() + " bronze rows");
        }
        // Only the 2021 neighbour model's two blank rows and its "Old SNs:" label row are not data.
        assertEquals(3, quarantinedLines.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(3L, quarantinedLines.get("sn_model_2021"));
    }

    @Test
    void readingTwoFilesAtOnceLoadsWhatReadingOneAtATimeDoes() {
        Warehouse oneAtATime = SparkTestSession.newWarehouse("published-one-file-at-a-time");
        new LoadJob(oneAtATime, message -> { }).oneFileAtATime().run(spec);
        List<String> loaded = oneAtATime.tables().stream().filter(t -> !t.equals(RunLog.TABLE)).toList();
        assertTrue(warehouse.tables().containsAll(loaded), loaded.toString());
        // Everything but the run's id and times: the rows of every table the load writes, duplicates counted.
        Set<String> runColumns = Set.of(Columns.LOAD_ID, Columns.INGESTED_AT, Columns.LOAD_ID.substring(1),
                "loaded_at", "seconds");
        assertTrue(loaded.containsAll(List.of(LoadJob.OBSERVATION, Quarantine.TABLE, LoadJob.LOAD_AUDIT)),
                loaded.toString());
        for (String table : loaded) {
            Column[] columns = Stream.of(warehouse.read(table).columns()).filter(c -> !runColumns.contains(c))
                    .map(functions::col).toArray(Column[]::new);
            Dataset<Row> parallel = warehouse.read(table).select(columns);
            Dataset<Row> sequential = oneAtATime.read(table).select(columns);
            assertEquals(0, parallel.exceptAll(sequential).count(), table + ": rows only the parallel load wrote");
            assertEquals(0, sequential.exceptAll(parallel).count(), table + ": rows only one at a time wrote");
        }
    }

    @Test
    void theSampleRunNamesItsFilesInTheSpecsOrderWhicheverWasReadFirst() {
        Matcher numbered = Pattern.compile("\\[(\\d+)/12\\] ").matcher(
                SampleRun.output().err() + SampleRun.output().out());
        List<Integer> order = new ArrayList<>();
        while (numbered.find()) {
            order.add(Integer.parseInt(numbered.group(1)));
        }
        assertEquals(IntStream.rangeClosed(1, 12).boxed().toList(), order);
    }

    @Test
    void manchesterReferralsFor2025MatchThePublishedFile() {
        Dataset<Row> manchester = warehouse.read(LoadJob.OBSERVATION)
                .filter(col(Columns.OLD_LA_CODE).equalTo("352").and(col(Columns.YEAR).equalTo(2025))
                        .and(col(Columns.INDICATOR_ID).isin("referrals", "rereferrals", "rereferrals_pct")));
        assertRowsEqualIgnoringOrder(List.of(
                row("referrals", 6342.0, "available", "count", "E08000003", "E12000002", "2025"),
                row("rereferrals", 1164.0, "available", "count", "E08000003", "E12000002", "2025"),
                row("rereferrals_pct", 18.4, "available", "percent", "E08000003", "E12000002", "2025")),
                manchester.select(Columns.INDICATOR_ID, Columns.VALUE, Columns.STATUS, Columns.UNIT, Columns.NEW_LA_CODE,
                        Columns.REGION_CODE, Columns.TIME_PERIOD), 1e-9);
    }

    @Test
    void everyPublishedSymbolSurvivesAsAStatus() {
        Dataset<Row> observations = warehouse.read(LoadJob.OBSERVATION).cache();
        Map<String, Long> inSilver = new HashMap<>();
        for (Row row : observations.filter(col(Columns.VALUE).isNull().and(col(Columns.STATUS_SYMBOL).isNotNull()))
                .groupBy(Columns.INDICATOR_ID, Columns.STATUS_SYMBOL).count().collectAsList()) {
            inSilver.put(row.getString(0) + "/" + row.getString(1), row.getLong(2));
        }
        List<String> symbols = List.of("c", "x", "z", "k", "low", "u", ":");
        for (SourceSpec source : spec.sources()) {
            if (source.format() != SourceFormat.EES || source.id().equals("workforce_csww")
                    || source.id().equals("cla_numbers")) {
                continue; // joint returns (csww) and per-dimension measures (cla) are checked elsewhere
            }
            List<org.apache.spark.sql.Column> counts = new java.util.ArrayList<>();
            List<String> keys = new java.util.ArrayList<>();
            for (var measure : source.measures()) {
                String column = measure.columns().get(0).toLowerCase();
                for (String symbol : symbols) {
                    counts.add(org.apache.spark.sql.functions.count_if(lower(trim(col(column))).equalTo(symbol)));
                    keys.add(measure.indicator() + "/" + symbol);
                }
            }
            Row inFile = warehouse.read(source.bronzeTable())
                    .agg(counts.get(0), counts.subList(1, counts.size()).toArray(org.apache.spark.sql.Column[]::new))
                    .first();
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(inFile.getLong(i), inSilver.getOrDefault(keys.get(i), 0L), source.id() + " " + keys.get(i));
            }
        }
        // A spot check with numbers from the file: 94 'c' no-further-action counts in c1.
        assertEquals(94, observations.filter(col(Columns.INDICATOR_ID).equalTo("referrals_nfa")
                .and(col(Columns.STATUS).equalTo("suppressed"))).count());
        // CLA: 56 'z' counts (authorities outside their lifetime), each with a 'z' rate.
        assertEquals(56, observations.filter(col(Columns.INDICATOR_ID).isin("cla_at_31_march", "cla_started", "cla_ceased")
                .and(col(Columns.STATUS).equalTo("not_applicable"))).count());
        assertEquals(56, observations.filter(col(Columns.INDICATOR_ID).isin("cla_at_31_march_rate", "cla_started_rate",
                "cla_ceased_rate").and(col(Columns.STATUS).equalTo("not_applicable"))).count());
        observations.unpersist();
    }

    @Test
    void jointWorkforceReturnsBelongToBothAuthorities() {
        assertRowsEqualIgnoringOrder(List.of(
                row("940", "North Northamptonshire", 421.5, "940 / 941", java.sql.Date.valueOf("2025-09-30")),
                row("941", "West Northamptonshire", 421.5, "940 / 941", java.sql.Date.valueOf("2025-09-30"))),
                warehouse.read(LoadJob.OBSERVATION).filter(col(Columns.INDICATOR_ID).equalTo("sw_fte")
                        .and(col(Columns.YEAR).equalTo(2025)).and(col(Columns.OLD_LA_CODE).isin("940", "941")))
                        .select(Columns.OLD_LA_CODE, Columns.LA_NAME, Columns.VALUE, Columns.JOINT_RETURN_CODE,
                                Columns.PERIOD_END), 1e-9);
    }

    @Test
    void statisticalNeighboursAreLongWithRankAndTrimmedCloseness() {
        Dataset<Row> neighbours = warehouse.read(NeighbourTransform.TABLE);
        assertEquals(1530, neighbours.filter(col(NeighbourTransform.MODEL).equalTo("2025")).count());
        assertEquals(1560, neighbours.filter(col(NeighbourTransform.MODEL).equalTo("2021")).count());
        assertRowsEqualIgnoringOrder(List.of(
                row("2025", 2025, null, "320", "Close"),
                row("2021", 2013, 2024, "314", "Close")),
                neighbours.filter(col(Columns.OLD_LA_CODE).equalTo("302").and(col(NeighbourTransform.RANK).equalTo(1))
                        .and(col(NeighbourTransform.MODEL).equalTo("2025"))
                        .or(col(Columns.OLD_LA_CODE).equalTo("302").and(col(NeighbourTransform.RANK).equalTo(2))
                                .and(col(NeighbourTransform.MODEL).equalTo("2021"))))
                        .select(NeighbourTransform.MODEL, NeighbourTransform.VALID_FROM, NeighbourTransform.VALID_TO,
                                NeighbourTransform.NEIGHBOUR_CODE, NeighbourTransform.CLOSENESS), 0);
        // The pre-reorganisation rows below the 2021 file's "Old SNs:" label are kept.
        assertEquals(10, neighbours.filter(col(Columns.OLD_LA_CODE).equalTo("928")).count());
    }

    @Test
    void populationAndRegionReferenceTables() {
        Row manchester = warehouse.read(ReferenceTables.POPULATION)
                .filter(col(Columns.OLD_LA_CODE).equalTo("352").and(col(ReferenceTables.MID_YEAR).equalTo(2023)))
                .first();
        assertEquals(2024, (int) manchester.getAs(ReferenceTables.REPORTING_YEAR));
        assertTrue((double) manchester.getAs(ReferenceTables.POPULATION_COLUMN) > 100_000);
        Row camden = warehouse.read(ReferenceTables.REGION).filter(col(Columns.OLD_LA_CODE).equalTo("202")).first();
        assertEquals("E13000001", camden.getAs(Columns.REGION_CODE));
        assertEquals("E12000007", camden.getAs(ReferenceTables.PARENT_REGION_CODE));
        Row cumbria = warehouse.read(ReferenceTables.REGION).filter(col(Columns.OLD_LA_CODE).equalTo("909")).first();
        assertEquals(2013, (int) cumbria.getAs(ReferenceTables.FIRST_YEAR));
        assertEquals(2023, (int) cumbria.getAs(ReferenceTables.LAST_YEAR));
        assertEquals(11, warehouse.read("reference.la_code_change").count());
    }

    @Test
    void loadingTheSameFilesAgainChangesNothing() {
        Map<String, Long> before = versions();
        LoadJob.Result again = new LoadJob(warehouse, message -> { }).run(spec);
        assertTrue(again.sources().stream().allMatch(s -> s.outcome().equals("unchanged")), again.toString());
        assertTrue(again.tables().isEmpty());
        assertEquals(before, versions());
        assertEquals(spec.sources().size(), warehouse.read(LoadJob.LOAD_AUDIT).count());
    }

    private static Map<String, Long> versions() {
        Map<String, Long> versions = new HashMap<>();
        for (String table : warehouse.tables()) {
            versions.put(table, warehouse.version(table).orElseThrow());
        }
        return versions;
    }
}
