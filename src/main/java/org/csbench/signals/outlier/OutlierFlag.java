package org.csbench.signals.outlier;

/** Outcome for one unit: missing value, not an outlier, or an outlier above/below the median. */
public enum OutlierFlag {
    MISSING,
    NOT_OUTLIER,
    HIGH_OUTLIER,
    LOW_OUTLIER
}
