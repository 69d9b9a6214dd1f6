package org.csbench.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Discussion points and the "worse and worsening" test from given signals. */
class DiscussionTest {
    static final Indicator REFERRALS = new Indicator("referrals_rate_month", "Referrals per 10,000 children",
            "rate_per_10000", "neutral", "monthly", 0);
    static final Indicator REREFERRALS = new Indicator("rereferral_pct", "Re-referrals within 12 months (%)",
            "percent", "lower_is_better", "annual", 1);

    private static Observation latest(double value, double sn, String vsSn, double england, String vsEngland) {
        return new Observation("month", LocalDate.of(2025, 3, 31), "Mar-25", value, "available", sn, 10, null,
                england, null, null, null, null, null, null, null, null, null, "Feb-25", null, null, vsSn, null,
                vsEngland);
    }

    private static List<Signals.SpcPoint> months(double... values) {
        List<Signals.SpcPoint> points = new ArrayList<>();
        LocalDate end = LocalDate.of(2024, 3, 31);
        for (double v : values) {
            points.add(new Signals.SpcPoint(end, v, 550.0, 450.0, 650.0, null, "common_cause"));
            end = end.plusMonths(1).withDayOfMonth(1).plusMonths(1).minusDays(1);
        }
        return points;
    }

    @Test
    void theBriefsExampleReadsAsPlainEnglish() {
        Signals.Series concern = new Signals.Series("month", "concern_high", "none", 550.0, 450.0, 650.0,
                "no_significant_trend", 0.2, 1.0, 12);
        IndicatorData data = new IndicatorData(REFERRALS, List.of(latest(612, 548, "higher", 560, "higher")),
                List.of(), concern, months(560, 580, 570, 548, 555, 560, 575, 580, 590, 600, 612), null);
        assertEquals(List.of("Referrals per 10,000 children are higher than the statistical-neighbour average (612 vs "
                + "548) and have risen for 7 consecutive months: special cause of concern."), Discussion.points(data));
    }

    @Test
    void polarityTargetsTrendsAndFunnelsAddSentences() {
        Observation last = new Observation("reporting_year", LocalDate.of(2024, 3, 31), "2023-24", 26.0,
                "available", 21.9, 10, 22.0, 22.6, 150, 152, 18.0, 21.0, 24.0, "D", 20.0, 24.0, "red", "2022-23", 25.0,
                "deteriorating", "worse", "worse", "worse");
        Signals.Series trend = new Signals.Series("reporting_year", "common_cause", "inconsistent", 22.0, 15.0,
                29.0, "deteriorating", 0.0123, 0.5, 7);
        Signals.Funnel funnel = new Signals.Funnel(LocalDate.of(2024, 3, 31), 26.0, 22.4, 20.0, 24.8, 19.0, 25.9,
                "unfavourable", "unfavourable");
        IndicatorData data = new IndicatorData(REREFERRALS, List.of(last), List.of(), trend, List.of(), funnel);
        assertEquals(List.of(
                "Re-referrals within 12 months are higher than the statistical-neighbour average (26.0% vs 21.9%, "
                        + "worse).",
                "The trend over 7 periods is deteriorating (Mann-Kendall test, p = 0.012).",
                "It misses its target of 20.0% to 24.0% (red).",
                "It is in quartile band D (the worst quarter of authorities), ranked 150th of 152.",
                "In the funnel plot it is worse than expected at 99.8% limits (26.0% against an average of 22.4%)."),
                Discussion.points(data));
        assertTrue(Discussion.worse(data));
        assertTrue(Discussion.worsening(data));
        assertEquals(Optional.of("Re-referrals within 12 months (%): 26.0% in 2023-24 is worse than statistical "
                + "neighbours (21.9%) and England (22.6%); deteriorating trend (p = 0.012)."),
                Discussion.worseAndWorsening(data));
    }

    @Test
    void worseButNotWorseningIsLeftOffTheList() {
        Signals.Series steady = new Signals.Series("reporting_year", "common_cause", "none", 22.0, 15.0, 29.0,
                "no_significant_trend", 0.4, 0.1, 7);
        IndicatorData data = new IndicatorData(REREFERRALS, List.of(latest(26, 21.9, "worse", 22.6, "similar")),
                List.of(), steady, List.of(), null);
        assertTrue(Discussion.worse(data));
        assertEquals(Optional.empty(), Discussion.worseAndWorsening(data));
        Signals.Series concern = new Signals.Series("reporting_year", "concern_high", "none", 22.0, 15.0, 29.0,
                "no_significant_trend", 0.4, 0.1, 7);
        IndicatorData better = new IndicatorData(REREFERRALS, List.of(latest(18, 21.9, "better", 22.6, "better")),
                List.of(), concern, List.of(), null);
        assertEquals(Optional.empty(), Discussion.worseAndWorsening(better));
    }

    @Test
    void smallPValuesAreNotPrintedAsZero() {
        assertEquals("p < 0.001", Format.pValue(0.0004));
        assertEquals("p = 0.036", Format.pValue(0.0355));
    }

    @Test
    void runsCountTheRisesUpToTheLastValue() {
        assertEquals(new Discussion.Run(3, true, "year"), Discussion.run(List.of(4.0, 5.0, 7.0, 9.0), "year"));
        assertEquals(new Discussion.Run(4, false, "month"), Discussion.run(List.of(9.0, 8.0, 7.0, 6.0, 5.0),
                "month"));
        assertNull(Discussion.run(List.of(4.0, 5.0, 7.0), "year"), "two rises are not a run");
        assertNull(Discussion.run(List.of(4.0, 5.0, 7.0, 7.0), "year"), "no change last");
        assertNull(Discussion.run(Arrays.asList(4.0, 5.0, 7.0, null), "year"), "missing last");
        assertEquals(new Discussion.Run(3, true, "year"), Discussion.run(Arrays.asList(null, 5.0, 6.0, 7.0, 8.0),
                "year"));
    }

    @Test
    void theVerbAgreesWithTheHeadNoun() {
        String[][] cases = {
            {"Referrals per 10,000 children", "are"},
            {"Children in need per 10,000 children", "are"},
            {"Child protection plans lasting 2 years or more (%)", "are"},
            {"Social worker turnover rate (%)", "is"},
            {"Average caseload per social worker (month end)", "is"},
            {"Missing from home or care incidents in the month", "are"},
            {"Care leavers in education, employment or training (%)", "are"},
            {"Children and family social workers (FTE)", "are"},
            {"Child and family assessments completed within 45 working days (%)", "are"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], new Indicator("x", c[0], "count", "neutral", "annual", 0).verb(), c[0]);
        }
    }
}
