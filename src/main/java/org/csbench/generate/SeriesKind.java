package org.csbench.generate;

/** What a monthly series measures, which fixes how its values are drawn and written. */
public enum SeriesKind {
    /** Events counted in the month (referrals, plans started); written as an integer. */
    COUNT_IN_MONTH,
    /** A count open at the month's end (children in need, looked-after children); written as an integer. */
    SNAPSHOT,
    /** A ratio (cases per social worker); written with 1 decimal place. */
    RATIO,
    /** A percentage 0-100; written with 1 decimal place (and a {@code %} sign in the wide scorecard). */
    PERCENT;

    /** Whether values are whole numbers. */
    public boolean isCount() {
        return this == COUNT_IN_MONTH || this == SNAPSHOT;
    }
}
