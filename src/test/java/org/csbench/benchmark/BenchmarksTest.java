package org.csbench.benchmark;

import static org.csbench.benchmark.TestValues.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.config.Indicator.ComparatorMethod;
import org.csbench.model.Polarity;
import org.csbench.model.Target;
import org.csbench.model.Unit;

class BenchmarksTest {
    private static final LocalDate Y2024 = LocalDate.of(2024, 3, 31);
    private static final LocalDate Y2025 = LocalDate.of(2025, 3, 31);
    private static final String NW = "E12000002";
    private static final double EPS = 1e-9;

    @Test
    void neighbourAverageSkipsSuppressedNeighboursAndUsesTheModelInForce() {
        Map<String, Row> out = new TestValues()
                .indicator("rate", Unit.RATE_PER_10000, Polarity.LOWER_IS_BETTER, ComparatorMethod.MEAN, false, null)
                // 2021 model (to 2024): 100's neighbours 101, 102, 103; 2025 model: 104, 105
                .neighbour("2021", 2013, 2024, "100", 1, "101").neighbour("2021", 2013, 2024, "100", 2, "102")
                .neighbour("2021", 2013, 2024, "100", 3, "103")
                .neighbour("2025", 2025, null, "100", 1, "104").neighbour("2025", 2025, null, "100", 2, "105")
                .la("rate", "reporting_year", Y2024, "100", NW, 50.0).la("rate", "reporting_year", Y2024, "101", NW, 10.0)
                .la("rate", "reporting_year", Y2024, "102", NW, null).la("rate", "reporting_year", Y2024, "103", NW, 40.0)
                .la("rate", "reporting_year", Y2024, "104", NW, 1000.0)
                .la("rate", "reporting_year", Y2025, "100", NW, 60.0).la("rate", "reporting_year", Y2025, "101", NW, 999.0)
                .la("rate", "reporting_year", Y2025, "104", NW, 30.0).la("rate", "reporting_year", Y2025, "105", NW, 50.0)
                .benchmark();
        Row y2024 = out.get(key("100", Y2024, "rate"));
        assertEquals("2021", y2024.getAs("sn_model"));
        assertEquals(3L, (long) y2024.<Long>getAs("sn_expected"));
        assertEquals(2L, (long) y2024.<Long>getAs("sn_count"));
        assertEquals(25.0, y2024.<Double>getAs("sn_average"), EPS); // (10 + 40) / 2; 102 is suppressed
        assertEquals(25.0, y2024.<Double>getAs("gap_to_sn"), EPS);
        assertEquals(100.0, y2024.<Double>getAs("gap_to_sn_pct"), EPS);
        assertEquals("worse", y2024.getAs("vs_sn")); // lower is better, 50 > 25

        Row y2025 = out.get(key("100", Y2025, "rate"));
        assertEquals("2025", y2025.getAs("sn_model"));
        assertEquals(40.0, y2025.<Double>getAs("sn_average"), EPS); // (30 + 50) / 2
        assertEquals(2L, (long) y2025.<Long>getAs("sn_count"));
        assertEquals(20.0, y2025.<Double>getAs("gap_to_sn"), EPS);
        assertEquals(50.0, y2025.<Double>getAs("gap_to_sn_pct"), EPS);
        assertEquals("worse", y2025.getAs("vs_sn"));
        assertNull(out.get(key("101", Y2024, "rate")).getAs("sn_average"), "an authority outside the models has none");
    }

