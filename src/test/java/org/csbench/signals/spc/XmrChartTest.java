package org.csbench.signals.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.csbench.model.Polarity;
import org.junit.jupiter.api.Test;

class XmrChartTest {

    private static final double TOL = 1e-9;

    /** Sum 130, mean 10; moving ranges 2,1,2,4,2,1,2,1,0,2,4,2 sum 23 over 12 = 1.9166667. */
    private static final double[] STABLE = {9, 11, 10, 12, 8, 10, 11, 9, 10, 10, 12, 8, 10};

    @Test
    void limitsFromMeanAndMeanMovingRange() {
        XmrResult r = XmrChart.of(Polarity.HIGHER_IS_BETTER).detect(STABLE);
        XmrPoint p = r.points().get(0);
        double amr = 23.0 / 12; // no range >= 3.267 * 1.9167 = 6.26, so screening changes nothing
        assertEquals(10.0, p.mean(), TOL);
        assertEquals(10 + 2.66 * amr, p.upperLimit(), TOL); // 15.098333
        assertEquals(10 - 2.66 * amr, p.lowerLimit(), TOL); // 4.901667
        assertEquals(10 + 1.7733333333 * amr, p.upperInner(), 1e-8); // 13.398889
        assertEquals(10 - 1.7733333333 * amr, p.lowerInner(), 1e-8);
        assertEquals(Double.NaN, p.movingRange());
        assertEquals(4.0, r.points().get(4).movingRange(), TOL); // |8 - 12|
        assertTrue(r.points().stream().allMatch(q -> q.type() == PointType.COMMON_CAUSE));
        assertEquals(VariationIcon.COMMON_CAUSE, r.variation());
        assertEquals(AssuranceIcon.NONE, r.assurance());
        assertEquals(List.of(), r.warnings());
    }

    /**
     * 10,12 alternating x6 then 30: ranges eleven 2s and one 18, mean 40/12 = 3.3333; screening drops 18 (>= 10.89),
     * mean moving range becomes 2. Mean = 162/13 = 12.461538.
     */
    private static final double[] JUMP = {10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 30};

    @Test
    void screeningDropsLargeMovingRanges() {
        XmrPoint screened = XmrChart.of(Polarity.HIGHER_IS_BETTER).detect(JUMP).points().get(0);
        assertEquals(162.0 / 13, screened.mean(), TOL);
        assertEquals(162.0 / 13 + 2.66 * 2, screened.upperLimit(), TOL); // 17.781538
        XmrPoint excel = XmrChart.of(Polarity.HIGHER_IS_BETTER).withScreening(Screening.NO_SCREENING).detect(JUMP)
                .points().get(0);
        assertEquals(162.0 / 13 + 2.66 * 40 / 12, excel.upperLimit(), TOL); // 21.328205
    }

    @Test
    void outsideAndShiftJudgedByPolarity() {
        XmrResult up = XmrChart.of(Polarity.HIGHER_IS_BETTER).detect(JUMP);
        // the first 12 values (10 and 12) are all below the mean 12.46: a shift, bad when higher is better
        for (int i = 0; i < 12; i++) {
            assertEquals(SpcRule.SHIFT, up.points().get(i).rule());
            assertEquals(-1, up.points().get(i).direction());
            assertEquals(PointType.SPECIAL_CAUSE_CONCERN, up.points().get(i).type());
        }
        assertEquals(SpcRule.OUTSIDE_LIMITS, up.points().get(12).rule());
        assertEquals(PointType.SPECIAL_CAUSE_IMPROVEMENT, up.points().get(12).type());
        assertEquals(VariationIcon.IMPROVEMENT_HIGH, up.variation());
        assertEquals(VariationIcon.CONCERN_HIGH, XmrChart.of(Polarity.LOWER_IS_BETTER).detect(JUMP).variation());
        XmrResult neutral = XmrChart.of(Polarity.NEUTRAL).detect(JUMP);
        assertEquals(VariationIcon.NEUTRAL_HIGH, neutral.variation());
        assertEquals(PointType.SPECIAL_CAUSE_NEUTRAL_LOW, neutral.points().get(0).type());
    }

