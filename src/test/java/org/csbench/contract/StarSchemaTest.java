package org.csbench.contract;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SampleRun;
import org.csbench.TestWarehouses;
import org.csbench.contract.Star.DimArea;
import org.csbench.contract.Star.DimCode;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.contract.Star.FactIndicatorWindow;
import org.csbench.delta.Warehouse;
import org.csbench.model.Seqs;

/** The star as the default run writes it: contracts, keys and hand-worked figures through joins. */
class StarSchemaTest {
    private static Warehouse warehouse;

    @BeforeAll
    static void load() {
        warehouse = SampleRun.warehouse();
    }

    private static Dataset<Row> read(TableDef table) {
        return warehouse.read(table.name());
    }

    /** The facts and the bridge: the tables that refer to the dimensions. */
    private static List<TableDef> facts() {
        return Star.tables().stream().filter(t -> t.name().startsWith("gold.fact_")
                || t.name().startsWith("gold.bridge_")).toList();
    }

    /** The dimension a key column refers to, by its name's ending. */
    private static TableDef dimensionOf(String keyColumn) {
        if (keyColumn.endsWith(Star.INDICATOR_KEY)) {
            return DimIndicator.TABLE;
        } else if (keyColumn.endsWith(Star.AREA_KEY)) {
            return DimArea.TABLE;
        } else if (keyColumn.endsWith(Star.PERIOD_KEY)) {
            return DimPeriod.TABLE;
        }
        throw new IllegalArgumentException("no dimension for " + keyColumn);
    }

    @Test
    void everyStarTableIsWrittenAsItsContractSays() {
        for (TableDef table : Star.tables()) {
            assertEquals(table.schema().simpleString(), read(table).schema().asNullable().simpleString(),
                    table.name());
        }
    }

    @Test
    void handWorkedFiguresComeBackThroughTheDimensions() {
        // Manchester, reporting year 2024 (population mid-2023 130,700): children in need 5,600 -> 428.5 per 10,000,
        // child protection plans 571 -> 43.7, referrals 6,525 -> 499.2, re-referrals 1,222 / 6,525 = 18.7%.
        Dataset<Row> joined = read(FactIndicatorValue.TABLE)
                .join(read(DimIndicator.TABLE), Star.INDICATOR_KEY)
                .join(read(DimArea.TABLE), Star.AREA_KEY)
                .join(read(DimPeriod.TABLE), Star.PERIOD_KEY)
                .filter(col(DimArea.AREA_CODE).equalTo("352").and(col(DimPeriod.TYPE).equalTo("reporting_year"))
                        .and(col(DimPeriod.REPORTING_YEAR).equalTo(2024)))
                .join(read(DimCode.TABLE).filter(col(DimCode.CODE_SET).equalTo(CodeSet.STATUS.id())),
                        col(FactIndicatorValue.STATUS).equalTo(col(DimCode.CODE)));
        Map<String, String> found = new TreeMap<>();
        for (Row row : joined.filter(col(DimIndicator.INDICATOR_ID).isin("cin_rate", "cpp_rate", "referral_rate",
                "rereferral_pct")).collectAsList()) {
            found.put(row.getAs(DimIndicator.INDICATOR_ID), row.getAs(FactIndicatorValue.VALUE) + " "
                    + row.getAs(DimCode.LABEL) + " " + row.getAs(DimArea.NAME) + " " + row.getAs(DimPeriod.LABEL));
        }
        assertEquals(Map.of("cin_rate", "428.5 available Manchester 2023-24",
                "cpp_rate", "43.7 available Manchester 2023-24",
                "referral_rate", "499.2 available Manchester 2023-24",
                "rereferral_pct", "18.7 available Manchester 2023-24"), found);
    }

