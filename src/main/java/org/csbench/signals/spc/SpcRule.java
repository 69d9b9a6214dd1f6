package org.csbench.signals.spc;

/**
 * The special-cause rule a point is labelled with. When rules overlap the label follows the precedence
 * OUTSIDE_LIMITS &gt; TREND &gt; TWO_OF_THREE &gt; SHIFT; NONE for common-cause and missing points.
 */
public enum SpcRule {
    NONE,
    OUTSIDE_LIMITS,
    TREND,
    TWO_OF_THREE,
    SHIFT
}
