package org.csbench.signals.spc;

/**
 * Moving-range screening before the process limits are computed.
 *
 * <p>SCREEN_MOVING_RANGES (the NHSRplotthedots default, {@code screen_outliers = TRUE}) drops moving ranges at or
 * above 3.267 times the mean moving range and recomputes the mean moving range once. NO_SCREENING reproduces the
 * NHS England "Making Data Count" Excel tool.
 */
public enum Screening {
    SCREEN_MOVING_RANGES,
    NO_SCREENING
}
