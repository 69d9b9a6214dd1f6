package org.csbench.signals.spc;

/**
 * The "Making Data Count" variation icon: the type of the latest non-missing point, with HIGH/LOW saying whether
 * the special cause is upwards (above the mean, or an increasing trend) or downwards. NO_DATA when the series has
 * no values.
 */
public enum VariationIcon {
    NO_DATA,
    COMMON_CAUSE,
    IMPROVEMENT_HIGH,
    IMPROVEMENT_LOW,
    CONCERN_HIGH,
    CONCERN_LOW,
    NEUTRAL_HIGH,
    NEUTRAL_LOW
}
