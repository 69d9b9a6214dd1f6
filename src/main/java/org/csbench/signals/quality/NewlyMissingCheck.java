package org.csbench.signals.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags a value that has newly become unavailable: missing (NaN) at t while the value at t - 1 was available. Only
 * the first missing value of a run is flagged. NEWLY_SUPPRESSED when the series carries a status marker at t (e.g.
 * "c"), NEWLY_MISSING otherwise.
 */
public record NewlyMissingCheck() implements QualityCheck {

    @Override
    public List<QualityIssue> check(QualitySeries series) {
        List<QualityIssue> issues = new ArrayList<>();
        for (int t = 1; t < series.size(); t++) {
            double previous = series.value(t - 1);
            if (Double.isNaN(series.value(t)) && !Double.isNaN(previous)) {
                String status = series.statuses().get(t);
                IssueKind kind = status.isEmpty() ? IssueKind.NEWLY_MISSING : IssueKind.NEWLY_SUPPRESSED;
                issues.add(new QualityIssue(t, kind, Double.NaN, previous, status, status.isEmpty()
                        ? String.format("Value missing after %s", previous)
                        : String.format("Value suppressed ('%s') after %s", status, previous)));
            }
        }
        return issues;
    }
}
