package org.csbench.publish.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear map from data values (the domain) to drawing coordinates (the range), with "nice" tick values (1, 2 or 5
 * times a power of ten) whose ends enclose the domain.
 */
public record LinearScale(double domainMin, double domainMax, double rangeMin, double rangeMax, double step) {
    public LinearScale {
        if (!(domainMax > domainMin)) {
            throw new IllegalArgumentException("Invalid scale domain: " + domainMin + " to " + domainMax);
        }
    }

    /**
     * A scale whose domain is widened to whole ticks around {@code min}..{@code max}, about {@code ticks} of them. A
     * single value gets a domain around it (±1 for zero, else ±10%).
     */
    public static LinearScale nice(double min, double max, double rangeMin, double rangeMax, int ticks) {
        if (Double.isNaN(min) || Double.isNaN(max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("Invalid scale values: " + min + " to " + max);
        }
        if (max < min) {
            throw new IllegalArgumentException("Invalid scale values: " + min + " to " + max);
        }
        if (max == min) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / Math.max(1, ticks));
        double low = Math.floor(min / step) * step;
        double high = Math.ceil(max / step) * step;
        return new LinearScale(low, high, rangeMin, rangeMax, step);
    }

    /** 1, 2 or 5 times the power of ten nearest above {@code raw}'s scale. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normal = raw / magnitude;
        double nice = normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    public double map(double value) {
        return rangeMin + (value - domainMin) / (domainMax - domainMin) * (rangeMax - rangeMin);
    }

    /** The tick values from the domain's low end to its high end. */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((domainMax - domainMin) / step);
        for (long i = 0; i <= count; i++) {
            // rounded to the step's decimals, so that 0.1 * 3 prints as 0.3
            ticks.add(Math.round((domainMin + i * step) / step) * step);
        }
        return ticks;
    }

    /** Decimal places that show every tick exactly. */
    public int tickDecimals() {
        return step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
    }
}
