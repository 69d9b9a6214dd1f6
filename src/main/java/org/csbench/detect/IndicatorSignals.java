package org.csbench.detect;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.csbench.config.Catalogue;
import org.csbench.config.Indicator;
import org.csbench.model.Target;
import org.csbench.model.Unit;
import org.csbench.signals.funnel.FunnelModel;

/**
 * What the Detect stage needs from one catalogue indicator, as a small serialisable value shipped to the executors
 * with the function that uses it (the catalogue holds a few hundred indicators).
 *
 * @param id          catalogue id
 * @param unit        unit of the value
 * @param multiplier  reporting scale (100 for a percentage, 10,000 for a rate per 10,000)
 * @param funnelModel PROPORTION for a percentage of a denominator (binomial), RATE for a rate per population
 *                    (Poisson), null when the indicator has no denominator or another unit (no funnel plot)
 * @param targetLow   the target, or the lower end of a target range; NaN for none
 * @param targetHigh  equal to {@code targetLow} for a single target, the upper end of a range; NaN for none
 * @param validMin    lowest valid value; -Infinity for none
 * @param validMax    highest valid value; +Infinity for none
 */
public record IndicatorSignals(String id, Unit unit, double multiplier, FunnelModel funnelModel, double targetLow,
        double targetHigh, double validMin, double validMax) implements Serializable {

    /** The Detect view of every catalogue indicator, by id. */
    public static Map<String, IndicatorSignals> of(Catalogue catalogue) {
        Map<String, IndicatorSignals> byId = new LinkedHashMap<>();
        for (Indicator indicator : catalogue.indicators()) {
            byId.put(indicator.id(), of(indicator));
        }
        return Map.copyOf(byId);
    }

    public static IndicatorSignals of(Indicator indicator) {
        Target target = indicator.target();
        return new IndicatorSignals(indicator.id(), indicator.unit(), indicator.multiplier(), funnelModel(indicator),
                target == null ? Double.NaN : target.low(), target == null ? Double.NaN : target.high(),
                indicator.validMin() == null ? Double.NEGATIVE_INFINITY : indicator.validMin(),
                indicator.validMax() == null ? Double.POSITIVE_INFINITY : indicator.validMax());
    }

    /** True when the target is a range such as 20-24. */
    public boolean hasTargetRange() {
        return !Double.isNaN(targetLow) && targetLow != targetHigh;
    }

    /**
     * Whether robust cross-sectional outliers are meaningful: not for counts and FTEs, whose spread between
     * authorities is mostly their size.
     */
    public boolean comparableAcrossAuthorities() {
        return unit != Unit.COUNT && unit != Unit.FTE;
    }

    private static FunnelModel funnelModel(Indicator indicator) {
        if (indicator.denominators().isEmpty()) {
            return null;
        }
        return switch (indicator.unit()) {
            case PERCENT -> FunnelModel.PROPORTION;
            case RATE_PER_10000, RATE_PER_100000 -> FunnelModel.RATE;
            default -> null;
        };
    }
}