    @Test
    void pooledNeighbourAverageSumsNumeratorsOverDenominators() {
        Map<String, Row> out = new TestValues()
                .indicator("pct", Unit.PERCENT, Polarity.HIGHER_IS_BETTER, ComparatorMethod.POOLED, true, null)
                .neighbour("2025", 2025, null, "100", 1, "104").neighbour("2025", 2025, null, "100", 2, "105")
                .la("pct", "reporting_year", Y2025, "100", NW, 9.0, 20.0, 45.0, "available")
                .la("pct", "reporting_year", Y2025, "104", NW, 3.0, 10.0, 30.0, "available")
                .la("pct", "reporting_year", Y2025, "105", NW, 10.0, 20.0, 50.0, "available")
                .benchmark();
        Row row = out.get(key("100", Y2025, "pct"));
        assertEquals(13.0 / 30.0 * 100, row.<Double>getAs("sn_average"), EPS); // not the mean of 30 and 50 (40)
        assertEquals(1.7, row.<Double>getAs("gap_to_sn"), EPS); // 45 - 43.33 = 1.67, 1 decimal place
        assertEquals("better", row.getAs("vs_sn"));
    }

    @Test
    void areaMeansAreExactWhateverOrderTheAuthoritiesArriveIn() {
        // In doubles 0.1 + 0.2 + 0.3 is 0.6000000000000001 added one way and 0.6 the other, so a mean taken in
        // arrival order differs between a refresh and a rebuild. Taken exactly: the North West's mean is
        // (0.1 + 0.2 + 0.3) / 3 = 0.2 and England's (0.1 + 0.2 + 0.3 + 0.7) / 4 = 0.325, either way.
        double[] northWest = {0.1, 0.2, 0.3};
        for (boolean reversed : new boolean[] {false, true}) {
            TestValues values = new TestValues()
                    .indicator("days", Unit.DAYS, Polarity.LOWER_IS_BETTER, ComparatorMethod.MEAN, false, null)
                    .la("days", "reporting_year", Y2025, "400", "E12000003", 0.7);
            for (int i = 0; i < northWest.length; i++) {
                int la = reversed ? northWest.length - 1 - i : i;
                values.la("days", "reporting_year", Y2025, "30" + la, NW, northWest[la]);
            }
            Row row = values.benchmark().get(key("300", Y2025, "days"));
            assertEquals(0.2, row.<Double>getAs("region_value"), 0.0, "reversed " + reversed);
            assertEquals(0.325, row.<Double>getAs("england_value"), 0.0, "reversed " + reversed);
        }
    }

    @Test
    void ranksShareTheLowerRankOnTiesAndFollowPolarity() {
        TestValues values = new TestValues()
                .indicator("low", Unit.PERCENT, Polarity.LOWER_IS_BETTER, ComparatorMethod.MEAN, false, null)
                .indicator("high", Unit.PERCENT, Polarity.HIGHER_IS_BETTER, ComparatorMethod.MEAN, false, null)
                .indicator("neutral", Unit.PERCENT, Polarity.NEUTRAL, ComparatorMethod.MEAN, false, null);
        double[] v = {10, 20, 20, 30};
        for (String indicator : new String[] {"low", "high", "neutral"}) {
            for (int i = 0; i < v.length; i++) {
                values.la(indicator, "reporting_year", Y2025, "10" + i, NW, v[i]);
            }
            values.la(indicator, "reporting_year", Y2025, "109", NW, null); // suppressed: not ranked
        }
        Map<String, Row> out = values.benchmark();
        int[] lowRanks = {1, 2, 2, 4};
        int[] highRanks = {4, 2, 2, 1};
        for (int i = 0; i < v.length; i++) {
            assertEquals(lowRanks[i], (int) out.get(key("10" + i, Y2025, "low")).<Integer>getAs("rank"));
            assertEquals(highRanks[i], (int) out.get(key("10" + i, Y2025, "high")).<Integer>getAs("rank"));
            assertNull(out.get(key("10" + i, Y2025, "neutral")).getAs("rank"));
            assertEquals(4L, (long) out.get(key("10" + i, Y2025, "low")).<Long>getAs("rank_count"));
        }
        Row suppressed = out.get(key("109", Y2025, "low"));
        assertNull(suppressed.getAs("rank"));
        assertNull(suppressed.getAs("quartile_band"));
        assertEquals("not_available", suppressed.getAs("direction_vs_previous"));
    }

