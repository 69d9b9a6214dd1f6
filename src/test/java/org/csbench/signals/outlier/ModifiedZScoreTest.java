package org.csbench.signals.outlier;

import static org.csbench.signals.Serialization.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModifiedZScoreTest {

    private static final double NaN = Double.NaN;

    @Test
    void scoresByMedianAbsoluteDeviation() {
        // 1,2,3,4,100 (+ a missing value): median 3; |x - 3| = 2,1,0,1,97 -> MAD 1
        // M = 0.6745 (x - 3): 100 -> 65.4265 (outlier), 1 -> -1.349, 4 -> 0.6745
        OutlierResult r = ModifiedZScore.standard().detect(UnitValue.indexed(1, 2, NaN, 3, 4, 100));
        assertEquals(3.0, r.median(), 0);
        assertEquals(1.0, r.mad(), 0);
        assertEquals(ScaleMethod.MEDIAN_ABSOLUTE_DEVIATION, r.scale());
        assertEquals(65.4265, r.points().get(5).score(), 1e-9);
        assertEquals(OutlierFlag.HIGH_OUTLIER, r.points().get(5).flag());
        assertEquals(-1.349, r.points().get(0).score(), 1e-9);
        assertEquals(OutlierFlag.NOT_OUTLIER, r.points().get(0).flag());
        assertEquals(OutlierFlag.MISSING, r.points().get(2).flag());
        assertEquals("2", r.points().get(2).id());
        // a lower cut-off of 1 also flags 1 (|-1.349| > 1) but not 4 (0.6745)
        OutlierResult strict = ModifiedZScore.standard().withThreshold(1).detect(UnitValue.indexed(1, 2, NaN, 3, 4, 100));
        assertEquals(OutlierFlag.LOW_OUTLIER, strict.points().get(0).flag());
        assertEquals(OutlierFlag.NOT_OUTLIER, strict.points().get(4).flag());
    }

    @Test
    void fallsBackToMeanAbsoluteDeviationWhenMadIsZero() {
        // 5 x7, 10, 0: median 5, deviations 0 x7, 5, 5 -> MAD 0; MeanAD = 10/9 = 1.111111
        // M(10) = 5 / (1.253314 * 1.111111) = 5 / 1.3925711 = 3.5904809 > 3.5; M(0) = -3.5904809
        OutlierResult r = ModifiedZScore.standard().detect(UnitValue.indexed(5, 5, 5, 5, 5, 5, 5, 10, 0));
        assertEquals(ScaleMethod.MEAN_ABSOLUTE_DEVIATION, r.scale());
        assertEquals(0.0, r.mad(), 0);
        assertEquals(10.0 / 9, r.meanAbsoluteDeviation(), 1e-12);
        assertEquals(5 / (1.253314 * 10 / 9), r.points().get(7).score(), 1e-12);
        assertEquals(3.5904809, r.points().get(7).score(), 1e-6);
        assertEquals(OutlierFlag.HIGH_OUTLIER, r.points().get(7).flag());
        assertEquals(OutlierFlag.LOW_OUTLIER, r.points().get(8).flag());
        assertEquals(0.0, r.points().get(0).score(), 0);
    }

    @Test
    void noSpreadAndNoData() {
        OutlierResult same = ModifiedZScore.standard().detect(UnitValue.indexed(7, 7, 7));
        assertEquals(ScaleMethod.NO_SPREAD, same.scale());
        assertEquals(0.0, same.points().get(1).score(), 0);
        assertEquals(OutlierFlag.NOT_OUTLIER, same.points().get(1).flag());
        OutlierResult none = ModifiedZScore.standard().detect(List.of(UnitValue.of("E09000001", NaN)));
        assertEquals(ScaleMethod.NO_DATA, none.scale());
        assertEquals(OutlierFlag.MISSING, none.points().get(0).flag());
    }

    @Test
    void invalidInputsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ModifiedZScore(0));
        assertEquals("Invalid outlier threshold: 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnitValue.of("", 1));
    }

    @Test
    void survivesJavaSerialisation() throws Exception {
        OutlierResult r = ModifiedZScore.standard().detect(UnitValue.indexed(1, 2, 3, 4, 100));
        assertEquals(r, roundTrip(r));
        assertEquals(ModifiedZScore.standard(), roundTrip(ModifiedZScore.standard()));
    }
}
