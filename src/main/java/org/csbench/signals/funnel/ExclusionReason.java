package org.csbench.signals.funnel;

/** Why a unit was left out of a funnel plot. */
public enum ExclusionReason {
    MISSING_NUMERATOR,
    MISSING_OR_ZERO_DENOMINATOR,
    NEGATIVE_VALUE,
    NUMERATOR_EXCEEDS_DENOMINATOR
}
