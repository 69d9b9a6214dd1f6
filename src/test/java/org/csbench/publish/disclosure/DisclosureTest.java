package org.csbench.publish.disclosure;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.contract.Star;
import org.csbench.model.CsbenchException;
import org.csbench.publish.AnalystRows;
import org.csbench.publish.AnalystView;

/**
 * Primary and secondary suppression on hand-built rows. Region R1 holds authorities 101-103, region R2 201-202.
 * x_pct is events / cases; events_count is events itself (one measure, decided once for both).
 */
class DisclosureTest {
    private static final Date Y2024 = Date.valueOf("2024-03-31");
    private static final Date Y2025 = Date.valueOf("2025-03-31");
    private static final DisclosureRules RULES = new DisclosureRules(DisclosureRule.DFE,
            Map.of("workforce", DisclosureRule.NONE), Map.of());

    /** Columns of one row: indicator (1 = x_pct, 2 = events_count, 3 = staff_count), area, period, then the rest. */
    private static Object[] cells(long indicator, String area, String level, String region, Date end,
            Double numerator, Double denominator, Double value, Object... more) {
        List<Object> all = new ArrayList<>(List.of(Star.INDICATOR_KEY, indicator, Star.AREA_KEY,
                (long) area.hashCode(), Star.PERIOD_KEY, (long) end.toLocalDate().getYear(),
                AnalystView.AREA_CODE, area, AnalystView.LEVEL, level, AnalystView.PERIOD_TYPE, "reporting_year",
                AnalystView.PERIOD_END, end, AnalystView.TIME_PERIOD, String.valueOf(end.toLocalDate().getYear()),
                AnalystView.STATUS, "available"));
        all.addAll(java.util.Arrays.asList(AnalystView.NUMERATOR, numerator, AnalystView.DENOMINATOR, denominator,
                AnalystView.VALUE, value));
        if (region != null) {
            all.addAll(List.of(AnalystView.REGION_CODE, region));
        }
        if (indicator == 1) {
            all.addAll(List.of(AnalystView.INDICATOR_ID, "x_pct", AnalystView.UNIT, "percent",
                    AnalystView.NUMERATOR_MEASURE, "events", AnalystView.DENOMINATOR_MEASURE, "cases",
                    AnalystView.SOURCES, "src"));
        } else if (indicator == 2) {
            all.addAll(List.of(AnalystView.INDICATOR_ID, "events_count", AnalystView.UNIT, "count",
                    AnalystView.NUMERATOR_MEASURE, "events", AnalystView.SOURCES, "src"));
        } else {
            all.addAll(List.of(AnalystView.INDICATOR_ID, "staff_count", AnalystView.UNIT, "count",
                    AnalystView.NUMERATOR_MEASURE, "staff", AnalystView.SOURCES, "other,workforce"));
        }
        all.addAll(List.of(more));
        return all.toArray();
    }

    private static final String LA = "local_authority";

    private static Dataset<Row> input() {
        return new AnalystRows()
                // x_pct 2024
                .add(cells(1, "101", LA, "R1", Y2024, 3.0, 40.0, 7.5))
                .add(cells(1, "102", LA, "R1", Y2024, 10.0, 50.0, 20.0))
                .add(cells(1, "103", LA, "R1", Y2024, 25.0, 60.0, 41.7, AnalystView.SN_CODES, "101,201",
                        AnalystView.SN_AVERAGE, 12.0, AnalystView.GAP_TO_SN, 29.7, AnalystView.VS_SN, "worse",
                        AnalystView.RANK, 3))
                .add(cells(1, "201", LA, "R2", Y2024, 0.0, 30.0, 0.0, AnalystView.SN_CODES, "202",
                        AnalystView.SN_AVERAGE, 0.0, AnalystView.RANK, 1, AnalystView.RAG, "green"))
                .add(cells(1, "202", LA, "R2", Y2024, 0.0, 5.0, 0.0))
                .add(cells(1, "R1", "regional", "R1", Y2024, 38.0, 150.0, 25.3))
                .add(cells(1, "R2", "regional", "R2", Y2024, 0.0, 35.0, 0.0))
                .add(cells(1, "E", "national", null, Y2024, 38.0, 185.0, 20.5))
                // R3 has one authority: no other count can hide its 2, so R3's total goes instead
                .add(cells(1, "301", LA, "R3", Y2024, 2.0, 50.0, 4.0, AnalystView.COMPARATOR_REGION_CODE, "R3",
                        AnalystView.REGION_VALUE, 4.0, AnalystView.GAP_TO_REGION, 0.0, AnalystView.VS_REGION, "similar",
                        AnalystView.ENGLAND_VALUE, 20.5))
                .add(cells(1, "R3", "regional", "R3", Y2024, 2.0, 50.0, 4.0))
                // x_pct 2025: only 101, whose 2024 value is suppressed
                .add(cells(1, "101", LA, "R1", Y2025, 20.0, 40.0, 50.0, AnalystView.KEYS.get(3), 2024L,
                        AnalystView.PREVIOUS_VALUE, 7.5, AnalystView.DIRECTION_VS_PREVIOUS, "increasing",
                        AnalystView.KEYS.get(4), 2024L, AnalystView.LAST_YEAR_VALUE, 7.5,
                        AnalystView.DIRECTION_VS_LAST_YEAR, "increasing"))
                // events_count 2024: the same events
                .add(cells(2, "101", LA, "R1", Y2024, 3.0, null, 3.0))
                .add(cells(2, "102", LA, "R1", Y2024, 10.0, null, 10.0))
                .add(cells(2, "103", LA, "R1", Y2024, 25.0, null, 25.0, AnalystView.REGION_VALUE, 38.0,
                        AnalystView.ENGLAND_VALUE, 38.0))
                .add(cells(2, "R1", "regional", "R1", Y2024, 38.0, null, 38.0))
                // staff: the workforce rule suppresses and rounds nothing
                .add(cells(3, "101", LA, "R1", Y2024, 3.0, null, 3.0))
                .add(cells(3, "R1", "regional", "R1", Y2024, 33.0, null, 33.0))
                .dataset();
    }

