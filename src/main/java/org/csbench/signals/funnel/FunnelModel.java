package org.csbench.signals.funnel;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The sampling model of a funnel plot, on the unit scale (proportion, or events per unit of denominator).
 *
 * <p>PROPORTION (binomial): variance p0(1 - p0)/n; limits by the normal approximation p0 &plusmn; z
 * &radic;(p0(1 - p0)/n), clamped to [0, 1] (Spiegelhalter 2005, eq. for a proportion).
 *
 * <p>RATE (Poisson): variance &theta;0/n; exact Poisson limits for the expected count E = n&theta;0 through the
 * chi-square relation (as PHE's "exact Poisson" funnel limits): lower = &chi;&sup2;<sub>&alpha;/2</sub>(2E)/2 / n,
 * upper = &chi;&sup2;<sub>1-&alpha;/2</sub>(2E + 2)/2 / n, with lower = 0 when E = 0. The chi-square degrees of
 * freedom are continuous, so E need not be an integer.
 */
public enum FunnelModel {
    PROPORTION,
    RATE;

    /** Sampling variance of a unit's observed value with denominator {@code n} when the true value is {@code target}. */
    public double variance(double target, double n) {
        return this == PROPORTION ? target * (1 - target) / n : target / n;
    }

    /** {lower, upper} unit-scale limits without overdispersion, for a two-sided level with normal quantile z. */
    public double[] limits(double target, double n, double z, double alpha) {
        if (this == PROPORTION) {
            double half = z * Math.sqrt(variance(target, n));
            return new double[] {Math.max(0, target - half), Math.min(1, target + half)};
        }
        double expected = n * target;
        double lower = expected == 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * expected) / 2 / n;
        double upper = chiSquareQuantile(1 - alpha / 2, 2 * expected + 2) / 2 / n;
        return new double[] {lower, upper};
    }

    /** {lower, upper} unit-scale limits widened by the between-unit variance tau2 (normal approximation). */
    public double[] widenedLimits(double target, double n, double z, double tau2) {
        double half = z * Math.sqrt(variance(target, n) + tau2);
        double upper = target + half;
        return new double[] {Math.max(0, target - half), this == PROPORTION ? Math.min(1, upper) : upper};
    }

    private static double chiSquareQuantile(double p, double df) {
        return new ChiSquaredDistribution(null, df, 1e-12).inverseCumulativeProbability(p);
    }
}
