package org.csbench.config;

/** How a source file is laid out, which decides the loader that reads it. */
public enum SourceFormat {
    /** DfE Explore Education Statistics tidy CSV: one row per geography and period, measure columns. */
    EES,
    /** A statistical-neighbour model: one row per LA, its neighbours and closeness labels across columns. */
    SN_WIDE,
    /** A plain reference table with typed columns (e.g. LA code changes). */
    TABLE,
    /** Monthly scorecard values in long form: one row per LA, indicator and month. */
    SCORECARD_LONG,
    /**
     * A council's monthly scorecard as published: one row per indicator, month columns ({@code Apr-23}...),
     * current and previous-year values, target, comparator averages, RAG and direction of travel.
     */
    SCORECARD_WIDE
}
