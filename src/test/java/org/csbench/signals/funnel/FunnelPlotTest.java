package org.csbench.signals.funnel;

import static org.csbench.signals.Serialization.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.csbench.model.Judgement;
import org.csbench.model.Polarity;
import org.junit.jupiter.api.Test;

class FunnelPlotTest {

    private static final double NaN = Double.NaN;

    @Test
    void proportionLimitsByNormalApproximation() {
        // p0 = (10 + 30 + 60) / (100 + 200 + 300) = 1/6; s_A = sqrt(1/6 * 5/6 / 100) = 0.0372678
        // z_A = (0.1 - 0.1666667) / 0.0372678 = -1.7888544; limits A 95%: 1/6 -+ 1.959964 * 0.0372678 = 0.093623, 0.239710
        List<FunnelUnit> units = List.of(FunnelUnit.of("A", 10, 100), FunnelUnit.of("B", 30, 200),
                FunnelUnit.of("C", 60, 300), FunnelUnit.of("D", 0, 0), FunnelUnit.of("E", NaN, 50));
        FunnelResult r = FunnelPlot.proportions(Polarity.HIGHER_IS_BETTER).withOverdispersion(Overdispersion.NONE)
                .detect(units);
        assertEquals(1.0 / 6, r.target(), 1e-12);
        assertEquals(0.0, r.tau2(), 0);
        FunnelPoint a = r.points().get(0);
        assertEquals(-1.7888543819998317, a.zScore(), 1e-9);
        assertEquals(0.09362312161861819, a.lower95(), 1e-8);
        assertEquals(0.23971021171471513, a.upper95(), 1e-8);
        assertEquals(FunnelFlag.INSIDE, a.flag95());
        // C: 0.2 against 99.8% limits 0.100175 .. 0.233158 -> inside; z = 1.5491933
        FunnelPoint c = r.points().get(2);
        assertEquals(1.5491933384829668, c.zScore(), 1e-9);
        assertEquals(0.23315787920944486, c.upper998(), 1e-8);
        assertEquals(List.of(new ExcludedUnit("D", ExclusionReason.MISSING_OR_ZERO_DENOMINATOR),
                new ExcludedUnit("E", ExclusionReason.MISSING_NUMERATOR)), r.excluded());
    }

    /**
     * A unit whose exact Poisson limits cannot be computed (1e20 events: the chi-square quantile's root finder
     * fails with "function values at endpoints do not have different signs") is left out with its reason, and the
     * plot of the others is the one made without it; an infinite numerator is left out before any arithmetic.
     */
    @Test
    void aUnitWhoseLimitsCannotBeComputedIsExcludedWithItsReasonAndTheOthersArePlotted() {
        FunnelPlot plot = FunnelPlot.ratesPer(10000, Polarity.NEUTRAL).withOverdispersion(Overdispersion.NONE);
        List<FunnelUnit> others = List.of(FunnelUnit.of("B", 50, 10000), FunnelUnit.of("C", 60, 12000));
        List<FunnelUnit> units = new ArrayList<>(others);
        units.add(0, FunnelUnit.of("A", 1e20, 1));
        units.add(FunnelUnit.of("D", Double.POSITIVE_INFINITY, 100));
        FunnelResult r = plot.detect(units);
        FunnelResult without = plot.detect(others);
        // target = (50 + 60) / (10000 + 12000) x 10000 = 50 per 10,000
        assertEquals(50.0, r.target(), 1e-9);
        assertEquals(without.points(), r.points());
        assertEquals(List.of(new ExcludedUnit("D", ExclusionReason.NON_FINITE_VALUE),
                new ExcludedUnit("A", ExclusionReason.LIMITS_NOT_COMPUTABLE)), r.excluded());
    }

