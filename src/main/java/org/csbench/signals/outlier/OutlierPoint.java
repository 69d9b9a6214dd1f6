package org.csbench.signals.outlier;

import java.io.Serializable;

/**
 * One unit's modified z-score.
 *
 * @param score the modified z-score M (NaN when the value is missing; &plusmn;Infinity only in the NO_SPREAD case for
 *     a value off the median, which cannot arise from finite inputs)
 */
public record OutlierPoint(String id, double value, double score, OutlierFlag flag) implements Serializable {}