    @Test
    void dimensionKeysAreUniqueAndEveryFactKeyResolves() {
        for (TableDef dim : List.of(DimIndicator.TABLE, DimArea.TABLE, DimPeriod.TABLE)) {
            String key = dim.columns().get(0).name();
            Dataset<Row> rows = read(dim);
            assertEquals(rows.count(), rows.select(key).distinct().count(), dim.name() + " keys are unique");
        }
        for (TableDef fact : facts()) {
            for (ColumnDef column : fact.columns()) {
                if (!column.name().endsWith("_key")) {
                    continue;
                }
                TableDef dim = dimensionOf(column.name());
                String key = dim.columns().get(0).name();
                Dataset<Row> keys = read(fact).select(col(column.name()).as("_fact_key"))
                        .filter(col("_fact_key").isNotNull());
                long orphans = keys.join(read(dim), col("_fact_key").equalTo(col(key)), "left_anti").count();
                assertEquals(0, orphans, fact.name() + "." + column.name() + " not in " + dim.name());
            }
            List<String> grain = Star.grain(fact);
            for (String column : grain) {
                assertEquals(0, read(fact).filter(col(column).isNull()).count(), fact.name() + " null " + column);
            }
            long rows = read(fact).count();
            // The sample run loads one release of each source: it has no revisions (RevisionTest has).
            assertTrue(rows > 0 || fact.equals(Star.FactRevision.TABLE), fact.name() + " is empty");
            assertEquals(rows, read(fact).select(grain.stream().map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new)).distinct().count(), fact.name() + ": " + fact.grain());
        }
        // Every period in the dimension is used by a fact.
        Dataset<Row> used = read(FactIndicatorValue.TABLE).select(Star.PERIOD_KEY)
                .union(read(FactIndicatorWindow.TABLE).select(Star.PERIOD_KEY))
                .union(read(Star.FactDataQuality.TABLE).select(Star.PERIOD_KEY));
        assertEquals(0, read(DimPeriod.TABLE).join(used, Star.PERIOD_KEY, "left_anti").count());
    }

    @Test
    void everyCodeInAFactIsLabelled() {
        Dataset<Row> codes = read(DimCode.TABLE);
        for (TableDef fact : facts()) {
            for (ColumnDef column : fact.columns()) {
                if (column.unit() == null || !column.unit().startsWith("code: ")) {
                    continue;
                }
                String set = column.unit().substring("code: ".length());
                long unlabelled = read(fact).filter(col(column.name()).isNotNull()).select(column.name()).distinct()
                        .join(codes.filter(col(DimCode.CODE_SET).equalTo(set)),
                                col(column.name()).equalTo(col(DimCode.CODE)), "left_anti").count();
                assertEquals(0, unlabelled, fact.name() + "." + column.name());
            }
        }
    }

    @Test
    void theNeighbourBridgeNamesManchestersNeighboursByModel() {
        // data-samples/dfe/New_Statistical_Neighbour_Groupings_April_2021.csv, Manchester (352): SN1 892 Very Close,
        // SN2 801 Close, SN3 852 Close ... SN10 391 Somewhat close; sn_model_2025_wide.csv: SN_1 892 Very close,
        // SN_2 330 Very close, SN_3 391 "Close " ... SN_10 353 Somewhat close.
        Dataset<Row> areas = read(DimArea.TABLE);
        Dataset<Row> neighbours = read(Star.BridgeStatisticalNeighbour.TABLE)
                .join(areas.select(col(Star.AREA_KEY), col(DimArea.AREA_CODE).as("_authority")), Star.AREA_KEY)
                .join(areas.select(col(Star.AREA_KEY).as("_n_key"), col(DimArea.NAME).as("_neighbour")),
                        col(Star.BridgeStatisticalNeighbour.NEIGHBOUR_AREA_KEY).equalTo(col("_n_key")))
                .join(read(DimCode.TABLE).filter(col(DimCode.CODE_SET).equalTo(CodeSet.CLOSENESS.id())),
                        col(Star.BridgeStatisticalNeighbour.CLOSENESS).equalTo(col(DimCode.CODE)), "left")
                .filter(col("_authority").equalTo("352"));
        Map<String, String> found = new TreeMap<>();
        for (Row row : neighbours.filter(col(Star.BridgeStatisticalNeighbour.RANK).leq(3)
                .or(col(Star.BridgeStatisticalNeighbour.RANK).equalTo(10))).collectAsList()) {
            found.put(row.getAs(Star.BridgeStatisticalNeighbour.MODEL) + " " + row.getAs(Star.BridgeStatisticalNeighbour.RANK),
                    row.getAs("_neighbour") + ", " + row.getAs(DimCode.LABEL) + ", "
                            + row.getAs(Star.BridgeStatisticalNeighbour.FIRST_YEAR) + "-"
                            + row.getAs(Star.BridgeStatisticalNeighbour.LAST_YEAR));
        }
        assertEquals(Map.of(
                "2021 1", "Nottingham, very_close, 2013-2024",
                "2021 2", "Bristol, City of, close, 2013-2024",
                "2021 3", "Southampton, close, 2013-2024",
                "2021 10", "Newcastle upon Tyne, somewhat_close, 2013-2024",
                "2025 1", "Nottingham, very_close, 2025-null",
                "2025 2", "Birmingham, very_close, 2025-null",
                "2025 3", "Newcastle upon Tyne, close, 2025-null",
                "2025 10", "Oldham, somewhat_close, 2025-null"), found);
        assertEquals(20, neighbours.count(), "ten neighbours in each model");
        // The whole reference table is bridged, and every closeness the models publish has a code (the 2021 file
        // leaves some blank).
        Dataset<Row> reference = warehouse.read("reference.statistical_neighbour");
        assertEquals(reference.count(), read(Star.BridgeStatisticalNeighbour.TABLE).count());
        assertEquals(reference.filter(col("closeness").isNull()).count(), read(Star.BridgeStatisticalNeighbour.TABLE)
                .filter(col(Star.BridgeStatisticalNeighbour.CLOSENESS).isNull()).count(), "every closeness has a code");
    }

    @Test
    void periodsAndAreasReadAsAnalystsWriteThem() {
        Map<String, String> labels = new TreeMap<>();
        for (Row row : read(DimPeriod.TABLE).filter(col(DimPeriod.END).equalTo(java.sql.Date.valueOf("2024-03-31"))
                .or(col(DimPeriod.END).equalTo(java.sql.Date.valueOf("2023-09-30")))).collectAsList()) {
            labels.put(row.getAs(DimPeriod.TYPE) + " " + row.getAs(DimPeriod.END), row.getAs(DimPeriod.START) + " "
                    + row.getAs(DimPeriod.LABEL) + " " + row.getAs(DimPeriod.FINANCIAL_YEAR));
        }
        assertEquals("2023-04-01 2023-24 2023-24", labels.get("reporting_year 2024-03-31"));
        assertEquals("2023-09-30 Sep 2023 2023-24", labels.get("census 2023-09-30"));
        assertEquals("2021-04-01 2021-22 to 2023-24 2023-24", labels.get("three_years 2024-03-31"));
        // The monthly windows' periods: quarters run April-June and so on, the year to date from April.
        assertEquals("2024-03-01 Mar-24 2023-24", labels.get("month 2024-03-31"));
        assertEquals("2024-01-01 Q4 2023-24 2023-24", labels.get("quarter 2024-03-31"));
        assertEquals("2023-04-01 12 months to Mar-24 2023-24", labels.get("rolling_12_months 2024-03-31"));
        assertEquals("2023-04-01 2023-24 to Sep-23 2023-24", labels.get("financial_year_to_date 2023-09-30"));
        assertEquals("2023-07-01 Q2 2023-24 2023-24", labels.get("quarter 2023-09-30"));
        Row northamptonshire = read(DimArea.TABLE).filter(col(DimArea.AREA_CODE).equalTo("928")).first();
        assertEquals("940,941", northamptonshire.getAs(DimArea.SUCCESSORS));
        Row camden = read(DimArea.TABLE).filter(col(DimArea.AREA_CODE).equalTo("202")).first();
        assertEquals("E12000007", camden.getAs(DimArea.COMPARATOR_REGION_CODE));
        assertEquals("Camden", camden.getAs(DimArea.NAME));
    }

    @Test
    void keysAreTheSameInAnotherRunFromScratch() {
        // The full published files, loaded into another warehouse: every member both runs know has the same key.
        Warehouse other = TestWarehouses.publishedDfeWithIndicators();
        for (TableDef dim : List.of(DimIndicator.TABLE, DimArea.TABLE, DimPeriod.TABLE)) {
            String key = dim.columns().get(0).name();
            List<String> natural = dim.equals(DimIndicator.TABLE) ? List.of(DimIndicator.INDICATOR_ID)
                    : dim.equals(DimArea.TABLE) ? List.of(DimArea.AREA_CODE) : List.of(DimPeriod.TYPE, DimPeriod.END);
            Dataset<Row> here = read(dim).select(key, natural.toArray(String[]::new));
            Dataset<Row> there = other.read(dim.name()).select(key, natural.toArray(String[]::new));
            long common = here.join(there, Seqs.of(natural)).count();
            assertTrue(common > 30, dim.name() + " members in both runs: " + common);
            assertEquals(common, here.join(there, Seqs.of(key)).count(),
                    dim.name() + ": the same members have the same keys");
        }
    }
}
