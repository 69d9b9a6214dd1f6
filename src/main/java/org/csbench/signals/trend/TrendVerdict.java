package org.csbench.signals.trend;

/**
 * Verdict of a trend test: IMPROVING/DETERIORATING for a directional polarity, INCREASING/DECREASING for a NEUTRAL
 * one, NO_SIGNIFICANT_TREND when p &ge; alpha, INSUFFICIENT_DATA when too few values are available.
 */
public enum TrendVerdict {
    IMPROVING,
    DETERIORATING,
    INCREASING,
    DECREASING,
    NO_SIGNIFICANT_TREND,
    INSUFFICIENT_DATA
}
