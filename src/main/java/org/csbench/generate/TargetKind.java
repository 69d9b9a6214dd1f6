package org.csbench.generate;

/** How a value meets a target. */
public enum TargetKind {
    /** Meets when the value is at least the target (higher is better). */
    AT_LEAST,
    /** Meets when the value is at most the target (lower is better). */
    AT_MOST,
    /** Meets when the value lies in a range, e.g. {@code 20-24%}. */
    BETWEEN
}