    private static Dataset<Row> figures(Dataset<Row> out) {
        return out.select(col(AnalystView.INDICATOR_ID), col(AnalystView.AREA_CODE), col(AnalystView.TIME_PERIOD),
                col(AnalystView.NUMERATOR), col(AnalystView.DENOMINATOR), col(AnalystView.VALUE),
                col(AnalystView.STATUS), col(AnalystView.STATUS_REASON),
                array_join(array_sort(col(Disclosure.SUPPRESSED_COLUMNS)), ","));
    }

    @Test
    void publicRowsHideSmallCountsAndWhatSubtractionWouldReveal() {
        Dataset<Row> out = Disclosure.apply(input(), RULES, DisclosureLevel.PUBLIC);
        String s = "suppressed";
        String small = Disclosure.REASON_SMALL_COUNT;
        String second = Disclosure.REASON_SECONDARY;
        assertRowsEqualIgnoringOrder(List.of(
                // 3 events: primary; R1's total (38) less 102 and 103 would give it back, so 102's 10 goes too
                row("x_pct", "101", "2024", null, 40.0, null, s, small, "numerator,value"),
                row("x_pct", "102", "2024", null, 50.0, null, s, second, "numerator,value"),
                row("x_pct", "103", "2024", 25.0, 60.0, 41.7, "available", null, "gap_to_sn,sn_average,vs_sn"),
                // 5 cases: primary on the denominator; then 201's cases, R2's only other authority
                row("x_pct", "201", "2024", 0.0, null, null, s, second, 
                        "denominator,rag,rank,sn_average,value"),
                row("x_pct", "202", "2024", 0.0, null, null, s, small, "denominator,value"),
                // England and regions: counts to the nearest 10 (185 -> 190, half up), the percentage as it is
                row("x_pct", "R1", "2024", 40.0, 150.0, 25.3, "available", null, ""),
                row("x_pct", "R2", "2024", 0.0, 40.0, 0.0, "available", null, ""),
                row("x_pct", "E", "2024", 40.0, 190.0, 20.5, "available", null, ""),
                row("x_pct", "301", "2024", null, 50.0, null, s, small,
                        "gap_to_region,numerator,region_value,value,vs_region"),
                row("x_pct", "R3", "2024", null, 50.0, null, s, second, "numerator,value"),
                row("x_pct", "101", "2025", 20.0, 40.0, 50.0, "available", null,
                        "direction_vs_last_year,direction_vs_previous,last_year_value,previous_value"),
                // the same events measure: the same decisions
                row("events_count", "101", "2024", null, null, null, s, small, "numerator,value"),
                row("events_count", "102", "2024", null, null, null, s, second, "numerator,value"),
                row("events_count", "103", "2024", 25.0, null, 25.0, "available", null, ""),
                row("events_count", "R1", "2024", 40.0, null, 40.0, "available", null, ""),
                row("staff_count", "101", "2024", 3.0, null, 3.0, "available", null, ""),
                row("staff_count", "R1", "2024", 33.0, null, 33.0, "available", null, "")),
                figures(out), 1e-9);
    }

