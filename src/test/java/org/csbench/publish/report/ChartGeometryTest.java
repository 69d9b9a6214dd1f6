package org.csbench.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.csbench.publish.report.chart.Chart;
import org.csbench.publish.report.chart.LinearScale;
import org.csbench.publish.report.chart.Svg;

/** Scales, ticks and where the charts put their points, worked by hand. */
class ChartGeometryTest {
    static final Indicator RATE = new Indicator("referral_rate", "Referrals per 10,000 children", "rate_per_10000",
            "neutral", "annual", 1);

    @Test
    void aNiceScaleEnclosesTheValuesInWholeSteps() {
        // 3..97 in about 5 steps: raw step 18.8 -> 20; domain 0..100; y runs downwards from 300 to 0.
        LinearScale y = LinearScale.nice(3, 97, 300, 0, 5);
        assertEquals(0, y.domainMin());
        assertEquals(100, y.domainMax());
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), y.ticks());
        assertEquals(150, y.map(50), 1e-9);
        assertEquals(300, y.map(0), 1e-9);
        assertEquals(0, y.tickDecimals());
        // 0.12..0.31: raw 0.038 -> 0.05, domain 0.10..0.35, ticks printed with 2 decimals
        LinearScale small = LinearScale.nice(0.12, 0.31, 0, 100, 5);
        assertEquals(0.05, small.step(), 1e-12);
        assertEquals(0.10, small.domainMin(), 1e-12);
        assertEquals(0.35, small.domainMax(), 1e-12);
        assertEquals(6, small.ticks().size());
        assertEquals(0.3, small.ticks().get(4), 1e-12);
        assertEquals(2, small.tickDecimals());
    }

    @Test
    void aSingleValueGetsADomainAroundIt() {
        LinearScale one = LinearScale.nice(50, 50, 0, 100, 5);
        assertEquals(44, one.domainMin());
        assertEquals(56, one.domainMax());
        LinearScale zero = LinearScale.nice(0, 0, 0, 100, 4);
        assertEquals(-1, zero.domainMin(), 1e-12);
        assertEquals(1, zero.domainMax(), 1e-12);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> LinearScale.nice(Double.NaN, 1, 0, 1, 5));
        assertEquals("Invalid scale values: NaN to 1.0", bad.getMessage());
    }

    @Test
    void theTrendChartPlacesPeriodsEvenlyAndBreaksLinesAtGaps() {
        // 4 periods over the plot's 560 px (64 to 624): centres at 64 + 70, 210, 350, 490. Values 10..40 and
        // comparators 20 -> nice domain 10..40 in steps of 10 (raw 6 -> 10); y from 256 (bottom) to 16 (top): 8 px a
        // unit.
        List<Observation> series = List.of(
                Observation.of(LocalDate.of(2021, 3, 31), "2020-21", 10.0, 20.0, 20.0, 20.0),
                Observation.of(LocalDate.of(2022, 3, 31), "2021-22", 20.0, 20.0, 20.0, 20.0),
                Observation.of(LocalDate.of(2023, 3, 31), "2022-23", null, 20.0, 20.0, 20.0),
                Observation.of(LocalDate.of(2024, 3, 31), "2023-24", 40.0, 20.0, 20.0, 20.0));
        Chart chart = Charts.trend("t", "Manchester", RATE, series);
        List<Svg.Path> self = chart.svg().paths().stream().filter(p -> p.css().equals("s-self")).toList();
        // the missing 2022-23 breaks the authority's line: one path of two points, the last point alone (marker only)
        assertEquals(1, self.size());
        assertEquals("M134.0 256.0 L274.0 176.0", self.get(0).d());
        List<Svg.Marker> markers = chart.svg().markers().stream().filter(m -> m.css().equals("s-self")).toList();
        assertEquals(3, markers.size());
        assertEquals(554.0, markers.get(2).x(), 1e-9);
        assertEquals(16.0, markers.get(2).y(), 1e-9);
        assertEquals("Manchester, 2023-24: 40.0", markers.get(2).title());
        assertEquals(Arrays.asList("2022-23", "no value", "20.0", "20.0", "20.0"), chart.table().rows().get(2));
        assertEquals("Manchester: from 10.0 in 2020-21 to 40.0 in 2023-24; in 2023-24: statistical neighbours 20.0, "
                + "region 20.0, England 20.0.", chart.summary());
        // y ticks 10, 20, 30, 40 at 256, 176, 96, 16 (labels 4 px lower, on the line's middle)
        List<Svg.Label> ticks = chart.svg().labels().stream().filter(l -> l.css().equals("tick")
                && l.anchor().equals("end")).toList();
        assertEquals(List.of("10", "20", "30", "40"), ticks.stream().map(Svg.Label::text).toList());
        assertEquals(260.0, ticks.get(0).y(), 1e-9);
        assertEquals(100.0, ticks.get(2).y(), 1e-9);
    }

    @Test
    void theFocusChartRanksTheAuthorityAmongItsNeighbours() {
        Observation latest = new Observation("reporting_year", LocalDate.of(2024, 3, 31), "2023-24", 30.0,
                "available", 25.0, 2, null, null, 3, 150, 10.0, 20.0, 35.0, "C", null, null, null, null, null, null,
                null, null, null);
        List<NeighbourValue> neighbours = List.of(new NeighbourValue(1, "330", "Birmingham", 40.0, "available"),
                new NeighbourValue(2, "331", "Coventry", 10.0, "available"),
                new NeighbourValue(3, "332", "Dudley", null, "suppressed"));
        Chart chart = Charts.focus("f", "Manchester", RATE, latest, neighbours);
        assertEquals(List.of("Birmingham", "Manchester (this authority)", "Coventry", "Dudley"),
                chart.table().rows().stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("1st", "2nd", "3rd", ""), chart.table().rows().stream().map(r -> r.get(2)).toList());
        assertEquals("In 2023-24, Manchester's 30.0 is the 2nd highest of 3 (the authority and its statistical "
                + "neighbours with a value), in quartile band C of all authorities (A is the best quarter).",
                chart.summary());
        // x: 0..40 in steps of 10 over 200..616 px: 10.4 px a unit. Manchester's bar is 30 units wide: 312 px.
        Svg.Rect self = chart.svg().rects().stream().filter(r -> r.css().equals("bar-self")).findFirst().orElseThrow();
        assertEquals(200.0, self.x(), 1e-9);
        assertEquals(312.0, self.width(), 1e-9);
        // four marked values (neighbours' average, Q1, median, Q3) take four label rows above the bars
        assertEquals(4, chart.svg().lines().stream().filter(l -> l.css().equals("quartile")
                || l.css().equals("sn-line")).count());
        assertNull(Charts.focus("f", "Manchester", RATE, Observation.of(LocalDate.of(2024, 3, 31), "2023-24", null,
                null, null, null), List.of()));
    }

    @Test
    void markerShapesAreDrawnAroundTheirPoint() {
        assertEquals("M7.0 3.0 h6.0 v6.0 h-6.0Z", new Svg.Marker(Svg.Shape.SQUARE, 10, 6, 3, "s", "t").d());
        assertEquals("M10.0 2.1 L13.9 6.0 L10.0 9.9 L6.1 6.0Z", new Svg.Marker(Svg.Shape.DIAMOND, 10, 6, 3, "s",
                "t").d());
        assertTrue(new Svg.Marker(Svg.Shape.CIRCLE, 10, 6, 3, "s", "t").d().startsWith("M7.0 6.0 a3.0 3.0"));
    }
}