    @Test
    void quartilesAreRType7AndBandsAreTheSameQuartersWithLettersTurnedRoundByPolarity() {
        double[] v = {10, 15, 20, 30, 50, 60};
        TestValues values = new TestValues()
                .indicator("low", Unit.PERCENT, Polarity.LOWER_IS_BETTER, ComparatorMethod.MEAN, false, null)
                .indicator("high", Unit.PERCENT, Polarity.HIGHER_IS_BETTER, ComparatorMethod.MEAN, false, null);
        for (int i = 0; i < v.length; i++) {
            values.la("low", "reporting_year", Y2025, "10" + i, NW, v[i]).la("high", "reporting_year", Y2025, "10" + i, NW, v[i]);
        }
        // boundary values: 1..5 has Q25 = 2, Q50 = 3, Q75 = 4 exactly
        for (int i = 1; i <= 5; i++) {
            values.la("low", "reporting_year", Y2024, "10" + i, NW, (double) i).la("high", "reporting_year", Y2024, "10" + i, NW, (double) i);
        }
        Map<String, Row> out = values.benchmark();

        Percentile r7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        Row first = out.get(key("100", Y2025, "low"));
        assertEquals(16.25, first.<Double>getAs("quartile_25"), EPS); // position 0.25 * 5 = 1.25: 15 + 0.25 * 5
        assertEquals(25.0, first.<Double>getAs("quartile_50"), EPS);
        assertEquals(45.0, first.<Double>getAs("quartile_75"), EPS);
        assertEquals(r7.evaluate(v, 25), first.<Double>getAs("quartile_25"), EPS);
        assertEquals(r7.evaluate(v, 75), first.<Double>getAs("quartile_75"), EPS);

        String[] lowBands = {"A", "A", "B", "C", "D", "D"};
        String[] highBands = {"D", "D", "C", "B", "A", "A"};
        for (int i = 0; i < v.length; i++) {
            assertEquals(lowBands[i], out.get(key("10" + i, Y2025, "low")).getAs("quartile_band"), "low " + v[i]);
            assertEquals(highBands[i], out.get(key("10" + i, Y2025, "high")).getAs("quartile_band"), "high " + v[i]);
        }
        String[] lowOnBoundaries = {"A", "A", "B", "C", "D"};
        String[] highOnBoundaries = {"D", "D", "C", "B", "A"}; // the same quarters, letters turned round
        int[] quartiles = {1, 1, 2, 3, 4};
        for (int i = 1; i <= 5; i++) {
            Row low = out.get(key("10" + i, Y2024, "low"));
            assertEquals(lowOnBoundaries[i - 1], low.getAs("quartile_band"), "low " + i);
            assertEquals(highOnBoundaries[i - 1], out.get(key("10" + i, Y2024, "high")).getAs("quartile_band"), "high " + i);
            assertEquals(quartiles[i - 1], (int) low.<Integer>getAs("quartile"));
        }
    }

