package org.csbench.signals.outlier;

/**
 * Which spread scaled the modified z-scores: the median absolute deviation, the mean absolute deviation fallback
 * (when MAD = 0), NO_SPREAD when every value equals the median, NO_DATA when no value is available.
 */
public enum ScaleMethod {
    MEDIAN_ABSOLUTE_DEVIATION,
    MEAN_ABSOLUTE_DEVIATION,
    NO_SPREAD,
    NO_DATA
}
