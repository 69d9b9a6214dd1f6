package org.csbench.signals.funnel;

/** Why a unit was left out of a funnel plot. */
public enum ExclusionReason {
    MISSING_NUMERATOR,
    MISSING_OR_ZERO_DENOMINATOR,
    NEGATIVE_VALUE,
    NUMERATOR_EXCEEDS_DENOMINATOR,
    /** An infinite numerator, denominator or value: nothing can be computed from it. */
    NON_FINITE_VALUE,
    /** The limits could not be computed for this unit (e.g. a chi-square quantile of an extreme expected count). */
    LIMITS_NOT_COMPUTABLE
}