    @Test
    void ragMeetsSingleTargetsByPolarityAndRangesFromInside() {
        TestValues values = new TestValues()
                .indicator("high", Unit.PERCENT, Polarity.HIGHER_IS_BETTER, ComparatorMethod.MEAN, false, Target.of(85))
                .indicator("low", Unit.PERCENT, Polarity.LOWER_IS_BETTER, ComparatorMethod.MEAN, false, Target.of(20))
                .indicator("range", Unit.PERCENT, Polarity.LOWER_IS_BETTER, ComparatorMethod.MEAN, false, new Target(20, 24))
                .indicator("neutral", Unit.PERCENT, Polarity.NEUTRAL, ComparatorMethod.MEAN, false, Target.of(50));
        // tolerance 2% of the target: 85 -> amber down to 83.3; 20 -> amber up to 20.4; 20-24 -> 19.6 to 24.48
        Object[][] cases = {
            {"high", 86.0, "green", 1.0}, {"high", 85.0, "green", 0.0}, {"high", 83.3, "amber", -1.7},
            {"high", 83.2, "red", -1.8},
            {"low", 19.0, "green", -1.0}, {"low", 20.4, "amber", 0.4}, {"low", 20.5, "red", 0.5},
            {"range", 22.0, "green", 0.0}, {"range", 19.6, "amber", -0.4}, {"range", 24.4, "amber", 0.4},
            {"range", 24.5, "red", 0.5}, {"range", 19.5, "red", -0.5},
            {"neutral", 50.0, null, 0.0},
        };
        for (int i = 0; i < cases.length; i++) {
            values.la((String) cases[i][0], "reporting_year", Y2025, String.format("%03d", 100 + i), NW, (Double) cases[i][1]);
        }
        Map<String, Row> out = values.benchmark();
        for (int i = 0; i < cases.length; i++) {
            Row row = out.get(key(String.format("%03d", 100 + i), Y2025, (String) cases[i][0]));
            String label = cases[i][0] + " " + cases[i][1];
            assertEquals(cases[i][2], row.getAs("rag"), label);
            assertEquals((Double) cases[i][3], row.<Double>getAs("gap_to_target"), EPS, label);
            assertEquals("catalogue", row.getAs("target_source"), label);
        }
    }

    @Test
    void directionOfTravelByPolarityAndOnlyBetweenConsecutivePeriods() {
        LocalDate jan = LocalDate.of(2024, 1, 31);
        LocalDate feb = LocalDate.of(2024, 2, 29);
        LocalDate apr = LocalDate.of(2024, 4, 30);
        LocalDate aprBefore = LocalDate.of(2023, 4, 30);
        Map<String, Row> out = new TestValues()
                .indicator("low", Unit.PERCENT, Polarity.LOWER_IS_BETTER, ComparatorMethod.MEAN, false, null)
                .indicator("neutral", Unit.PERCENT, Polarity.NEUTRAL, ComparatorMethod.MEAN, false, null)
                .la("low", "month", aprBefore, "100", NW, 12.0).la("low", "month", jan, "100", NW, 10.0)
                .la("low", "month", feb, "100", NW, 8.0).la("low", "month", apr, "100", NW, 12.0)
                .la("neutral", "month", jan, "100", NW, 10.0).la("neutral", "month", feb, "100", NW, 8.0)
                .benchmark();
        Row february = out.get(key("100", feb, "low"));
        assertEquals("improving", february.getAs("direction_vs_previous")); // lower is better: 10 -> 8
        assertEquals(10.0, february.<Double>getAs("previous_value"), EPS);
        Row april = out.get(key("100", apr, "low"));
        assertEquals("not_comparable", april.getAs("direction_vs_previous")); // March is missing
        assertEquals("no value for the period ending 2024-03-31: the periods are not consecutive",
                april.getAs("direction_vs_previous_reason"));
        assertEquals("no_change", april.getAs("direction_vs_last_year")); // April 2023: 12
        assertEquals("decreasing", out.get(key("100", feb, "neutral")).getAs("direction_vs_previous"));
        assertEquals("not_comparable", out.get(key("100", jan, "low")).getAs("direction_vs_previous"));
    }

