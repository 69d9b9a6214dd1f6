package org.csbench.config;

import java.util.List;
import java.util.Optional;

/**
 * The indicator catalogue: every published indicator and how it is computed.
 *
 * @param file       where it was read from
 * @param indicators the indicators, in catalogue order
 */
public record Catalogue(String file, List<Indicator> indicators) {
    public Catalogue {
        indicators = List.copyOf(indicators);
    }

    public Optional<Indicator> find(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
