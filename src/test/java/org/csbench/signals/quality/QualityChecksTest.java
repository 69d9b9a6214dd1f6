package org.csbench.signals.quality;

import static org.csbench.signals.Serialization.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityChecksTest {

    private static final double NaN = Double.NaN;

    @Test
    void relativeJumpAgainstMedianOfPreviousThree() {
        // t=3: median(10,12,11) = 11, |20-11|/11 = 0.818 > 0.5 -> flagged
        // t=4: median(12,11,20) = 12, |11-12|/12 = 0.083 -> not
        // t=6: the gap is skipped: median(11,20,11) = 11, |5-11|/11 = 0.545 -> flagged
        List<QualityIssue> issues = RelativeJumpCheck.standard().check(QualitySeries.of(10, 12, 11, 20, 11, NaN, 5));
        assertEquals(List.of(3, 6), issues.stream().map(QualityIssue::index).toList());
        assertEquals(11.0, issues.get(0).reference(), 0);
        assertEquals(IssueKind.RELATIVE_JUMP, issues.get(1).kind());
        assertEquals("Value 20.0 differs from the median 11.0 of the previous 3 values by 81.8%", issues.get(0).message());
    }

    @Test
    void relativeJumpEdgeCases() {
        // exactly 50% is not above the threshold
        assertEquals(List.of(), RelativeJumpCheck.standard().check(QualitySeries.of(10, 10, 10, 15)));
        // negative history: |-4 - (-10)| / 10 = 0.6
        assertEquals(1, RelativeJumpCheck.standard().check(QualitySeries.of(-10, -10, -10, -4)).size());
        // zero median: any non-zero value is an infinite relative change
        QualityIssue zero = RelativeJumpCheck.standard().check(QualitySeries.of(0, 0, 0, 1, 0)).get(0);
        assertEquals(3, zero.index());
        assertEquals(List.of(), RelativeJumpCheck.standard().check(QualitySeries.of(0, 0, 0, 0)));
        // history 1, threshold 0.2: 10 -> 13 is +30%, 13 -> 12 is -7.7%
        assertEquals(List.of(1), new RelativeJumpCheck(0.2, 1).check(QualitySeries.of(10, 13, 12)).stream()
                .map(QualityIssue::index).toList());
    }

    @Test
    void newlyMissingOrSuppressed() {
        QualitySeries s = QualitySeries.withStatuses(new double[] {1, NaN, NaN, 2, NaN}, "", "c", "c", "", null);
        List<QualityIssue> issues = new NewlyMissingCheck().check(s);
        assertEquals(2, issues.size());
        assertEquals(1, issues.get(0).index());
        assertEquals(IssueKind.NEWLY_SUPPRESSED, issues.get(0).kind());
        assertEquals("c", issues.get(0).status());
        assertEquals(1.0, issues.get(0).reference(), 0);
        assertEquals(4, issues.get(1).index());
        assertEquals(IssueKind.NEWLY_MISSING, issues.get(1).kind());
        assertEquals(List.of(), new NewlyMissingCheck().check(QualitySeries.of(NaN, NaN, 3)));
    }

    @Test
    void valuesOutsideTheValidRange() {
        List<QualityIssue> pct = RangeCheck.percent().check(QualitySeries.of(50, 100, 100.5, -1, NaN, 0));
        assertEquals(List.of(2, 3), pct.stream().map(QualityIssue::index).toList());
        assertEquals(100.0, pct.get(0).reference(), 0);
        assertEquals(0.0, pct.get(1).reference(), 0);
        assertEquals(1, RangeCheck.nonNegative().check(QualitySeries.of(3, -0.5, 1e9)).size());
        assertEquals(List.of(0), RangeCheck.between(1, 5).check(QualitySeries.of(0.99, 1, 5)).stream()
                .map(QualityIssue::index).toList());
    }

    @Test
    void runAllMergesInIndexOrder() {
        QualitySeries s = QualitySeries.of(40, 42, 41, 150, NaN);
        List<QualityIssue> all = QualityCheck.runAll(s,
                List.of(new NewlyMissingCheck(), RangeCheck.percent(), RelativeJumpCheck.standard()));
        assertEquals(List.of(IssueKind.RELATIVE_JUMP, IssueKind.OUT_OF_RANGE, IssueKind.NEWLY_MISSING),
                all.stream().map(QualityIssue::kind).toList());
        assertEquals(List.of(3, 3, 4), all.stream().map(QualityIssue::index).toList());
    }

    @Test
    void invalidParametersAreRejected() {
        assertEquals("Invalid valid range: [5.0, 1.0]",
                assertThrows(IllegalArgumentException.class, () -> RangeCheck.between(5, 1)).getMessage());
        assertEquals("Invalid relative-change threshold: 0.0",
                assertThrows(IllegalArgumentException.class, () -> new RelativeJumpCheck(0, 3)).getMessage());
        assertEquals("Invalid history length: 0 values",
                assertThrows(IllegalArgumentException.class, () -> new RelativeJumpCheck(0.5, 0)).getMessage());
        assertEquals("Invalid statuses length: 1 for 2 values", assertThrows(IllegalArgumentException.class,
                () -> QualitySeries.withStatuses(new double[] {1, 2}, "c")).getMessage());
    }

    @Test
    void seriesIsCopiedAndSerialisable() throws Exception {
        double[] v = {1, NaN};
        QualitySeries s = QualitySeries.withStatuses(v, "", "x");
        v[0] = 99;
        assertEquals(1.0, s.value(0), 0);
        assertEquals(s, roundTrip(s));
        assertEquals(RelativeJumpCheck.standard(), roundTrip(RelativeJumpCheck.standard()));
        QualityIssue issue = new NewlyMissingCheck().check(s).get(0);
        assertEquals(issue, roundTrip(issue));
    }
}
