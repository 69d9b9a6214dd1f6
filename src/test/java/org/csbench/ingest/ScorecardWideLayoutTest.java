package org.csbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.csbench.config.ScorecardSpec;
import org.csbench.model.CsbenchException;

/** Column roles of a wide scorecard: found by their usual names, or as the source entry maps them. */
class ScorecardWideLayoutTest {
    private static final Header LATEST = new Header("s.tsv",
            List.of("Ref", "Measure", "Latest", "Last Year", "Target", "SN", "North West Average", "National", "DOT", "RAG"));

    @Test
    void mappedRolesAndComparatorsAreFoundAndAverageColumnsStillDetected() {
        ScorecardWideLayout l = ScorecardWideLayout.resolve(LATEST, new ScorecardSpec("352", null, YearMonth.of(2024, 6),
                Map.of("indicator", List.of("Measure"), "current", List.of("latest"), "previous_year", List.of("Last Year"),
                        "direction", List.of("DOT"), "performance", List.of("RAG")),
                Map.of("SN", "statistical_neighbours", "National", "england")));
        assertEquals(List.of(0, 1, 2, 3, 4, 9, 8), List.of(l.ref(), l.indicator(), l.current(), l.previousYear(),
                l.target(), l.performance(), l.direction()));
        assertEquals(List.of(new ScorecardWideLayout.ComparatorColumn(5, "SN", "statistical_neighbours"),
                new ScorecardWideLayout.ComparatorColumn(6, "North West Average", "region"),
                new ScorecardWideLayout.ComparatorColumn(7, "National", "england")), l.comparators());
        assertEquals(List.of(), l.months());
        assertEquals(List.of(3, 8), List.of(l.leftEnd(), l.tailStart()));
    }

    @Test
    void aMappedColumnTheHeaderLacksAndAScorecardWithNoValueColumnsFailNamingThem() {
        CsbenchException mapped = assertThrows(CsbenchException.class, () -> ScorecardWideLayout.resolve(LATEST,
                new ScorecardSpec("352", null, YearMonth.of(2024, 6), Map.of("indicator", List.of("Measure"),
                        "current", List.of("Now", "This Month")), Map.of("Neighbours", "statistical_neighbours"))));
        assertEquals("s.tsv: line 1 (header): expected column(s) Neighbours (comparator), Now or This Month (current), "
                + "month columns such as Apr-23, or a current value column (map it under roles: current), not found "
                + "among " + LATEST.names() + "; fix the file or the source entry's column names", mapped.getMessage());
        CsbenchException usual = assertThrows(CsbenchException.class, () -> ScorecardWideLayout.resolve(LATEST));
        assertEquals("s.tsv: line 1 (header): expected column(s) Indicator, month columns such as Apr-23, or a current "
                + "value column (map it under roles: current), not found among " + LATEST.names()
                + "; fix the file or the source entry's column names", usual.getMessage());
    }
}