    /** Ten units of 100 cases, 200 events: p0 = 0.2, s = sqrt(0.2 * 0.8 / 100) = 0.04 for every unit. */
    private static List<FunnelUnit> overdispersed() {
        double[] events = {5, 10, 12, 15, 18, 20, 22, 25, 30, 43};
        List<FunnelUnit> units = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            units.add(FunnelUnit.of("LA" + i, events[i], 100));
        }
        return units;
    }

    @Test
    void overdispersionWinsorisesAndWidensLimits() {
        // z = (p - 0.2)/0.04 = -3.75, -2.5, -2, -1.25, -0.5, 0, 0.5, 1.25, 2.5, 5.75
        // R-7 10th percentile: -3.75 + 0.9 * 1.25 = -2.625; 90th: 2.5 + 0.1 * 3.25 = 2.825
        // winsorised squares: 6.890625 + 6.25 + 4 + 1.5625 + 0.25 + 0 + 0.25 + 1.5625 + 6.25 + 7.980625 = 34.99625
        // phi = 3.499625; I*phi = 34.99625 > 9; w = 625 each: sum w - sum w^2 / sum w = 6250 - 625 = 5625
        // tau2 = (34.99625 - 9) / 5625 = 0.00462155556; sd = sqrt(0.0016 + tau2) = 0.0788768
        FunnelResult r = FunnelPlot.proportions(Polarity.LOWER_IS_BETTER).detect(overdispersed());
        assertEquals(0.2, r.target(), 1e-12);
        assertEquals(3.499625, r.phi(), 1e-12);
        assertEquals(25.99625 / 5625, r.tau2(), 1e-12);
        FunnelPoint worst = r.points().get(9);
        assertEquals(0.2 + 1.959963984540054 * Math.sqrt(0.0016 + 25.99625 / 5625), worst.upper95(), 1e-9); // 0.354596
        assertEquals(0.44374775265663136, worst.upper998(), 1e-9);
        assertEquals(0.0, worst.lower998(), 0); // 0.2 - 0.24375 clamped at 0
        assertEquals(2.91593839, worst.zScore(), 1e-8); // 0.23 / 0.0788768
        assertEquals(FunnelFlag.ABOVE, worst.flag95());
        assertEquals(Judgement.UNFAVOURABLE, worst.judgement95());
        assertEquals(FunnelFlag.INSIDE, worst.flag998());
        assertEquals(Judgement.NONE, worst.judgement998());
        // 0.05 is inside the widened 95% limits (0.045404) though z = -3.75 unadjusted
        assertEquals(FunnelFlag.INSIDE, r.points().get(0).flag95());
        // without the adjustment the same unit is below both levels: 0.2 - 3.090232 * 0.04 = 0.076391 > 0.05
        FunnelPoint raw = FunnelPlot.proportions(Polarity.LOWER_IS_BETTER).withOverdispersion(Overdispersion.NONE)
                .detect(overdispersed()).points().get(0);
        assertEquals(FunnelFlag.BELOW, raw.flag998());
        assertEquals(Judgement.FAVOURABLE, raw.judgement998());
        assertEquals(-3.75, raw.zScore(), 1e-12);
    }

    @Test
    void underdispersedDataKeepsPlainLimits() {
        // three near-identical units: I*phi < I - 1, so tau2 = 0
        FunnelResult r = FunnelPlot.proportions(Polarity.NEUTRAL).detect(List.of(FunnelUnit.of("a", 20, 100),
                FunnelUnit.of("b", 21, 100), FunnelUnit.of("c", 19, 100)));
        assertEquals(0.0, r.tau2(), 0);
        assertEquals(0.2 + 1.959963984540054 * 0.04, r.points().get(0).upper95(), 1e-9);
    }

    @Test
    void ratesUseExactPoissonLimitsAroundTheExpectedCount() {
        // r0 = 100 / 10000 = 0.01 = 10 per 1000. Unit A: E = 1000 * 0.01 = 10, 95% limits
        // chi2inv(0.025, 20)/2 = 4.795389 and chi2inv(0.975, 22)/2 = 18.390356 events (Garwood's interval for 10),
        // i.e. 4.795389 and 18.390356 per 1000.
        List<FunnelUnit> units = List.of(FunnelUnit.of("A", 5, 1000), FunnelUnit.of("B", 20, 2000),
                FunnelUnit.of("C", 50, 3000), FunnelUnit.of("D", 25, 4000));
        FunnelResult r = FunnelPlot.ratesPer(1000, Polarity.LOWER_IS_BETTER).withOverdispersion(Overdispersion.NONE)
                .detect(units);
        assertEquals(10.0, r.target(), 1e-12);
        FunnelPoint a = r.points().get(0);
        assertEquals(4.7953886961324335, a.lower95(), 1e-7);
        assertEquals(18.39035604201778, a.upper95(), 1e-7);
        assertEquals(5.0, a.value(), 1e-12);
        assertEquals(-1.5811388300841898, a.zScore(), 1e-9); // (0.005 - 0.01) / sqrt(0.01 / 1000)
        // C: 16.67 per 1000 above the 95% upper 14.275622, inside the 99.8% upper 17.027708 -> worse at 95% only
        FunnelPoint c = r.points().get(2);
        assertEquals(14.27562179826922, c.upper95(), 1e-7);
        assertEquals(17.027708055308132, c.upper998(), 1e-7);
        assertEquals(FunnelFlag.ABOVE, c.flag95());
        assertEquals(Judgement.UNFAVOURABLE, c.judgement95());
        assertEquals(FunnelFlag.INSIDE, c.flag998());
        // D: 6.25 below the 95% lower 7.144147, above the 99.8% lower 5.814984
        FunnelPoint d = r.points().get(3);
        assertEquals(7.144146610447241, d.lower95(), 1e-7);
        assertEquals(5.814984491145941, d.lower998(), 1e-7);
        assertEquals(FunnelFlag.BELOW, d.flag95());
        assertEquals(Judgement.FAVOURABLE, d.judgement95());
        assertEquals(FunnelFlag.INSIDE, d.flag998());
    }

    @Test
    void invalidUnitsAreExcludedWithReasons() {
        FunnelResult r = FunnelPlot.proportions(Polarity.HIGHER_IS_BETTER).detect(List.of(FunnelUnit.of("ok", 1, 2),
                FunnelUnit.of("neg", -1, 10), FunnelUnit.of("over", 11, 10), FunnelUnit.of("nan", 1, NaN)));
        assertEquals(1, r.points().size());
        assertEquals(List.of(ExclusionReason.NEGATIVE_VALUE, ExclusionReason.NUMERATOR_EXCEEDS_DENOMINATOR,
                ExclusionReason.MISSING_OR_ZERO_DENOMINATOR), r.excluded().stream().map(ExcludedUnit::reason).toList());
        // a rate may exceed 1 event per person-time unit
        assertEquals(0, FunnelPlot.ratesPer(1, Polarity.NEUTRAL).detect(List.of(FunnelUnit.of("over", 11, 10)))
                .excluded().size());
        FunnelResult none = FunnelPlot.proportions(Polarity.NEUTRAL).detect(List.of(FunnelUnit.of("x", NaN, 1)));
        assertEquals(NaN, none.target());
        assertEquals(0, none.points().size());
    }

    @Test
    void invalidOptionsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> FunnelPlot.ratesPer(0, Polarity.NEUTRAL));
        assertEquals("Invalid funnel multiplier: 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FunnelUnit.of(" ", 1, 1));
    }

    @Test
    void survivesJavaSerialisation() throws Exception {
        FunnelPlot plot = FunnelPlot.proportions(Polarity.LOWER_IS_BETTER);
        FunnelResult r = plot.detect(overdispersed());
        assertEquals(plot, roundTrip(plot));
        assertEquals(r, roundTrip(r));
    }
}
