package org.csbench.signals.quality;

import java.io.Serializable;

/**
 * One data-quality anomaly at a position of a series.
 *
 * @param index position in the series
 * @param value the value there (NaN when missing)
 * @param reference what it was compared with: the historical median (jump), the previous value (newly missing) or
 *     the violated bound (range)
 * @param status the status marker at the position ("" when none)
 * @param message a readable explanation
 */
public record QualityIssue(int index, IssueKind kind, double value, double reference, String status, String message)
        implements Serializable {}
