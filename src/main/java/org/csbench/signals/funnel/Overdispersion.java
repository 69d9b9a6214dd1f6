package org.csbench.signals.funnel;

/**
 * Overdispersion handling (Spiegelhalter 2005, section 3.3): ADDITIVE_RANDOM_EFFECTS estimates &phi; from 10%/90%
 * winsorised z-scores and, when I&phi; &gt; I - 1, widens the limits by an additive between-unit variance
 * &tau;&sup2;; NONE always uses the plain sampling limits.
 */
public enum Overdispersion {
    ADDITIVE_RANDOM_EFFECTS,
    NONE
}