    @Test
    void derivedAndComparatorColumnsFollowTheValuesTheyComeFrom() {
        Map<String, Row> byArea = new java.util.HashMap<>();
        Dataset<Row> out = Disclosure.apply(input(), RULES, DisclosureLevel.PUBLIC);
        for (Row row : out.filter(col(AnalystView.INDICATOR_ID).isin("x_pct", "events_count")).collectAsList()) {
            byArea.put(row.getAs(AnalystView.INDICATOR_ID) + " " + row.getAs(AnalystView.AREA_CODE) + " "
                    + row.getAs(AnalystView.TIME_PERIOD), row);
        }
        Row neighbourOfSuppressed = byArea.get("x_pct 103 2024");
        assertNull(neighbourOfSuppressed.getAs(AnalystView.SN_AVERAGE));
        assertNull(neighbourOfSuppressed.getAs(AnalystView.GAP_TO_SN));
        assertEquals(Disclosure.SYMBOL, (String) neighbourOfSuppressed.getAs(AnalystView.VS_SN));
        assertEquals(3, (int) neighbourOfSuppressed.getAs(AnalystView.RANK));
        assertTrue(Disclosure.isSuppressed(neighbourOfSuppressed, AnalystView.SN_AVERAGE));
        assertTrue(!Disclosure.isSuppressed(neighbourOfSuppressed, AnalystView.VALUE));
        Row suppressed = byArea.get("x_pct 201 2024");
        assertNull(suppressed.getAs(AnalystView.RANK));
        assertEquals(Disclosure.SYMBOL, (String) suppressed.getAs(AnalystView.RAG));
        // 201's neighbour 202 has its value suppressed too
        assertNull(suppressed.getAs(AnalystView.SN_AVERAGE));
        Row later = byArea.get("x_pct 101 2025");
        assertNull(later.getAs(AnalystView.PREVIOUS_VALUE));
        assertEquals(Disclosure.SYMBOL, (String) later.getAs(AnalystView.DIRECTION_VS_PREVIOUS));
        assertNull(later.getAs(AnalystView.LAST_YEAR_VALUE));
        assertEquals(Disclosure.SYMBOL, (String) later.getAs(AnalystView.DIRECTION_VS_LAST_YEAR));
        Row alone = byArea.get("x_pct 301 2024");
        assertNull(alone.getAs(AnalystView.REGION_VALUE));
        assertEquals(20.5, (double) alone.getAs(AnalystView.ENGLAND_VALUE), 1e-9);
        Row counts = byArea.get("events_count 103 2024");
        assertEquals(40.0, (double) counts.getAs(AnalystView.REGION_VALUE), 1e-9);
        assertEquals(40.0, (double) counts.getAs(AnalystView.ENGLAND_VALUE), 1e-9);
    }

    @Test
    void internalRowsAreExact() {
        Dataset<Row> in = input();
        Dataset<Row> out = Disclosure.apply(in, RULES, DisclosureLevel.INTERNAL);
        assertEquals(in.count(), out.filter(org.apache.spark.sql.functions.size(col(Disclosure.SUPPRESSED_COLUMNS)).equalTo(0)).count());
        assertEquals(in.drop(AnalystView.KEYS.toArray(String[]::new)).collectAsList().toString(),
                out.drop(Disclosure.SUPPRESSED_COLUMNS).drop(AnalystView.KEYS.toArray(String[]::new))
                        .collectAsList().toString());
        assertEquals("INTERNAL-exact-values", DisclosureLevel.INTERNAL.fileTag());
    }

    @Test
    void rulesFileResolvesIndicatorThenSourceThenDefaults() throws Exception {
        DisclosureRules rules = DisclosureRules.load(Path.of("pipelines/disclosure.yaml"));
        assertEquals(DisclosureRule.DFE, rules.defaults());
        assertEquals(DisclosureRule.NONE, rules.rule("sw_caseload", List.of("workforce_csww")));
        assertEquals(DisclosureRule.DFE, rules.rule("cla_rate", List.of("cla_numbers")));
        Path file = SparkTestSession.newTempDir("disclosure").resolve("rules.yaml");
        Files.writeString(file, "defaults: { suppress: [1, 9] }\nsources: { a: { round_national: ~ } }\n"
                + "indicators: { x: { suppress: ~ } }\n");
        DisclosureRules custom = DisclosureRules.load(file);
        assertEquals(new DisclosureRule(1, 9, null, 10, true), custom.rule("y", List.of("b", "a")));
        assertEquals(new DisclosureRule(null, null, 10, 10, true), custom.rule("x", List.of("a")));
        Files.writeString(file, "defaults: { suppress: [5, 1] }\n");
        CsbenchException bad = assertThrows(CsbenchException.class, () -> DisclosureRules.load(file));
        assertEquals(file + ": defaults.suppress: '[5,1]': expected [min, max] with 1 <= min <= max, e.g. [1, 5], "
                + "or ~ for no suppression", bad.getMessage());
        Files.writeString(file, "sources: { a: { supress: [1, 5] } }\n");
        bad = assertThrows(CsbenchException.class, () -> DisclosureRules.load(file));
        assertTrue(bad.getMessage().startsWith(file + ": sources.a.supress: unknown key"), bad.getMessage());
    }
}
