package org.csbench.generate;

import java.util.List;

/**
 * One LA's generated monthly values, one row per indicator, as they are published: counts whole, ratios and
 * percentages rounded to 1 decimal place, {@code NaN} where the cell is blank or not yet available.
 */
public final class LaSeries {
    private final Authority authority;
    private final List<IndicatorDef> indicators;
    private final double[][] values;
    private final boolean[] pending;

    LaSeries(Authority authority, List<IndicatorDef> indicators, double[][] values, boolean[] pending) {
        this.authority = authority;
        this.indicators = List.copyOf(indicators);
        this.values = values;
        this.pending = pending;
    }

    public Authority authority() {
        return authority;
    }

    public List<IndicatorDef> indicators() {
        return indicators;
    }

    public int months() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** The value of indicator {@code indicator} (its index) in month {@code month}; NaN if not published. */
    public double value(int indicator, int month) {
        return values[indicator][month];
    }

    /** Whether the final month of indicator {@code indicator} reads {@code Not Yet Available}. */
    public boolean isFinalMonthPending(int indicator) {
        return pending[indicator];
    }

    /** The cell text status of a NaN value: {@code Not Yet Available} or blank. */
    public boolean isNotYetAvailable(int indicator, int month) {
        return month == months() - 1 && pending[indicator];
    }

    /** The index of {@code ref}, or -1. */
    public int indexOf(String ref) {
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).ref().equals(ref)) {
                return i;
            }
        }
        return -1;
    }
}
