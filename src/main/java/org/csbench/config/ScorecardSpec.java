package org.csbench.config;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whose scorecard a wide extract is, which month it reports (the extract itself names neither), and, for a
 * scorecard whose headers differ from the usual ones, which column plays which role.
 *
 * @param laCode      the council's DfE LA number
 * @param laName      its name
 * @param reportMonth the month the scorecard reports ({@code Current} is that month's value)
 * @param roles       role ({@link #ROLES}) -> the column's names in this scorecard, matched case-insensitively;
 *                    a role not given is found by its usual names ({@code Current}, {@code Direction of Travel}...)
 * @param comparators comparator column name -> its kind ({@link #COMPARATOR_KINDS}); columns whose name holds
 *                    "Average" are comparators too, their kind read from the name
 */
public record ScorecardSpec(String laCode, String laName, YearMonth reportMonth, Map<String, List<String>> roles,
        Map<String, String> comparators) {
    /** The column roles a source entry can map. */
    public static final Set<String> ROLES = Set.of("ref", "indicator", "current", "previous_year", "target",
            "last_12_months", "performance", "direction");
    /** What a comparator column can average. */
    public static final Set<String> COMPARATOR_KINDS = Set.of("statistical_neighbours", "england", "region");

    public ScorecardSpec {
        if (laCode == null || !laCode.matches("\\d{3}")) {
            throw new IllegalArgumentException(String.format("Invalid la_code: '%s'; expected a 3-digit DfE LA number", laCode));
        }
        roles = Map.copyOf(roles);
        comparators = Map.copyOf(comparators);
        if (!ROLES.containsAll(roles.keySet())) {
            throw new IllegalArgumentException("Unknown column role(s) " + roles.keySet() + "; use " + ROLES);
        }
        if (!COMPARATOR_KINDS.containsAll(comparators.values())) {
            throw new IllegalArgumentException("Unknown comparator kind(s) " + comparators.values() + "; use " + COMPARATOR_KINDS);
        }
    }

    /** A scorecard with the usual headers. */
    public ScorecardSpec(String laCode, String laName, YearMonth reportMonth) {
        this(laCode, laName, reportMonth, Map.of(), Map.of());
    }

    /** The names of {@code role}'s column: the source entry's, else {@code usual}. */
    public List<String> names(String role, String... usual) {
        return roles.getOrDefault(role, List.of(usual));
    }
}
