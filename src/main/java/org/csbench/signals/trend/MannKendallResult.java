package org.csbench.signals.trend;

import java.io.Serializable;

/**
 * Result of the Mann&ndash;Kendall test and Sen's slope for one series. Statistics are NaN when fewer than two
 * values are available.
 *
 * @param n number of non-missing values used
 * @param s Kendall's S = sum over i &lt; j of sign(y_j - y_i)
 * @param varS Var(S) with the tie correction
 * @param z continuity-corrected normal score
 * @param pValue two-sided p-value from the standard normal
 * @param tauA Kendall's tau-a = S / (n(n-1)/2) (as pymannkendall's {@code Tau})
 * @param tauB Kendall's tau-b = S / sqrt(n0 (n0 - n1)), n0 = n(n-1)/2, n1 = sum t(t-1)/2 over tied groups of y (time
 *     has no ties); equals tau-a without ties
 * @param slope Sen's slope per time step (median pairwise slope)
 * @param intercept median(y) - slope &times; median(x), x = 0-based original time index (pymannkendall convention)
 * @param verdict the polarity-aware verdict
 */
public record MannKendallResult(int n, long s, double varS, double z, double pValue, double tauA, double tauB,
        double slope, double intercept, TrendVerdict verdict) implements Serializable {}
