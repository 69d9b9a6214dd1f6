package org.csbench.signals.funnel;

import java.io.Serializable;

/**
 * One unit (e.g. a local authority) of a funnel-plot cross-section. NaN marks a missing numerator or denominator;
 * such units, and units with a zero denominator, are excluded from the plot and reported.
 *
 * @param id unit identifier, non-blank
 * @param numerator events (count)
 * @param denominator cases for a proportion, population (person-time) for a rate
 */
public record FunnelUnit(String id, double numerator, double denominator) implements Serializable {

    public FunnelUnit {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(String.format("Invalid funnel unit id: '%s'", id));
        }
    }

    public static FunnelUnit of(String id, double numerator, double denominator) {
        return new FunnelUnit(id, numerator, denominator);
    }
}
