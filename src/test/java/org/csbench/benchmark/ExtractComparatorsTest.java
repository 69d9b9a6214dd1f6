package org.csbench.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;

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
import org.csbench.config.Catalogue;
import org.csbench.config.CatalogueLoader;
import org.csbench.config.SpecLoader;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.LoadJob;
import org.csbench.ingest.ScorecardWideTransform;
import org.csbench.model.Columns;

/**
 * A council scorecard with other headers ({@code Latest}, {@code DOT}, {@code SN}, {@code NW}, {@code National}, no
 * month columns), loaded through a source entry's roles, gives the benchmark the same extract comparators and
 * targets as a scorecard with the usual headers.
 */
class ExtractComparatorsTest {
    private static Dataset<Row> scorecards;
    private static Catalogue catalogue;

    @BeforeAll
    static void load() throws IOException {
        Path dir = SparkTestSession.newTempDir("extract-comparators");
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
                name: extract-comparators
                sources:
                  - id: council_latest
                    format: scorecard_wide
                    path: %s
                    la_code: "352"
                    la_name: Manchester
                    report_month: 2024-06
                    roles:
                      indicator: Measure
                      current: Latest
                      previous_year: Last Year
                      direction: DOT
                      performance: RAG
                      comparators: { SN: statistical_neighbours, NW: region, National: england }
                """.formatted(Path.of("src/test/resources/scorecards/scorecard_latest_dot_crafted.tsv").toAbsolutePath()));
        Warehouse warehouse = SparkTestSession.newWarehouse("extract-comparators");
        new LoadJob(warehouse, message -> { }).run(SpecLoader.load(spec, null));
        scorecards = warehouse.read(ScorecardWideTransform.TABLE);
        catalogue = CatalogueLoader.load(Path.of("pipelines/indicators.yaml"));
    }

    @Test
    void comparatorsAndTargetsReachTheCatalogueIndicatorsByRef() {
        // CIN8 is assessments_45_days_pct and CIN1 referrals_month in the catalogue; the report month June 2024
        // falls in reporting year 2025 (April 2024 to March 2025).
        assertRowsEqualIgnoringOrder(List.of(
                row("assessments_45_days_pct", "352", Date.valueOf("2024-06-30"), 83.0, 81.0, 84.0),
                row("referrals_month", "352", Date.valueOf("2024-06-30"), null, null, null)),
                ExtractComparators.comparators(scorecards, catalogue).select(col(Columns.INDICATOR_ID),
                        col(Columns.OLD_LA_CODE), col(Columns.PERIOD_END), col(ExtractComparators.SN),
                        col(ExtractComparators.REGION), col(ExtractComparators.ENGLAND)), 1e-9);
        assertRowsEqualIgnoringOrder(List.of(row("assessments_45_days_pct", "352", 2025, 85.0, 85.0)),
                ExtractComparators.targets(scorecards, catalogue).select(col(Columns.INDICATOR_ID),
                        col(Columns.OLD_LA_CODE), col("_target_year"), col(ExtractComparators.TARGET_LOW),
                        col(ExtractComparators.TARGET_HIGH)), 1e-9);
    }
}
