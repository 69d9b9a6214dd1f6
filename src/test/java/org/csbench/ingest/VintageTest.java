package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import static org.csbench.ReleaseSpecs.B1_2024;
import static org.csbench.ReleaseSpecs.B1_2025;
import static org.csbench.ReleaseSpecs.RELEASE_2024;
import static org.csbench.ReleaseSpecs.RELEASE_2025;
import static org.csbench.ReleaseSpecs.b1;
import static org.csbench.ReleaseSpecs.spec;
import org.csbench.config.PipelineSpec;
import org.csbench.delta.Warehouse;
import org.csbench.model.Columns;

/**
 * Which release is current: the releases' own order, not the load order (the real 2024 and 2025 releases of DfE
 * table B1), and two sources of one run that publish the same values.
 */
class VintageTest {
    static void load(Warehouse warehouse, PipelineSpec spec) {
        new LoadJob(warehouse, message -> { }).run(spec);
    }

    private static Dataset<Row> current(Warehouse warehouse) {
        return warehouse.read(LoadJob.OBSERVATION).filter(col(Columns.IS_CURRENT));
    }

    /** The current observations as sorted text: key, vintage, value, status. */
    private static List<String> currentRows(Warehouse warehouse) {
        return current(warehouse).selectExpr("concat_ws('|', indicator_id, period_end, geographic_level, "
                + "coalesce(region_code, ''), coalesce(old_la_code, ''), vintage, cast(value as string), status)")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream().sorted().toList();
    }

    @Test
    void theLaterReleaseStaysCurrentWhicheverIsLoadedFirst() {
        Warehouse forwards = SparkTestSession.newWarehouse("vintage-forwards");
        load(forwards, spec(b1("cin_b1", B1_2024, RELEASE_2024)));
        load(forwards, spec(b1("cin_b1", B1_2025, RELEASE_2025)));
        Warehouse backwards = SparkTestSession.newWarehouse("vintage-backwards");
        load(backwards, spec(b1("cin_b1", B1_2025, RELEASE_2025)));
        load(backwards, spec(b1("cin_b1", B1_2024, RELEASE_2024)));

        // Manchester 2024, children in need at 31 March: 5,600 in both releases; the 2025 release's row is current.
        for (Warehouse w : List.of(forwards, backwards)) {
            List<Row> manchester = current(w).filter(col(Columns.OLD_LA_CODE).equalTo("352")
                    .and(col(Columns.YEAR).equalTo(2024)).and(col(Columns.INDICATOR_ID).equalTo("cin_at_31_march")))
                    .select(Columns.VINTAGE, Columns.VALUE).collectAsList();
            assertEquals(1, manchester.size());
            assertEquals("2025", manchester.get(0).getString(0));
            assertEquals(5600.0, manchester.get(0).getDouble(1));
            // Both releases' rows are kept: England 2020-2024 in each, 2025 in the 2025 release only.
            assertEquals(12 + 7, w.read(LoadJob.OBSERVATION).filter(col(Columns.GEOGRAPHIC_LEVEL).equalTo("national")
                    .and(col(Columns.INDICATOR_ID).equalTo("cin_at_31_march"))).count());
            // One current row per key.
            assertEquals(0, current(w).groupBy(Vintages.KEY.stream().map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new)).count().filter(col("count").gt(1)).count());
            // Counts published by both releases are current from the 2025 release; the 2024 release's rates (which
            // the 2025 release does not publish) and its years before 2019 stay current from it.
            assertEquals(0, current(w).filter(col(Columns.VINTAGE).equalTo("2024")
                    .and(col(Columns.INDICATOR_ID).equalTo("cin_at_31_march")).and(col(Columns.YEAR).geq(2019)))
                    .count());
        }
        assertEquals(currentRows(forwards), currentRows(backwards));
    }

    /** A national time series of children in need at 31 March, England 2020-2024, with made-up figures. */
    static Path nationalSeries() throws IOException {
        Path file = SparkTestSession.newTempDir("national-series").resolve("cin_national.csv");
        StringBuilder csv = new StringBuilder("time_period,time_identifier,geographic_level,country_code,country_name,"
                + "region_code,region_name,old_la_code,new_la_code,la_name,At31_episodes\n");
        for (int year = 2020; year <= 2024; year++) {
            csv.append(year).append(",Reporting year,National,E92000001,England,,,,,,").append(400000 + year)
                    .append('\n');
        }
        Files.writeString(file, csv.toString());
        return file;
    }

    private static double englandCurrent(Warehouse w, int year) {
        List<Row> rows = current(w).filter(col(Columns.GEOGRAPHIC_LEVEL).equalTo("national")
                .and(col(Columns.YEAR).equalTo(year)).and(col(Columns.INDICATOR_ID).equalTo("cin_at_31_march")))
                .select(Columns.VALUE).collectAsList();
        assertEquals(1, rows.size(), "current England rows for " + year);
        return rows.get(0).getDouble(0);
    }

    @Test
    void twoSourcesWithTheSameValuesNeedPrecedenceOrYears() throws IOException {
        Path national = nationalSeries();
        String series = "  - id: cin_national\n    format: ees\n    path: " + national + "\n%s    measures:\n"
                + "      - { column: At31_episodes, indicator: cin_at_31_march, unit: count }\n";

        // Nothing says which wins, and the figures differ: a clear error naming both sources and a key.
        Warehouse clash = SparkTestSession.newWarehouse("vintage-clash");
        String message = assertThrows(RuntimeException.class,
                () -> load(clash, spec(b1("cin_b1", B1_2025, ""), String.format(series, "")))).getMessage();
        assertTrue(message.startsWith("sources 'cin_b1' and 'cin_national' both publish indicator_id=cin_at_31_march, "
                + "period_type=reporting_year, period_end=202"), message);
        assertTrue(message.contains("geographic_level=national with different figures"), message);
        assertTrue(message.contains("give one of them 'precedence:'"), message);

        // Precedence: the national series wins for England 2020-2024, into a table that already holds the 2024
        // release's values (the MERGE that used to fail with several source rows per target row).
        Warehouse ranked = SparkTestSession.newWarehouse("vintage-precedence");
        load(ranked, spec(b1("cin_b1", B1_2024, RELEASE_2024)));
        load(ranked, spec(b1("cin_b1", B1_2025, RELEASE_2025), String.format(series, "    precedence: 1\n")));
        assertEquals(402020.0, englandCurrent(ranked, 2020));
        assertEquals(402024.0, englandCurrent(ranked, 2024));
        assertEquals(402400.0, englandCurrent(ranked, 2025));   // the 2025 release: the series stops at 2024
        assertEquals(399510.0, englandCurrent(ranked, 2019));

        // Years: the series supplies 2020-2021, the release 2022 on; nothing overlaps.
        Warehouse split = SparkTestSession.newWarehouse("vintage-years");
        load(split, spec(b1("cin_b1", B1_2025, "    years: 2022-2025\n"), String.format(series, "    years: [2020, 2021]\n")));
        assertEquals(402021.0, englandCurrent(split, 2021));
        assertEquals(404310.0, englandCurrent(split, 2022));
        assertEquals(0, current(split).filter(col(Columns.SOURCE_ID).equalTo("cin_b1").and(col(Columns.YEAR).lt(2022)))
                .count());
    }
}