    @Test
    void reorganisedAuthoritiesAppearOnlyWhileTheyExistAndNoDirectionCrossesTheChange() {
        LocalDate y2023 = LocalDate.of(2023, 3, 31);
        LocalDate y2020 = LocalDate.of(2020, 3, 31);
        LocalDate y2021 = LocalDate.of(2021, 3, 31);
        Map<String, Row> out = new TestValues()
                .indicator("low", Unit.PERCENT, Polarity.LOWER_IS_BETTER, ComparatorMethod.MEAN, false, null)
                .change(2024, "split", "909", "942").change(2024, "split", "909", "943")
                .change(2021, "code_change", "300", "301")
                .la("low", "reporting_year", y2023, "909", NW, 40.0)
                .la("low", "reporting_year", Y2024, "909", NW, null, null, null, "z") // predecessor after the split
                .la("low", "reporting_year", y2023, "942", NW, null, null, null, "z") // successor before it
                .la("low", "reporting_year", Y2024, "942", NW, 30.0).la("low", "reporting_year", Y2025, "942", NW, 20.0)
                .la("low", "reporting_year", y2020, "300", NW, 50.0).la("low", "reporting_year", y2021, "301", NW, 60.0)
                .benchmark();
        assertFalse(out.containsKey(key("909", Y2024, "low")), "Cumbria does not exist in 2024");
        assertFalse(out.containsKey(key("942", y2023, "low")), "Cumberland does not exist in 2023");
        Row first = out.get(key("942", Y2024, "low"));
        assertEquals("not_comparable", first.getAs("direction_vs_previous"));
        assertEquals("boundary changed in reporting year 2024", first.getAs("direction_vs_previous_reason"));
        assertEquals(1L, (long) out.get(key("942", Y2025, "low")).<Long>getAs("rank_count"));
        assertEquals("improving", out.get(key("942", Y2025, "low")).getAs("direction_vs_previous"));
        Row renamed = out.get(key("301", y2021, "low"));
        assertEquals("deteriorating", renamed.getAs("direction_vs_previous"), "a code change keeps the series");
        assertEquals(50.0, renamed.<Double>getAs("previous_value"), EPS);
    }

    @Test
    void regionAndEnglandUseTheirOwnRowsOrAggregateTheAuthorities() {
        Map<String, Row> out = new TestValues()
                .indicator("pct", Unit.PERCENT, Polarity.HIGHER_IS_BETTER, ComparatorMethod.MEAN, true, null)
                .la("pct", "reporting_year", Y2025, "202", "E13000001", 5.0, 10.0, 50.0, "available")
                .la("pct", "reporting_year", Y2025, "203", "E13000001", 1.0, 10.0, 10.0, "available")
                .la("pct", "reporting_year", Y2025, "204", "E13000002", 63.0, 200.0, 31.5, "available")
                .la("pct", "reporting_year", Y2025, "300", NW, 3.0, 10.0, 30.0, "available")
                .la("pct", "reporting_year", Y2025, "301", NW, 1.0, 30.0, 3.3, "available")
                .la("pct", "reporting_year", Y2025, "302", NW, null, null, null, "c")
                .area("pct", "reporting_year", Y2025, "regional", "E12000007", 31.0, "published")
                .benchmark();
        Row camden = out.get(key("202", Y2025, "pct"));
        assertEquals("E12000007", camden.getAs("comparator_region_code"));
        assertEquals(31.0, camden.<Double>getAs("region_value"), EPS);
        assertEquals("published", camden.getAs("region_source"));
        assertEquals(3L, (long) camden.<Long>getAs("region_count")); // Inner and Outer London authorities
        Row northWest = out.get(key("300", Y2025, "pct"));
        assertEquals(4.0 / 40.0 * 100, northWest.<Double>getAs("region_value"), EPS); // (3 + 1) / (10 + 30)
        assertEquals("aggregated", northWest.getAs("region_source"));
        assertEquals(2L, (long) northWest.<Long>getAs("region_count")); // 302 is suppressed
        assertEquals(73.0 / 260.0 * 100, northWest.<Double>getAs("england_value"), EPS);
        assertEquals(5L, (long) northWest.<Long>getAs("england_count"));
        assertEquals("better", northWest.getAs("vs_region")); // 30 vs 10, higher is better
        assertEquals("worse", out.get(key("203", Y2025, "pct")).getAs("vs_region")); // 10 vs 31
        Row close = out.get(key("204", Y2025, "pct"));
        assertEquals("similar", close.getAs("vs_region")); // 31.5 vs 31: within 2% of 31 (0.62)
        assertEquals(0.5, close.<Double>getAs("gap_to_region"), EPS);
        assertEquals(1.6, close.<Double>getAs("gap_to_region_pct"), EPS); // 0.5 / 31 = 1.61%
    }
}
