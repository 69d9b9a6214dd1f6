package org.csbench.signals.quality;

/**
 * Kinds of data-quality anomaly. NEWLY_SUPPRESSED is a newly missing value that carries a status marker;
 * NEWLY_MISSING one without.
 */
public enum IssueKind {
    RELATIVE_JUMP,
    NEWLY_MISSING,
    NEWLY_SUPPRESSED,
    OUT_OF_RANGE
}
