package org.csbench.signals.funnel;

/** Position of a unit relative to one pair of funnel limits (strictly above the upper / below the lower). */
public enum FunnelFlag {
    INSIDE,
    ABOVE,
    BELOW
}
