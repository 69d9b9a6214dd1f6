package org.csbench.generate;

import org.csbench.model.Errors;

/**
 * How a synthetic series ({@code syn_015} ...) is drawn.
 *
 * @param level       England's level: per 10,000 children aged 0-17 a year for {@link SeriesKind#COUNT_IN_MONTH},
 *                    per 10,000 children for {@link SeriesKind#SNAPSHOT}, the value itself for ratios and
 *                    percentages
 * @param seasonality 0 (none) to 1 (the full school-year pattern of referrals)
 */
public record SyntheticSpec(double level, double seasonality) {
    public SyntheticSpec {
        if (!(level >= 0) || !(seasonality >= 0 && seasonality <= 1)) {
            throw Errors.invalidArgument(String.format(
                    "Invalid synthetic series: level %s (must be >= 0), seasonality %s (must be 0..1)",
                    level, seasonality));
        }
    }
}
