package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Files not seen before, loaded through a source entry alone (no code): an EES file with one row per breakdown,
 * a wide EES file mapped by column-name patterns, an earlier release whose dimension column has another name, and
 * a council scorecard whose headers differ from the 2023 one. The crafted fixtures are described in
 * {@code src/test/resources/FIXTURES.md}.
 */
class SourceEntryLoadTest {
    private static final Path CARE_LEAVERS = Path.of("src/test/resources/ees/care_leavers_activity_by_age_crafted.csv")
            .toAbsolutePath();
    private static final Path SCORECARD = Path.of("src/test/resources/scorecards/scorecard_latest_dot_crafted.tsv")
            .toAbsolutePath();
    private static final Path D5 = Path.of("data-samples/dfe/d5_cpps_at31march_by_duration_2013_to_2025.csv")
            .toAbsolutePath();

    private static Warehouse warehouse;
    private static LoadJob.Result result;

    @BeforeAll
    static void load() throws IOException {
        Path dir = SparkTestSession.newTempDir("source-entries");
        // The 2024 looked-after release names the dimension column population_count; the 2025 one population_type.
        Files.writeString(dir.resolve("cla_2024.csv"), """
                time_period,time_identifier,geographic_level,country_code,region_code,old_la_code,new_la_code,la_name,population_count,number
                2024,Reporting year,Local authority,E92000001,E12000002,352,E08000003,Manchester,Children looked after at 31 March each year,1410
                2024,Reporting year,Local authority,E92000001,E12000002,352,E08000003,Manchester,Children starting to be looked after each year,520
                2024,Reporting year,Local authority,E92000001,E12000002,352,E08000003,Manchester,Children adopted during the year,45
                2024,Reporting year,Local authority,E92000001,E12000002,352,E08000003,Manchester,Children placed for adoption,60
                2024,Reporting year,Local authority,E92000001,E12000002,353,E08000004,Oldham,Children starting to be looked after each year,9x
                """);
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
                name: source-entries
                sources:
                  - id: care_leavers
                    format: ees
                    path: %s
                    dimensions: [age_group, activity]
                    ignore: { activity: ["Information not known"] }
                    measures:
                      - { column: number, indicator: care_leavers_19_21, unit: count,
                          when: { age_group: ["19 to 21"], activity: [Total] } }
                      - { column: number, indicator: care_leavers_19_21_eet, unit: count,
                          when: { age_group: ["19 to 21"], activity: ["In education employment or training"] } }
                      - { column: percentage, indicator: care_leavers_19_21_eet_pct, unit: percent,
                          when: { age_group: ["19 to 21"], activity: ["In education employment or training"] } }
                      - { column: number, indicator: care_leavers_19_21_neet, unit: count,
                          when: { age_group: ["19 to 21"], activity: ["Not in education employment or training"] } }
                      - { column: number, indicator: care_leavers_17_18, unit: count,
                          when: { age_group: ["17 to 18"], activity: [Total] } }
                      - { column: percentage, indicator: care_leavers_17_18_eet_pct, unit: percent,
                          when: { age_group: ["17 to 18"], activity: ["In education employment or training"] } }
                  - id: d5_by_pattern
                    format: ees
                    path: %s
                    measures:
                      - { column: CPP_At31, indicator: cpp_at_31_march, unit: count }
                    measures_from:
                      - { columns: "*_percent", indicator: "d5_{column}", unit: percent }
                      - { columns: "*", except: [category], indicator: "d5_{column}", unit: count }
                  - id: d5_listed
                    format: ees
                    path: %s
                    measures:
                      - { column: 3_months_or_less, indicator: cpp_duration_3m_or_less, unit: count }
                      - { column: 3_months_or_less_percent, indicator: cpp_duration_3m_or_less_pct, unit: percent }
                      - { column: 2_years_or_more_percent, indicator: cpp_duration_2y_or_more_pct, unit: percent }
                  - id: cla_2024
                    format: ees
                    path: cla_2024.csv
                    dimensions: [{ column: [population_type, population_count], as: population_type }]
                    ignore: unmapped
                    measures:
                      - { column: [children_count, number], indicator: cla_at_31_march, unit: count,
                          when: { population_type: ["Children looked after on 31 March each year",
                                                    "Children looked after at 31 March each year"] } }
                      - { column: [children_count, number], indicator: cla_started, unit: count,
                          when: { population_count: ["Children starting to be looked after each year"] } }
                  - id: council_latest
                    format: scorecard_wide
                    path: %s
                    la_code: "000"
                    la_name: A council
                    report_month: 2024-06
                    roles:
                      indicator: Measure
                      current: Latest
                      previous_year: Last Year
                      direction: DOT
                      performance: RAG
                      comparators: { SN: statistical_neighbours, NW: region, National: england }
                    measures:
                      - { ref: CIN1, indicator: referrals, unit: count }
                """.formatted(CARE_LEAVERS, D5, D5, SCORECARD));
        PipelineSpec pipeline = SpecLoader.load(spec, null);
        warehouse = SparkTestSession.newWarehouse("source-entries");
        result = new LoadJob(warehouse, message -> { }).run(pipeline);
    }

    private static LoadJob.SourceResult source(String id) {
        return result.sources().stream().filter(s -> s.sourceId().equals(id)).findFirst().orElseThrow();
    }

    private static Dataset<Row> observations(String sourceId) {
        return warehouse.read(LoadJob.OBSERVATION).filter(col(Columns.SOURCE_ID).equalTo(sourceId));
    }

    @Test
    void aFileWithOneRowPerBreakdownLoadsThroughDimensionsAndWhen() {
        // Hand-worked from the fixture: each percentage is its count over the age group's Total, e.g.
        // Manchester 19-21 EET 429 / 842 = 50.9% -> 51; England 23,370 / 41,320 = 56.6% -> 57.
        assertRowsEqualIgnoringOrder(List.of(
                row("national", null, "care_leavers_19_21", 41320.0, "available"),
                row("national", null, "care_leavers_19_21_eet", 23370.0, "available"),
                row("national", null, "care_leavers_19_21_eet_pct", 57.0, "available"),
                row("national", null, "care_leavers_19_21_neet", 14210.0, "available"),
                row("national", null, "care_leavers_17_18", 13450.0, "available"),
                row("national", null, "care_leavers_17_18_eet_pct", 66.0, "available"),
                row("regional", null, "care_leavers_19_21", 6020.0, "available"),
                row("regional", null, "care_leavers_19_21_eet", 3190.0, "available"),
                row("regional", null, "care_leavers_19_21_eet_pct", 53.0, "available"),
                row("local_authority", "352", "care_leavers_19_21", 842.0, "available"),
                row("local_authority", "352", "care_leavers_19_21_eet", 429.0, "available"),
                row("local_authority", "352", "care_leavers_19_21_eet_pct", 51.0, "available"),
                row("local_authority", "352", "care_leavers_19_21_neet", 321.0, "available"),
                row("local_authority", "352", "care_leavers_17_18", 236.0, "available"),
                row("local_authority", "352", "care_leavers_17_18_eet_pct", 64.0, "available"),
                row("local_authority", "857", "care_leavers_19_21", 24.0, "available"),
                row("local_authority", "857", "care_leavers_19_21_eet", 17.0, "available"),
                row("local_authority", "857", "care_leavers_19_21_eet_pct", 71.0, "available"),
                row("local_authority", "857", "care_leavers_19_21_neet", null, "suppressed"),
                row("local_authority", "857", "care_leavers_17_18", 9.0, "available"),
                row("local_authority", "857", "care_leavers_17_18_eet_pct", null, "not_available"),
                row("local_authority", "201", "care_leavers_19_21", null, "not_applicable")),
                observations("care_leavers").select(Columns.GEOGRAPHIC_LEVEL, Columns.OLD_LA_CODE, Columns.INDICATOR_ID,
                        Columns.VALUE, Columns.STATUS), 1e-9);
        assertEquals(List.of("19 to 21 | In education employment or training"),
                observations("care_leavers").filter(col(Columns.INDICATOR_ID).equalTo("care_leavers_19_21_eet_pct"))
                        .select(Columns.DIMENSION).distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }

    @Test
    void ignoredValuesAreCountedInTheLoadAuditAndOthersAreQuarantinedNamingEveryDimension() {
        // 23 rows: 4 "Information not known" ignored, the "In custody" row quarantined, 18 loaded.
        LoadJob.SourceResult careLeavers = source("care_leavers");
        assertEquals(List.of(23L, 18L, 4L, 1L), List.of(careLeavers.rowsRead(), careLeavers.rowsLoaded(),
                careLeavers.rowsIgnored(), careLeavers.rowsQuarantined()));
        assertRowsEqualIgnoringOrder(List.of(row(24L, "age_group | activity", "19 to 21 | In custody",
                "no measure is mapped to this value; add it to a measure's 'when', or to 'ignore', in the source entry")),
                warehouse.read(Quarantine.TABLE).filter(col(Columns.SOURCE_ID).equalTo("care_leavers"))
                        .select(Columns.LINE, Columns.COLUMN, Columns.RAW_VALUE, Columns.REASON), 0);
        assertRowsEqualIgnoringOrder(List.of(
                row("care_leavers", 23L, 18L, 4L, 1L),
                row("cla_2024", 5L, 2L, 2L, 1L),
                row("d5_by_pattern", 1148L, 1148L, 0L, 0L),
                row("council_latest", 5L, 5L, 0L, 0L)),
                warehouse.read(LoadJob.LOAD_AUDIT).filter(col(Columns.SOURCE_ID).isin("care_leavers", "cla_2024",
                        "d5_by_pattern", "council_latest"))
                        .select("source_id", "rows_read", "rows_loaded", "rows_ignored", "rows_quarantined"), 0);
    }

    @Test
    void aDimensionColumnIsFoundByItsAliasAndUnmappedValuesAreIgnoredNotQuarantined() {
        assertRowsEqualIgnoringOrder(List.of(row("cla_at_31_march", 1410.0), row("cla_started", 520.0)),
                observations("cla_2024").select(Columns.INDICATOR_ID, Columns.VALUE), 1e-9);
        // Ignoring is for rows that carry no measure: a bad value in a mapped row is still quarantined.
        assertRowsEqualIgnoringOrder(List.of(row(6L, "number", "9x")),
                warehouse.read(Quarantine.TABLE).filter(col(Columns.SOURCE_ID).equalTo("cla_2024"))
                        .select(Columns.LINE, Columns.COLUMN, Columns.RAW_VALUE), 0);
    }

    @Test
    void patternsMapEveryOtherColumnAndAgreeWithTheColumnsListedByHand() {
        Dataset<Row> byPattern = observations("d5_by_pattern");
        // CPP_At31 is listed, so no pattern takes it; category is excepted; 10 columns come from the patterns.
        assertEquals(List.of("cpp_at_31_march", "d5_1_year_less_than_2_years", "d5_1_year_less_than_2_years_percent",
                "d5_2_years_or_more", "d5_2_years_or_more_percent", "d5_3_months_or_less", "d5_3_months_or_less_percent",
                "d5_more_than_3_months_6_months", "d5_more_than_3_months_6_months_percent",
                "d5_more_than_6_months_less_than_1_year", "d5_more_than_6_months_less_than_1_year_percent"),
                byPattern.select(Columns.INDICATOR_ID).distinct().orderBy(Columns.INDICATOR_ID)
                        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertRowsEqualIgnoringOrder(List.of(row("d5_3_months_or_less", "count", 15580.0),
                row("d5_3_months_or_less_percent", "percent", 31.5), row("cpp_at_31_march", "count", 49420.0)),
                byPattern.filter(col(Columns.GEOGRAPHIC_LEVEL).equalTo("national").and(col(Columns.YEAR).equalTo(2025))
                        .and(col(Columns.INDICATOR_ID).isin("d5_3_months_or_less", "d5_3_months_or_less_percent",
                                "cpp_at_31_march")))
                        .select(Columns.INDICATOR_ID, Columns.UNIT, Columns.VALUE), 1e-9);
        // The same file listed by hand: every value, status and key agrees.
        for (String[] pair : new String[][] {{"d5_3_months_or_less", "cpp_duration_3m_or_less"},
                {"d5_3_months_or_less_percent", "cpp_duration_3m_or_less_pct"},
                {"d5_2_years_or_more_percent", "cpp_duration_2y_or_more_pct"}}) {
            Dataset<Row> listed = observations("d5_listed").filter(col(Columns.INDICATOR_ID).equalTo(pair[1]));
            Dataset<Row> pattern = byPattern.filter(col(Columns.INDICATOR_ID).equalTo(pair[0]));
            List<String> compared = List.of(Columns.GEOGRAPHIC_LEVEL, Columns.REGION_CODE, Columns.OLD_LA_CODE,
                    Columns.PERIOD_END, Columns.VALUE, Columns.STATUS, Columns.UNIT);
            Dataset<Row> a = pattern.selectExpr(compared.toArray(String[]::new));
            Dataset<Row> b = listed.selectExpr(compared.toArray(String[]::new));
            assertEquals(1148, b.count(), pair[1]);
            assertEquals(0, a.exceptAll(b).count() + b.exceptAll(a).count(), pair[0] + " differs from " + pair[1]);
        }
    }

    @Test
    void aScorecardWithOtherHeadersLandsWhereThe2023ScorecardsValuesDo() {
        // The same tuples as ScorecardLoadTest asserts for the 2023 scorecard (its CIN8 arrow was unreadable).
        assertRowsEqualIgnoringOrder(List.of(
                row("CIN4", 24.0, 28.0, "20-24%", 20.0, 24.0, 18.0, 20.0, 21.0, "G", "down", "percent"),
                row("CIN8", 84.0, 76.0, "85%", 85.0, 85.0, 83.0, 84.0, 81.0, "G", "up", "percent"),
                row("FD2b", 93.0, null, null, null, null, null, null, null, "A", "down", "count"),
                row("CF30", 84.0, 92.0, "93%", 93.0, 93.0, 91.0, 93.0, 95.0, "A", "down", "percent"),
                row("CIN1", 281.0, 280.0, null, null, null, null, null, null, "A", "up", "count")),
                warehouse.read(ScorecardWideTransform.TABLE).filter(col(Columns.SOURCE_ID).equalTo("council_latest"))
                        .select(col(ScorecardLongTransform.REF), col(ScorecardWideTransform.CURRENT_VALUE),
                                col(ScorecardWideTransform.PREVIOUS_YEAR_VALUE), col(ScorecardWideTransform.TARGET_TEXT),
                                col(ScorecardWideTransform.TARGET_LOW), col(ScorecardWideTransform.TARGET_HIGH),
                                col(ScorecardWideTransform.SN_AVERAGE), col(ScorecardWideTransform.ENGLAND_AVERAGE),
                                col(ScorecardWideTransform.REGION_AVERAGE), col(ScorecardWideTransform.PERFORMANCE),
                                col(ScorecardWideTransform.DIRECTION), col(Columns.UNIT)), 1e-9);
        assertRowsEqualIgnoringOrder(List.of(row("SN", "statistical_neighbours", 18.0), row("NW", "region", 21.0),
                row("National", "england", 20.0)),
                warehouse.read(ScorecardWideTransform.TABLE).filter(col(ScorecardLongTransform.REF).equalTo("CIN4")
                        .and(col(Columns.SOURCE_ID).equalTo("council_latest")))
                        .selectExpr("inline(comparators)").select("label", "kind", "value"), 1e-9);
        // Without month columns, Latest is the report month's value.
        assertRowsEqualIgnoringOrder(List.of(
                row("referrals", Date.valueOf("2024-06-30"), 281.0, "count"),
                row("cin4", Date.valueOf("2024-06-30"), 24.0, "percent"),
                row("cin8", Date.valueOf("2024-06-30"), 84.0, "percent"),
                row("cf30", Date.valueOf("2024-06-30"), 84.0, "percent"),
                row("fd2b", Date.valueOf("2024-06-30"), 93.0, "count")),
                observations("council_latest").select(Columns.INDICATOR_ID, Columns.PERIOD_END, Columns.VALUE,
                        Columns.UNIT), 1e-9);
    }
}
