package org.csbench.signals.outlier;

import java.io.Serializable;
import java.util.List;

/**
 * Modified z-scores of a cross-section.
 *
 * @param median median of the available values
 * @param mad median absolute deviation from the median (unscaled)
 * @param meanAbsoluteDeviation mean absolute deviation from the median
 * @param scale which spread was used
 * @param points one per input unit, in input order
 */
public record OutlierResult(double median, double mad, double meanAbsoluteDeviation, ScaleMethod scale,
        List<OutlierPoint> points) implements Serializable {

    public OutlierResult {
        points = List.copyOf(points);
    }
}
