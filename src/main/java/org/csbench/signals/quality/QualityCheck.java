package org.csbench.signals.quality;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * A data-quality check on one unit's series. Kept apart from the performance signals: it says whether a value looks
 * wrong or newly unavailable, not whether performance changed. Implementations are immutable, stateless and
 * {@link Serializable}.
 */
@FunctionalInterface
public interface QualityCheck extends Serializable {

    /** The anomalies found, in index order. */
    List<QualityIssue> check(QualitySeries series);

    /** Runs every check and returns all issues ordered by index, then kind. */
    static List<QualityIssue> runAll(QualitySeries series, List<? extends QualityCheck> checks) {
        return checks.stream().flatMap(c -> c.check(series).stream())
                .sorted(Comparator.comparingInt(QualityIssue::index).thenComparing(QualityIssue::kind)).toList();
    }
}