    @Test
    void increasingTrendBelowMeanIsImprovementWhenHigherIsBetter() {
        // 20 x7 then 1..7: mean = (140 + 28) / 14 = 12; the trend 1..7 lies wholly below the mean
        double[] y = {20, 20, 20, 20, 20, 20, 20, 1, 2, 3, 4, 5, 6, 7};
        XmrResult r = XmrChart.of(Polarity.HIGHER_IS_BETTER).detect(y);
        // ranges: six 0s, 19, six 1s -> mean 25/13 = 1.923; screening drops 19 (>= 6.28) -> 6/12 = 0.5
        // limits 12 +- 1.33: every point is outside, so "outside" wins over trend and shift
        assertEquals(12 + 2.66 * 0.5, r.points().get(0).upperLimit(), TOL);
        assertEquals(SpcRule.OUTSIDE_LIMITS, r.points().get(13).rule());
        // without screening: amr 25/13, limits 12 +- 5.115: 7 (index 13) is inside, part of the rising trend
        XmrResult wide = XmrChart.of(Polarity.HIGHER_IS_BETTER).withScreening(Screening.NO_SCREENING).detect(y);
        XmrPoint last = wide.points().get(13);
        assertEquals(12 - 2.66 * 25 / 13, last.lowerLimit(), TOL); // 6.884615
        assertEquals(SpcRule.TREND, last.rule());
        assertEquals(PointType.SPECIAL_CAUSE_IMPROVEMENT, last.type());
        assertEquals(VariationIcon.IMPROVEMENT_HIGH, wide.variation());
        assertEquals(VariationIcon.CONCERN_LOW,
                XmrChart.of(Polarity.HIGHER_IS_BETTER).withScreening(Screening.NO_SCREENING)
                        .detect(new double[] {1, 1, 1, 1, 1, 1, 1, 20, 19, 18, 17, 16, 15, 14}).variation());
    }

    @Test
    void nhsrPlotTheDotsOppositeSidesCaseIsCommonCause() {
        // NHSRplotthedots test "only reports special cause for 2 of 3 points close to limits when they are on the same
        // side of the mean": (1,-1) x8 with the last two set to 5.5 and -5.5. Mean 0; ranges 13 x 2, 6.5, 11 ->
        // mean 43.5/15 = 2.9; screening drops 11 (>= 9.474) -> 32.5/14 = 2.3214; UPL 6.175, inner 4.117.
        double[] y = new double[16];
        for (int i = 0; i < 16; i++) {
            y[i] = i % 2 == 0 ? 1 : -1;
        }
        y[14] = 5.5;
        y[15] = -5.5;
        XmrResult r = XmrChart.of(Polarity.HIGHER_IS_BETTER).detect(y);
        assertEquals(2.66 * 32.5 / 14, r.points().get(0).upperLimit(), TOL);
        assertEquals(PointType.COMMON_CAUSE, r.points().get(14).type());
        assertEquals(PointType.COMMON_CAUSE, r.points().get(15).type());
    }

    @Test
    void fixedBaselineAppliesFirstPointsLimitsToAll() {
        // baseline 10,12,10,12: mean 11, ranges 2,2,2 -> UPL 11 + 5.32 = 16.32; the later 20s are outside
        XmrResult r = XmrChart.of(Polarity.LOWER_IS_BETTER).withBaseline(4).detect(new double[] {10, 12, 10, 12, 20, 20});
        assertEquals(16.32, r.points().get(5).upperLimit(), TOL);
        assertEquals(SpcRule.OUTSIDE_LIMITS, r.points().get(4).rule());
        assertEquals(PointType.SPECIAL_CAUSE_CONCERN, r.points().get(5).type());
        assertEquals(8.0, r.points().get(4).movingRange(), TOL);
        assertEquals(1, r.warnings().size()); // 6 values < 13
    }

