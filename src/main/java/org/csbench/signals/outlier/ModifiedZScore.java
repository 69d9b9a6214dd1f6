package org.csbench.signals.outlier;

import java.util.Arrays;
import java.util.List;
import org.csbench.signals.CrossSectionSignal;
import org.csbench.signals.SeriesMath;

/**
 * Robust cross-sectional outliers by the modified z-score of Iglewicz and Hoaglin (1993, "How to Detect and Handle
 * Outliers"): M = 0.6745 (x - median) / MAD, MAD = median |x - median|; |M| &gt; threshold (default 3.5) is an outlier.
 *
 * <p>When MAD = 0 (more than half the values tie) the IBM SPSS/Cognos convention is used: M = (x - median) /
 * (1.253314 &times; MeanAD), with MeanAD = mean |x - median| (1.253314 = &radic;(&pi;/2) makes it a consistent
 * estimate of the standard deviation for normal data). MeanAD is 0 only when every value equals the median; then
 * every M is 0 (NO_SPREAD; by definition a value off the median would score &plusmn;Infinity and be an outlier).
 * Missing values (NaN) are ignored in the statistics and reported as MISSING.
 *
 * @param threshold |M| strictly above it flags an outlier; positive
 */
public record ModifiedZScore(double threshold) implements CrossSectionSignal<UnitValue, OutlierResult> {

    /** Iglewicz and Hoaglin's recommended cut-off. */
    public static final double DEFAULT_THRESHOLD = 3.5;
    private static final double MAD_CONSTANT = 0.6745;
    private static final double MEAN_AD_CONSTANT = 1.253314;

    public ModifiedZScore {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException(String.format("Invalid outlier threshold: %s", threshold));
        }
    }

    public static ModifiedZScore standard() {
        return new ModifiedZScore(DEFAULT_THRESHOLD);
    }

    public ModifiedZScore withThreshold(double newThreshold) {
        return new ModifiedZScore(newThreshold);
    }

    @Override
    public OutlierResult detect(List<UnitValue> units) {
        double[] values = SeriesMath.available(units.stream().mapToDouble(UnitValue::value).toArray());
        double median = SeriesMath.median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double mad = SeriesMath.median(deviations);
        double meanAd = SeriesMath.mean(deviations);
        ScaleMethod method = values.length == 0 ? ScaleMethod.NO_DATA
                : mad > 0 ? ScaleMethod.MEDIAN_ABSOLUTE_DEVIATION
                : meanAd > 0 ? ScaleMethod.MEAN_ABSOLUTE_DEVIATION : ScaleMethod.NO_SPREAD;
        double scale = method == ScaleMethod.MEDIAN_ABSOLUTE_DEVIATION ? mad / MAD_CONSTANT : MEAN_AD_CONSTANT * meanAd;
        List<OutlierPoint> points = units.stream().map(u -> point(u, median, scale)).toList();
        return new OutlierResult(median, mad, meanAd, method, points);
    }

    private OutlierPoint point(UnitValue u, double median, double scale) {
        double x = u.value();
        if (Double.isNaN(x)) {
            return new OutlierPoint(u.id(), x, Double.NaN, OutlierFlag.MISSING);
        }
        double m = x == median ? 0 : (x - median) / scale;
        OutlierFlag flag = Math.abs(m) <= threshold ? OutlierFlag.NOT_OUTLIER
                : m > 0 ? OutlierFlag.HIGH_OUTLIER : OutlierFlag.LOW_OUTLIER;
        return new OutlierPoint(u.id(), x, m, flag);
    }
}
