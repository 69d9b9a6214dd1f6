package org.csbench.signals.spc;

/**
 * The "Making Data Count" assurance icon, from the target and the latest segment's process limits (as
 * NHSRplotthedots {@code ptd_calculate_assurance_type}): a target beyond the limits on the bad side means the process
 * will consistently pass it (e.g. higher is better and target &lt; lower limit), on the good side consistently fail;
 * otherwise the process will hit and miss (INCONSISTENT). NONE without a target, for a NEUTRAL polarity, or when the
 * limits cannot be computed.
 */
public enum AssuranceIcon {
    NONE,
    CONSISTENTLY_PASSING,
    CONSISTENTLY_FAILING,
    INCONSISTENT
}
