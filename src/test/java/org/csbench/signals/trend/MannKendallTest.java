package org.csbench.signals.trend;

import static org.csbench.signals.Serialization.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.csbench.model.Polarity;
import org.junit.jupiter.api.Test;

class MannKendallTest {

    private static final double NaN = Double.NaN;
    private static final MannKendall UP = MannKendall.of(Polarity.HIGHER_IS_BETTER);

    @Test
    void strictlyIncreasingFivePoints() {
        // S = 10 (all 10 pairs rise); Var = 5*4*15/18 = 16.6667; Z = (10-1)/sqrt(16.6667) = 2.2045408;
        // p = 2(1 - Phi(2.2045)) = 0.0274863
        MannKendallResult r = UP.detect(new double[] {1, 2, 3, 4, 5});
        assertEquals(5, r.n());
        assertEquals(10, r.s());
        assertEquals(300.0 / 18, r.varS(), 1e-12);
        assertEquals(2.2045407685048604, r.z(), 1e-12);
        assertEquals(0.0274863361115103, r.pValue(), 1e-12);
        assertEquals(1.0, r.tauA(), 1e-12);
        assertEquals(1.0, r.tauB(), 1e-12);
        assertEquals(1.0, r.slope(), 1e-12);
        assertEquals(1.0, r.intercept(), 1e-12); // median y 3 - 1 * median x 2
        assertEquals(TrendVerdict.IMPROVING, r.verdict());
        assertEquals(TrendVerdict.DETERIORATING, MannKendall.of(Polarity.LOWER_IS_BETTER).detect(new double[] {1, 2, 3, 4, 5}).verdict());
        assertEquals(TrendVerdict.DECREASING, MannKendall.of(Polarity.NEUTRAL).detect(new double[] {5, 4, 3, 2, 1}).verdict());
    }

    @Test
    void tiesReduceTheVariance() {
        // y = 1,2,2,3,3,3,4: S = 6 + 4 + 4 + 1 + 1 + 1 = 17 (tied pairs count 0)
        // Var = (7*6*19 - 2*1*9 - 3*2*11) / 18 = (798 - 18 - 66) / 18 = 39.6667; Z = 16 / sqrt(39.6667) = 2.5404294
        // tau-a = 17/21; tau-b = 17 / sqrt(21 * (21 - 1 - 3)) = 0.8997354; Sen's slope 0.5, intercept 3 - 0.5*3 = 1.5
        MannKendallResult r = UP.detect(new double[] {1, 2, 2, 3, 3, 3, 4});
        assertEquals(17, r.s());
        assertEquals(714.0 / 18, r.varS(), 1e-12);
        assertEquals(2.540429395319823, r.z(), 1e-12);
        assertEquals(0.011071644553191984, r.pValue(), 1e-12);
        assertEquals(17.0 / 21, r.tauA(), 1e-12);
        assertEquals(17 / Math.sqrt(21 * 17), r.tauB(), 1e-12);
        assertEquals(0.5, r.slope(), 1e-12);
        assertEquals(1.5, r.intercept(), 1e-12);
    }

    @Test
    void missingValuesAreSkippedAndGapsRespected() {
        // x = 0,1,3,4,5; y = 5,3,4,1,2. S = -6, Var = 16.6667, Z = -5/4.0825 = -1.2247449, p = 0.2206714.
        // slopes: -2, -1/3, -1, -0.6, 0.5, -2/3, -0.25, -3, -1, 1 -> sorted middle pair -2/3, -0.6 -> -0.633333
        // intercept = median y 3 - (-0.633333) * median x 3 = 4.9
        MannKendallResult r = UP.detect(new double[] {5, 3, NaN, 4, 1, 2});
        assertEquals(5, r.n());
        assertEquals(-6, r.s());
        assertEquals(-1.224744871391589, r.z(), 1e-12);
        assertEquals(0.22067136191984682, r.pValue(), 1e-12);
        assertEquals(-0.6333333333333333, r.slope(), 1e-12);
        assertEquals(4.9, r.intercept(), 1e-12);
        assertEquals(TrendVerdict.NO_SIGNIFICANT_TREND, r.verdict());
    }

    @Test
    void constantSeriesHasNoTrend() {
        // pymannkendall NoTrendData: p = 1, z = 0, Tau = 0, s = 0, var_s = 0
        MannKendallResult r = UP.detect(new double[] {7, 7, 7, 7, 7, 7});
        assertEquals(0, r.s());
        assertEquals(0.0, r.varS(), 0);
        assertEquals(0.0, r.z(), 0);
        assertEquals(1.0, r.pValue(), 1e-15);
        assertEquals(0.0, r.tauA(), 0);
        assertEquals(0.0, r.slope(), 0);
        assertEquals(TrendVerdict.NO_SIGNIFICANT_TREND, r.verdict());
    }

    @Test
    void shortSeriesAreInsufficient() {
        // n = 3 rising: S = 3, Var = 3*2*11/18 = 3.6667, Z = 2/1.9149 = 1.0445, p = 0.2963
        assertEquals(TrendVerdict.INSUFFICIENT_DATA, UP.detect(new double[] {1, NaN, 2, 3}).verdict());
        MannKendallResult three = UP.withMinPoints(3).detect(new double[] {1, NaN, 2, 3});
        assertEquals(0.2962698714842864, three.pValue(), 1e-12);
        assertEquals(TrendVerdict.NO_SIGNIFICANT_TREND, three.verdict());
        MannKendallResult one = UP.detect(new double[] {NaN, 4});
        assertEquals(TrendVerdict.INSUFFICIENT_DATA, one.verdict());
        assertEquals(NaN, one.pValue());
    }

