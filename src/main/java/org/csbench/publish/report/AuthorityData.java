package org.csbench.publish.report;

import java.util.List;

/** One authority's report data: its indicators in catalogue order. */
public record AuthorityData(String code, String name, String region, List<IndicatorData> indicators) {
    public AuthorityData {
        indicators = List.copyOf(indicators);
    }
}
