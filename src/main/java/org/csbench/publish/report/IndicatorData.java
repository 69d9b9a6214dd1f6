package org.csbench.publish.report;

import java.util.List;
import java.util.Optional;

/**
 * Everything a report shows of one indicator for one authority.
 *
 * @param series the periods of the indicator's main period type, oldest first
 * @param signal the series' SPC summary and trend, or null
 * @param spc the monthly XmR chart's points, oldest first (empty for an annual indicator)
 * @param funnel the authority's place in the latest funnel plot, or null
 */
public record IndicatorData(Indicator indicator, List<Observation> series, List<NeighbourValue> neighbours,
        Signals.Series signal, List<Signals.SpcPoint> spc, Signals.Funnel funnel) {
    public IndicatorData {
        series = List.copyOf(series);
        neighbours = List.copyOf(neighbours);
        spc = List.copyOf(spc);
    }

    /** The latest period, if the series has any. */
    public Optional<Observation> latest() {
        return series.isEmpty() ? Optional.empty() : Optional.of(series.get(series.size() - 1));
    }
}