    @Test
    void alphaIsConfigurable() {
        // 3,1,4,1,5,9,2,6: S = 11, ties {1,1}: Var = (8*7*21 - 18)/18 = 64.3333, Z = 10/8.0208 = 1.2467575, p = 0.2124864
        double[] y = {3, 1, 4, 1, 5, 9, 2, 6};
        assertEquals(0.21248644570250086, UP.detect(y).pValue(), 1e-12);
        assertEquals(TrendVerdict.NO_SIGNIFICANT_TREND, UP.detect(y).verdict());
        assertEquals(TrendVerdict.IMPROVING, UP.withAlpha(0.25).detect(y).verdict());
    }

    @Test
    void reproducesPymannkendallReferenceData() {
        // pymannkendall's test fixture arbitrary_1d_data (monthly rainfall, Bogra, 1981-2010, 7 missing):
        // original_test: s = -1959, var_s = 4889800.333333333, z = -0.8854562842589916, p = 0.37591058740506833,
        // Tau = -0.03153167653875869; sens_slope: slope = -0.006369426751592357, intercept = 96.15286624203821
        MannKendallResult r = UP.detect(BOGRA);
        assertEquals(353, r.n());
        assertEquals(-1959, r.s());
        assertEquals(4889800.333333333, r.varS(), 1e-6);
        assertEquals(-0.8854562842589916, r.z(), 1e-12);
        assertEquals(0.37591058740506833, r.pValue(), 1e-12);
        assertEquals(-0.03153167653875869, r.tauA(), 1e-15);
        assertEquals(-0.006369426751592357, r.slope(), 1e-15);
        assertEquals(96.15286624203821, r.intercept(), 1e-10);
        assertEquals(TrendVerdict.NO_SIGNIFICANT_TREND, r.verdict());
    }

    @Test
    void invalidOptionsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> UP.withAlpha(1.5));
        assertEquals("Invalid significance level: 1.5", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> UP.withMinPoints(2));
        assertEquals("Invalid minimum series length: 2 points", e2.getMessage());
    }

    @Test
    void survivesJavaSerialisation() throws Exception {
        MannKendallResult r = UP.detect(new double[] {1, 2, 3, 4, 5});
        assertEquals(UP, roundTrip(UP));
        assertEquals(r, roundTrip(r));
    }

    /** pymannkendall test fixture {@code arbitrary_1d_data}: 360 monthly values, one row per year. */
    private static final double[] BOGRA = {
            32, 20, 25, 189, 240, 193, 379, 278, 301, 0, 0, 82,
            0, 4, NaN, NaN, 121, 234, 360, 262, 120, 30, 11, 1,
            7, 3, 31, 31, 355, 102, 248, 274, 308, NaN, 5, 26,
            11, 16, 6, 48, 388, 539, 431, 272, 404, 186, 0, 2,
            0, 4, 1, 54, 272, 459, 235, 164, 365, 135, 2, NaN,
            NaN, 4, 0, 128, 210, 163, 446, 225, 462, 467, 19, 13,
            0, 3, 17, 132, 178, 338, 525, 623, 145, 31, 19, 3,
            0, 29, 25, 87, 259, 756, 486, 180, 292, 43, 92, 1,
            0, 16, 2, 0, 130, 253, 594, 111, 273, 30, 0, 4,
            0, 27, 24, 41, 292, 378, 499, 265, 320, 227, 4, 0,
            4, 14, 8, 48, 416, 240, 404, 207, 733, 105, 0, 112,
            0, 14, 0, 30, 140, 202, 289, 159, 424, 106, 3, 0,
            65, 3, 14, 58, 268, 466, 432, 266, 240, 95, 1, 0,
            10, 26, 4, 114, 94, 289, 173, 208, 263, 156, 5, 0,
            16, 16, 14, 0, 111, 475, 534, 432, 471, 117, 70, 1,
            3, 28, 7, 401, 184, 283, 338, 171, 335, 176, 0, 0,
            10, 11, 9, 140, 102, 208, 298, 245, 220, 29, 2, 27,
            10, 13, 26, 84, 143, 367, 749, 563, 283, 353, 10, 0,
            0, 0, 0, 9, 246, 265, 343, 429, 168, 133, 17, 0,
            18, 35, 76, 158, 272, 250, 190, 289, 466, 84, 0, 0,
            0, 0, 0, 22, 217, 299, 185, 115, 344, 203, 8, NaN,
            NaN, 0, 5, 284, 123, 254, 476, 496, 326, 27, 20, 0,
            4, 53, 72, 113, 214, 364, 219, 220, 156, 264, 0, 13,
            0, 0, 45, 90, 137, 638, 529, 261, 206, 251, 0, 0,
            5, 9, 58, 72, 138, 130, 471, 328, 356, 523, 0, 1,
            0, 0, 12, 143, 193, 184, 192, 138, 174, 69, 1, 0,
            0, 18, 25, 28, 92, 732, 320, 256, 302, 131, 15, 0,
            27, 0, 22, 20, 213, 393, 474, 374, 109, 159, 0, 0,
            0, 3, 3, 49, 205, 128, 194, 570, 169, 89, 0, 0,
            0, 0, 0, 26, 185, 286, 92, 225, 244, 190, 3, 20,
    };
}
