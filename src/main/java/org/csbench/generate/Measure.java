package org.csbench.generate;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * A published annual DfE figure the generator calibrates an LA's monthly levels on: which file (by name
 * prefix), which column, and, for the looked-after children file, which {@code population_type} row.
 */
public enum Measure {
    /** c1: referrals in the year to 31 March. */
    REFERRALS("c1_", Scaling.PER_CHILD, "referral_count"),
    /** c1: re-referrals within 12 months of a previous referral, in the year. */
    REREFERRALS("c1_", Scaling.PER_CHILD, "rereferral_count"),
    /** b1: children in need episodes open at 31 March. */
    CIN_AT_31_MARCH("b1_", Scaling.PER_CHILD, "At31_episodes"),
    /** d5: child protection plans open at 31 March. */
    CPP_AT_31_MARCH("d5_", Scaling.PER_CHILD, "CPP_At31"),
    /** d3: child protection plans started in the year. */
    CPP_STARTED("d3_", Scaling.PER_CHILD, "CPP_start"),
    /** d3: second or subsequent plans started in the year. */
    CPP_SUBSEQUENT("d3_", Scaling.PER_CHILD, "CPP_subsequent"),
    /** cla: children looked after on (earlier releases: at) 31 March. */
    CLA_AT_31_MARCH("cla_", Scaling.PER_CHILD, type -> type.contains("looked after") && type.contains("31 march"),
            "children_count", "number"),
    /** cla: children starting to be looked after in the year. */
    CLA_STARTED("cla_", Scaling.PER_CHILD, type -> type.startsWith("children starting"), "children_count", "number"),
    /** csww: cases per case-holding social worker (FTE), census at 30 September. */
    CASELOAD("csww_", Scaling.AS_PUBLISHED, "caseload_fte");

    /** How a fallback level is made when an LA's own figure is a symbol or absent. */
    enum Scaling {
        /** England's count per child aged 0-17 times the LA's population. */
        PER_CHILD,
        /** England's figure as it is (a ratio). */
        AS_PUBLISHED
    }

    /** The column that selects the row of a multi-row file (cla). */
    static final String POPULATION_TYPE = "population_type";

    private final String filePrefix;
    private final Scaling scaling;
    private final Predicate<String> populationType;
    private final String[] columns;

    Measure(String filePrefix, Scaling scaling, String... columns) {
        this(filePrefix, scaling, null, columns);
    }

    Measure(String filePrefix, Scaling scaling, Predicate<String> populationType, String... columns) {
        this.filePrefix = filePrefix;
        this.scaling = scaling;
        this.populationType = populationType;
        this.columns = columns;
    }

    /** The file name prefix, e.g. {@code c1_}. */
    public String filePrefix() {
        return filePrefix;
    }

    /** The column names to try, newest release's first. */
    String[] columns() {
        return columns.clone();
    }

    Scaling scaling() {
        return scaling;
    }

    /** Whether this measure reads only some rows, chosen by {@link #POPULATION_TYPE}. */
    boolean filtersRows() {
        return populationType != null;
    }

    /** Whether a row whose {@link #POPULATION_TYPE} is {@code label} holds this measure. */
    boolean acceptsPopulationType(String label) {
        return populationType == null || populationType.test(label.toLowerCase(Locale.ROOT));
    }
}
