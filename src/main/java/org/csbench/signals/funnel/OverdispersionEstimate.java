package org.csbench.signals.funnel;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Spiegelhalter's (2005) multiplicative overdispersion factor and additive random-effects variance.
 *
 * <p>z-scores are winsorised at 10%/90%: values below the 10th percentile are set to it and values above the 90th
 * percentile to it (percentiles by R's default type 7 / {@code Percentile.EstimationType.R_7}). Then &phi; =
 * (1/I) &Sigma; z_w&sup2; and, if I&phi; &gt; I - 1, &tau;&sup2; = (I&phi; - (I - 1)) / (&Sigma;w - &Sigma;w&sup2; /
 * &Sigma;w) with w = 1/s&sup2;; otherwise &tau;&sup2; = 0. Needs at least two units (else &phi; = NaN, &tau;&sup2; =
 * 0).
 *
 * @param phi overdispersion factor
 * @param tau2 between-unit variance on the unit scale
 */
public record OverdispersionEstimate(double phi, double tau2) implements Serializable {

    /** The estimate from unadjusted z-scores and sampling variances s&sup2; of the same units. */
    public static OverdispersionEstimate of(double[] z, double[] variances) {
        int units = z.length;
        if (units < 2) {
            return new OverdispersionEstimate(Double.NaN, 0);
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double low = percentile.evaluate(z, 10);
        double high = percentile.evaluate(z, 90);
        double phi = Arrays.stream(z).map(v -> Math.min(high, Math.max(low, v))).map(v -> v * v).sum() / units;
        double sumW = Arrays.stream(variances).map(v -> 1 / v).sum();
        double sumW2 = Arrays.stream(variances).map(v -> 1 / (v * v)).sum();
        double excess = units * phi - (units - 1);
        boolean finite = Double.isFinite(sumW) && Double.isFinite(sumW2);
        return new OverdispersionEstimate(phi, excess > 0 && finite ? excess / (sumW - sumW2 / sumW) : 0);
    }
}
