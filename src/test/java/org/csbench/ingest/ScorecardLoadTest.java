package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.config.PipelineSpec;
import org.csbench.config.SpecLoader;
import org.csbench.delta.Warehouse;
import org.csbench.model.Columns;
import org.csbench.model.CsbenchException;

/** Monthly scorecards: the council's published extract in all its mess, and the long form. */
class ScorecardLoadTest {
    private static Warehouse warehouse;
    private static LoadJob.Result result;

    @BeforeAll
    static void load() throws IOException {
        Path dir = SparkTestSession.newTempDir("scorecards");
        Path scorecard = SparkTestSession.publishedData().resolve("scorecards/monthly_scorecard_2023-09_as_extracted.tsv");
        Files.writeString(dir.resolve("long.csv"), """
                la_code,la_name,ref,month,value
                352,Manchester,CIN1,2023-04,"1,211"
                352,Manchester,CIN4,Apr-23,28.1%
                352,Manchester,CIN1,2023-05,Not Yet Available
                352,Manchester,CIN1,2023-06,
                352,Manchester,CIN1,2023-07,abc
                352,Manchester,CIN1,2023-13,5
                ,Manchester,CIN1,2023-08,5
                352,Manchester,CIN1,2023-04,7
                352,Manchester,CIN8,2023-04,c
                352,"Manchester, City",CIN4,Apr-23,5
                \s\s\s
                352,Manchester,CIN1
                """);
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
                name: scorecards
                sources:
                  - id: council_scorecard
                    format: scorecard_wide
                    path: %s
                    la_code: "000"
                    la_name: A Greater Manchester council
                    report_month: 2023-09
                    measures:
                      - { ref: CIN1, indicator: referrals, unit: count }
                      - { ref: Number of Times a Child was Reported Missing (No Month), indicator: missing_incidents, unit: count }
                  - id: long_form
                    format: scorecard_long
                    path: long.csv
                    measures:
                      - { ref: CIN1, indicator: referrals, unit: count }
                """.formatted(scorecard));
        PipelineSpec pipeline = SpecLoader.load(spec, null);
        warehouse = SparkTestSession.newWarehouse("scorecards");
        result = new LoadJob(warehouse, message -> { }).run(pipeline);
    }

    @Test
    void everyRowOfThePublishedScorecardIsLoadedOrQuarantinedWithItsReason() {
        LoadJob.SourceResult council = result.sources().get(0);
        assertEquals(82, council.rowsRead()); // 83 lines, the first the header
        assertEquals(council.rowsRead(), council.rowsLoaded() + council.rowsQuarantined());
        String missingRef = "missing Ref: the indicator cannot be identified; map its text in the source's measures";
        String misaligned = "the row has 16 fields for 17 columns: its target and comparator averages cannot be aligned";
        assertRowsEqualIgnoringOrder(List.of(
                row(40L, missingRef), row(42L, missingRef), row(43L, missingRef), row(45L, missingRef),
                row(47L, missingRef),
                row(44L, "not a scorecard reference like CIN4 (damaged in extraction?); map it in the source's measures"),
                row(51L, misaligned), row(52L, misaligned),
                row(53L, "a section label or a row without values")),
                warehouse.read(Quarantine.TABLE).filter(col(Columns.SOURCE_ID).equalTo("council_scorecard"))
                        .select(Columns.LINE, Columns.REASON), 0);
    }

    @Test
    void targetsComparatorsRagAndDirectionAreRead() {
        Dataset<Row> indicators = warehouse.read(ScorecardWideTransform.TABLE);
        assertRowsEqualIgnoringOrder(List.of(
                row("CIN4", 24.0, 28.0, "20-24%", 20.0, 24.0, 18.0, 20.0, 21.0, "G", "down", "percent"),
                row("CIN8", 84.0, 76.0, "85%", 85.0, 85.0, 83.0, 84.0, 81.0, "G", "unreadable", "percent"),
                row("FD2b", 93.0, null, null, null, null, null, null, null, "A", "down", "count"),
                row("CF30", 84.0, 92.0, "93%", 93.0, 93.0, 91.0, 93.0, 95.0, "A", "down", "percent"),
                row("CIN1", 281.0, 280.0, null, null, null, null, null, null, "A", "up", "count"),
                row("CF16", 26.0, 46.0, null, null, null, null, null, null, "G", null, "count")),
                indicators.filter(col(ScorecardLongTransform.REF).isin("CIN4", "CIN8", "FD2b", "CF30", "CIN1", "CF16"))
                        .select(col(ScorecardLongTransform.REF), col(ScorecardWideTransform.CURRENT_VALUE),
                                col(ScorecardWideTransform.PREVIOUS_YEAR_VALUE), col(ScorecardWideTransform.TARGET_TEXT),
                                col(ScorecardWideTransform.TARGET_LOW), col(ScorecardWideTransform.TARGET_HIGH),
                                col(ScorecardWideTransform.SN_AVERAGE), col(ScorecardWideTransform.ENGLAND_AVERAGE),
                                col(ScorecardWideTransform.REGION_AVERAGE), col(ScorecardWideTransform.PERFORMANCE),
                                col(ScorecardWideTransform.DIRECTION), col(Columns.UNIT)), 1e-9);
        // Each section's header names its comparators' years.
        assertRowsEqualIgnoringOrder(List.of(row("Greater Manchester Average (2021/22)", 21.0),
                row("North West Average (2020/21)", 21.0), row("Statistical Neighbour Average (2021/22)", 18.0),
                row("England Average (2021/22)", 20.0)),
                indicators.filter(col(ScorecardLongTransform.REF).equalTo("CIN4"))
                        .selectExpr("inline(comparators)").select("label", "value"), 1e-9);
        // The indicator without a Ref that the source maps by its text loads.
        assertEquals(1, indicators.filter(col(Columns.INDICATOR_ID).equalTo("missing_incidents")).count());
    }

    @Test
    void monthsAndTheCurrentMonthBecomeObservations() {
        Dataset<Row> observations = warehouse.read(LoadJob.OBSERVATION)
                .filter(col(Columns.SOURCE_ID).equalTo("council_scorecard"));
        assertRowsEqualIgnoringOrder(List.of(
                row(Date.valueOf("2023-04-30"), 186.0, "available"), row(Date.valueOf("2023-05-31"), 250.0, "available"),
                row(Date.valueOf("2023-06-30"), 214.0, "available"), row(Date.valueOf("2023-07-31"), 225.0, "available"),
                row(Date.valueOf("2023-08-31"), 278.0, "available"), row(Date.valueOf("2023-09-30"), 281.0, "available")),
                observations.filter(col(Columns.INDICATOR_ID).equalTo("referrals"))
                        .select(Columns.PERIOD_END, Columns.VALUE, Columns.STATUS), 1e-9);
        assertRowsEqualIgnoringOrder(List.of(
                row("2023-04", 66.0, "available", "percent"), row("2023-05", 73.0, "available", "percent"),
                row("2023-06", 70.0, "available", "percent"), row("2023-07", 61.0, "available", "percent"),
                row("2023-08", null, "not_available", "count"), row("2023-09", null, "not_available", "count")),
                observations.filter(col(Columns.INDICATOR_ID).equalTo("sg19"))
                        .select(Columns.TIME_PERIOD, Columns.VALUE, Columns.STATUS, Columns.UNIT), 1e-9);
    }

    @Test
    void longFormCellsParseOrAreQuarantined() {
        assertRowsEqualIgnoringOrder(List.of(
                row("referrals", "2023-04", 1211.0, "available", "count"),
                row("cin4", "2023-04", 28.1, "available", "percent"),
                row("referrals", "2023-05", null, "not_available", "count"),
                row("referrals", "2023-06", null, "missing", "count"),
                row("cin8", "2023-04", null, "suppressed", "count")),
                warehouse.read(LoadJob.OBSERVATION).filter(col(Columns.SOURCE_ID).equalTo("long_form"))
                        .select(Columns.INDICATOR_ID, Columns.TIME_PERIOD, Columns.VALUE, Columns.STATUS, Columns.UNIT),
                1e-9);
        assertRowsEqualIgnoringOrder(List.of(
                row(6L, "value", "abc", ScorecardCells.NOT_A_VALUE),
                row(7L, "month", "2023-13", "not a month like 2023-04 or Apr-23"),
                row(8L, "la_code", null, "not an LA code such as 352"),
                row(9L, "(row)", "352,Manchester,CIN1,2023-04,7",
                        "duplicate of line 2 (same LA, indicator and month; value 1,211); this line's value 7"),
                row(11L, "(row)", "352,\"Manchester, City\",CIN4,Apr-23,5",
                        "duplicate of line 3 (same LA, indicator and month; value 28.1%); this line's value 5"),
                row(12L, "(row)", "   ", "empty line"),
                row(13L, "(row)", "352,Manchester,CIN1", "expected 5 fields as in the header, found 3")),
                warehouse.read(Quarantine.TABLE).filter(col(Columns.SOURCE_ID).equalTo("long_form"))
                        .select(Columns.LINE, Columns.COLUMN, Columns.RAW_VALUE, Columns.REASON), 0);
    }

    @Test
    void longFormBronzeKeepsEveryRowAsReceivedAndTheQuarantineItsLine() {
        assertRowsEqualIgnoringOrder(List.of(row(2L, "352", "CIN1", "2023-04", "1,211"),
                row(3L, "352", "CIN4", "Apr-23", "28.1%"), row(4L, "352", "CIN1", "2023-05", "Not Yet Available"),
                row(5L, "352", "CIN1", "2023-06", null), row(6L, "352", "CIN1", "2023-07", "abc"),
                row(7L, "352", "CIN1", "2023-13", "5"), row(8L, null, "CIN1", "2023-08", "5"),
                row(9L, "352", "CIN1", "2023-04", "7"), row(10L, "352", "CIN8", "2023-04", "c"),
                row(11L, "352", "CIN4", "Apr-23", "5"), row(12L, "   ", null, null, null),
                row(13L, "352", "CIN1", null, null)),
                warehouse.read("bronze.long_form").select(Columns.SOURCE_LINE, "la_code", "ref", "month", "value"), 0);
        assertRowsEqualIgnoringOrder(List.of(row(6L, "352,Manchester,CIN1,2023-07,abc"),
                row(9L, "352,Manchester,CIN1,2023-04,7")),
                warehouse.read(Quarantine.TABLE).filter(col(Columns.SOURCE_ID).equalTo("long_form")
                        .and(col(Columns.LINE).isin(6L, 9L))).select(Columns.LINE, Columns.RAW_LINE), 0);
    }

    @Test
    void aLongExtractAndAnotherSourcePublishingTheSameKeyAreDecidedBetween() throws IOException {
        // The long extract's indicators are collected while its rows are counted (no pass of their own): a key it
        // shares with the council's wide scorecard must still be found. Different figures stop the load...
        CsbenchException clash = assertThrows(CsbenchException.class, () -> loadBoth("105"));
        assertTrue(clash.getMessage().startsWith("sources 'a_long' and 'b_wide' both publish indicator_id=referrals"),
                clash.getMessage());
        // ...the same figures load, with one current row for the key: the first source's by id.
        Warehouse agreeing = loadBoth("100");
        assertRowsEqualIgnoringOrder(List.of(row("a_long", true), row("b_wide", false)),
                agreeing.read(LoadJob.OBSERVATION).filter(col(Columns.TIME_PERIOD).equalTo("2023-08"))
                        .select(Columns.SOURCE_ID, Columns.IS_CURRENT), 0);
    }

    /** Manchester's referrals for August 2023 in a long extract ({@code longValue}) and a wide scorecard (100). */
    private static Warehouse loadBoth(String longValue) throws IOException {
        Path dir = SparkTestSession.newTempDir("scorecards-shared");
        Files.writeString(dir.resolve("long.csv"), "la_code,ref,month,value\n352,CIN1,2023-08," + longValue + "\n");
        Files.writeString(dir.resolve("wide.tsv"), "Ref\tIndicator\tAug-23\tSep-23\tCurrent\n"
                + "CIN1\tReferrals\t100\t110\t110\n");
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
                name: shared
                sources:
                  - id: a_long
                    format: scorecard_long
                    path: long.csv
                    measures:
                      - { ref: CIN1, indicator: referrals, unit: count }
                  - id: b_wide
                    format: scorecard_wide
                    path: wide.tsv
                    la_code: "352"
                    la_name: Manchester
                    report_month: 2023-09
                    measures:
                      - { ref: CIN1, indicator: referrals, unit: count }
                """);
        Warehouse shared = SparkTestSession.newWarehouse("scorecards-shared");
        new LoadJob(shared, message -> { }).run(SpecLoader.load(spec, null));
        return shared;
    }
}
