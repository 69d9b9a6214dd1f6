package org.csbench.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.TestWarehouses;
import org.csbench.config.CatalogueLoader;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.NeighbourTransform;
import org.csbench.ingest.ScorecardWideTransform;
import org.csbench.metrics.MetricsJob;
import org.csbench.model.Columns;

/** Benchmarks (gold.fact_benchmark before it is narrowed) from the full published DfE files in data-samples/published/dfe, checked against hand-worked figures. */
class BenchmarkPublishedDataTest {
    private static Dataset<Row> benchmark;

    @BeforeAll
    static void compute() {
        Warehouse warehouse = TestWarehouses.publishedDfeWithIndicators();
        benchmark = Benchmarks.compute(MetricsJob.values(warehouse), warehouse.read(NeighbourTransform.TABLE),
                warehouse.read(BenchmarkJob.CODE_CHANGE_TABLE), warehouse.read(ScorecardWideTransform.TABLE),
                CatalogueLoader.load(Path.of("pipelines/indicators.yaml"))).cache();
    }

    @AfterAll
    static void release() {
        benchmark.unpersist();
    }

    private static Row one(String la, String indicator, int year) {
        List<Row> rows = benchmark.filter(col(Columns.OLD_LA_CODE).equalTo(la).and(col(Columns.INDICATOR_ID).equalTo(indicator))
                .and(col(Benchmarks.REPORTING_YEAR).equalTo(year)).and(col(Columns.PERIOD_TYPE).notEqual("month")))
                .collectAsList();
        assertEquals(1, rows.size(), () -> la + " " + indicator + " " + year + ": " + rows);
        return rows.get(0);
    }

    @Test
    void manchesterChildrenInNeedRateAgainstItsTenNeighbours() {
        // 2021 model: Manchester's neighbours 892, 801, 852, 330, 355, 851, 373, 341, 336, 391. Their CIN rates at
        // 31 March 2024 (count / mid-2023 population x 10,000, 1 dp): 350.6, 325.0, 407.0, 317.5, 428.8, 432.5,
        // 346.8, 532.7, 338.8, 470.7; mean 395.04. Manchester 428.5: gap 33.46 -> 33.5, 8.47% -> 8.5%.
        Row row = one("352", "cin_rate", 2024);
        assertEquals("2021", row.getAs(NeighbourAverages.MODEL));
        assertEquals(10L, (long) row.<Long>getAs(NeighbourAverages.EXPECTED));
        assertEquals(10L, (long) row.<Long>getAs(NeighbourAverages.USED));
        assertEquals(395.04, row.<Double>getAs(NeighbourAverages.AVERAGE), 1e-9);
        assertEquals(33.5, row.<Double>getAs("gap_to_sn"), 1e-9);
        assertEquals(8.5, row.<Double>getAs("gap_to_sn_pct"), 1e-9);
        assertEquals("higher", row.getAs("vs_sn")); // children in need per 10,000 is neutral
        assertEquals("E12000002", row.getAs(Benchmarks.COMPARATOR_REGION));
        assertEquals(24L, (long) row.<Long>getAs(Benchmarks.REGION_COUNT)); // the North West's 24 authorities
        assertTrue(row.getAs(Benchmarks.ENGLAND_SOURCE) != null && row.getAs(Benchmarks.ENGLAND_VALUE) != null);
        assertEquals("2025", one("352", "cin_rate", 2025).getAs(NeighbourAverages.MODEL));
    }

    @Test
    void camdensMonthlyScorecardBringsItsOwnComparatorsAndTarget() {
        // data-samples/monthly/scorecard_202.tsv, March 2025: re-referrals 34 of 183 = 18.6%; the extract shows
        // regional 13.6%, statistical neighbours 16.4%, England 13.0%, target 20-24% and rates it R.
        Row row = benchmark.filter(col(Columns.OLD_LA_CODE).equalTo("202")
                .and(col(Columns.INDICATOR_ID).equalTo("rereferral_month_pct"))
                .and(col(Columns.PERIOD_END).equalTo(java.sql.Date.valueOf("2025-03-31")))).collectAsList().get(0);
        assertEquals(18.6, row.<Double>getAs(Columns.VALUE), 1e-9);
        assertEquals(13.6, row.<Double>getAs(ExtractComparators.REGION), 1e-9);
        assertEquals(16.4, row.<Double>getAs(ExtractComparators.SN), 1e-9);
        assertEquals(13.0, row.<Double>getAs(ExtractComparators.ENGLAND), 1e-9);
        assertEquals(2.2, row.<Double>getAs("gap_to_extract_sn"), 1e-9);
        assertEquals("worse", row.getAs("vs_extract_sn"));
        assertEquals("extract", row.getAs(Rag.TARGET_SOURCE));
        assertEquals(20.0, row.<Double>getAs(Rag.TARGET_LOW), 1e-9);
        assertEquals(24.0, row.<Double>getAs(Rag.TARGET_HIGH), 1e-9);
        assertEquals("red", row.getAs(Rag.RAG)); // below 19.6, the amber band's lower end
        assertEquals(-1.4, row.<Double>getAs(Rag.GAP), 1e-9);
    }

    @Test
    void cumbriaSplitIntoCumberlandAndWestmorlandAndFurnessIn2024() {
        assertEquals(0, benchmark.filter(col(Columns.OLD_LA_CODE).equalTo("909")
                .and(col(Benchmarks.REPORTING_YEAR).geq(2024))).count(), "Cumbria ends in 2023");
        assertEquals(0, benchmark.filter(col(Columns.OLD_LA_CODE).isin("942", "943")
                .and(col(Benchmarks.REPORTING_YEAR).lt(2024))).count(), "its successors start in 2024");
        Row cumberland = one("942", "cla_rate", 2024);
        assertEquals("not_comparable", cumberland.getAs(Travel.PREVIOUS_DIRECTION));
        assertEquals("boundary changed in reporting year 2024", cumberland.getAs(Travel.PREVIOUS_REASON));
        Row nextYear = one("942", "cla_rate", 2025);
        assertTrue(List.of("improving", "deteriorating", "no_change", "increasing", "decreasing")
                .contains(nextYear.<String>getAs(Travel.PREVIOUS_DIRECTION)), nextYear::toString);
    }

    @Test
    void everyRankedPeriodRanksEachAvailableAuthorityOnce() {
        Dataset<Row> ranked = benchmark.filter(col(Ranking.RANK).isNotNull());
        assertTrue(ranked.count() > 10_000);
        assertEquals(0, ranked.filter(col(Ranking.RANK).gt(col(Ranking.RANKED)).or(col(Ranking.RANK).lt(1))).count());
        Row cla2024 = one("352", "cla_rate", 2024);
        // 153 authorities in 2024; the Isles of Scilly's rate is 'z' (not applicable) and is not ranked
        assertEquals(152L, (long) cla2024.<Long>getAs(Ranking.RANKED));
        assertEquals(0, benchmark.filter(col(Columns.OLD_LA_CODE).equalTo("420").and(col(Ranking.QUARTILE).isNotNull())
                .and(col(Columns.INDICATOR_ID).equalTo("cla_rate")).and(col(Benchmarks.REPORTING_YEAR).equalTo(2024)))
                .count());
    }
}