    @Test
    void rebaseGivesEachSegmentItsOwnLimits() {
        double[] y = {10, 12, 10, 12, 10, 12, 20, 22, 20, 22, 20, 22};
        XmrResult r = XmrChart.of(Polarity.HIGHER_IS_BETTER).withRebaseAt(6).detect(y);
        assertEquals(11.0, r.points().get(5).mean(), TOL);
        assertEquals(0, r.points().get(5).segment());
        assertEquals(21.0, r.points().get(6).mean(), TOL);
        assertEquals(1, r.points().get(6).segment());
        assertEquals(21 + 2.66 * 2, r.points().get(6).upperLimit(), TOL);
        assertEquals(Double.NaN, r.points().get(6).movingRange()); // first point of a segment
        assertTrue(r.points().stream().allMatch(p -> p.type() == PointType.COMMON_CAUSE));
        assertEquals(2, r.warnings().size());
    }

    @Test
    void missingValuesAreSkippedAndMovingRangeSpansTheGap() {
        XmrResult r = XmrChart.of(Polarity.HIGHER_IS_BETTER).detect(new double[] {10, Double.NaN, 13, 10});
        assertEquals(PointType.MISSING, r.points().get(1).type());
        assertEquals(3.0, r.points().get(2).movingRange(), TOL);
        assertEquals(11.0, r.points().get(1).mean(), TOL); // (10 + 13 + 10) / 3
        assertEquals(11 + 2.66 * 3, r.points().get(0).upperLimit(), TOL); // ranges 3, 3
    }

    @Test
    void assuranceFromTargetAgainstLimits() {
        // STABLE: limits 4.9017 .. 15.0983
        XmrChart up = XmrChart.of(Polarity.HIGHER_IS_BETTER);
        assertEquals(AssuranceIcon.CONSISTENTLY_PASSING, up.withTarget(4).detect(STABLE).assurance());
        assertEquals(AssuranceIcon.CONSISTENTLY_FAILING, up.withTarget(16).detect(STABLE).assurance());
        assertEquals(AssuranceIcon.INCONSISTENT, up.withTarget(10).detect(STABLE).assurance());
        XmrChart down = XmrChart.of(Polarity.LOWER_IS_BETTER);
        assertEquals(AssuranceIcon.CONSISTENTLY_FAILING, down.withTarget(4).detect(STABLE).assurance());
        assertEquals(AssuranceIcon.CONSISTENTLY_PASSING, down.withTarget(16).detect(STABLE).assurance());
        assertEquals(AssuranceIcon.NONE, XmrChart.of(Polarity.NEUTRAL).withTarget(4).detect(STABLE).assurance());
    }

    @Test
    void emptyAndTinySeries() {
        XmrResult empty = XmrChart.of(Polarity.HIGHER_IS_BETTER).detect(new double[] {Double.NaN});
        assertEquals(VariationIcon.NO_DATA, empty.variation());
        XmrResult one = XmrChart.of(Polarity.HIGHER_IS_BETTER).withTarget(5).detect(new double[] {4});
        assertEquals(AssuranceIcon.NONE, one.assurance());
        assertEquals(2, one.warnings().size()); // short segment, and no moving range
    }

    @Test
    void invalidOptionsAreRejectedWithNamedMessages() {
        var e = assertThrows(IllegalArgumentException.class, () -> XmrChart.of(Polarity.NEUTRAL).withBaseline(1));
        assertEquals("Invalid baseline length: 1 points", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> XmrChart.of(Polarity.NEUTRAL).withRebaseAt(5, 5));
        assertThrows(IllegalArgumentException.class, () -> XmrChart.of(Polarity.NEUTRAL).withRebaseAt(0));
        assertThrows(IllegalArgumentException.class,
                () -> XmrChart.of(Polarity.NEUTRAL).withRebaseAt(4).detect(new double[] {1, 2, 3}));
    }

    @Test
    void chartAndResultSurviveJavaSerialisation() throws Exception {
        XmrChart chart = XmrChart.of(Polarity.HIGHER_IS_BETTER).withRebaseAt(6).withTarget(3);
        XmrResult result = chart.detect(JUMP);
        assertEquals(chart, roundTrip(chart));
        assertEquals(result, roundTrip(result));
    }

    static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
