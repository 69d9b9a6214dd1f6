package org.csbench.signals.funnel;

import java.io.Serializable;
import java.util.List;

/**
 * A funnel plot of one indicator-period cross-section.
 *
 * @param target pooled &theta;0 = &Sigma;numerator / &Sigma;denominator &times; multiplier (NaN with no usable unit)
 * @param phi overdispersion factor (NaN when not estimated)
 * @param tau2 between-unit variance on the reporting scale (&tau;&sup2; &times; multiplier&sup2;), 0 when the limits
 *     were not widened
 * @param points usable units, in input order
 * @param excluded units left out, in input order
 */
public record FunnelResult(FunnelModel model, double target, double phi, double tau2, List<FunnelPoint> points,
        List<ExcludedUnit> excluded) implements Serializable {

    public FunnelResult {
        points = List.copyOf(points);
        excluded = List.copyOf(excluded);
    }
}
