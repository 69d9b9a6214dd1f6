package org.csbench.config;

import java.util.List;

import org.csbench.model.Polarity;
import org.csbench.model.Target;
import org.csbench.model.Unit;

/**
 * One published indicator of the catalogue ({@code pipelines/indicators.yaml}).
 *
 * <p>Its value is {@code numerator / sum(denominators) * multiplier}, rounded to {@code decimals} places; with no
 * denominator it is the numerator measure itself. Numerator and denominators are observed measures
 * ({@code silver.observation.indicator_id}), or {@link #POPULATION} for the ONS 0-17 population of the mid-year
 * before the period's financial year ends.
 *
 * @param id           catalogue id, used in every gold table
 * @param ref          the scorecard reference councils use (e.g. {@code CIN2}), or null
 * @param name         short name for reports
 * @param description  what it measures
 * @param unit         unit of the value
 * @param polarity     which direction is better
 * @param frequency    how often it is published
 * @param numerator    the measure counted
 * @param denominators measures summed into the denominator (empty: the numerator is the value)
 * @param multiplier   100 for a percentage, 10,000 for a rate per 10,000 ...
 * @param decimals     decimal places published
 * @param rounding     how the last place is rounded
 * @param comparator   how a comparator group's value is formed
 * @param validMin     lowest valid value, or null
 * @param validMax     highest valid value, or null
 * @param target       the target, or null
 * @param tolerancePct the amber band: within this many percent of the target
 * @param published    the measure holding the value as published, to compare with the computed one, or null
 * @param aggregation  how monthly values combine over a window: summed (flows: referrals, plans starting) or
 *                     averaged (snapshots: plans open at month end, caseloads)
 */
public record Indicator(String id, String ref, String name, String description, Unit unit, Polarity polarity,
        Frequency frequency, String numerator, List<String> denominators, double multiplier, int decimals,
        Rounding rounding, ComparatorMethod comparator, Double validMin, Double validMax, Target target,
        double tolerancePct, String published, Aggregation aggregation) {

    /** The denominator that stands for the ONS mid-year estimate of children aged 0-17. */
    public static final String POPULATION = "population_0_17";

    public Indicator {
        denominators = List.copyOf(denominators);
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException(String.format("Invalid decimal places for %s: %s", id, decimals));
        }
        if (!(multiplier >= 1 && multiplier < 1e8 && multiplier == Math.rint(multiplier))) {
            throw new IllegalArgumentException(String.format("Invalid multiplier for %s: %s; use a whole number such as 100 or 10000", id, multiplier));
        }
    }

    /** How monthly values combine over a window (12 months, year to date, quarter). */
    public enum Aggregation { SUM, MEAN }

    /** How often an indicator is published. */
    public enum Frequency { MONTHLY, QUARTERLY, ANNUAL }

    /** How a value's last decimal place is rounded. */
    public enum Rounding { HALF_UP, HALF_EVEN }

    /**
     * How a comparator group (statistical neighbours, region) gets its value: the simple mean of the members'
     * values (as DfE's tools do for statistical neighbours), or pooled: the sum of numerators over the sum of
     * denominators.
     */
    public enum ComparatorMethod { MEAN, POOLED }
}
