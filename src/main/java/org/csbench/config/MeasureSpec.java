package org.csbench.config;

import java.util.List;
import java.util.Map;

import org.csbench.model.Unit;

/**
 * One measure column of an EES source and the indicator it feeds.
 *
 * @param indicator the indicator id the values are recorded under
 * @param columns   the column's name and its aliases in other releases (matched case-insensitively)
 * @param unit      the unit of the published values
 * @param when      only rows whose dimension columns hold one of these values carry this measure
 *                  (e.g. {@code population_type}); empty means every row
 * @param optional  a file without this column still loads (the measure is then absent)
 */
public record MeasureSpec(String indicator, List<String> columns, Unit unit, Map<String, List<String>> when,
        boolean optional) {
    public MeasureSpec {
        columns = List.copyOf(columns);
        when = Map.copyOf(when);
    }
}
