package org.csbench.config;

import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When and how a source's file was published, as its source entry says: what decides which release of a value is
 * current, and which source wins where two publish the same value.
 *
 * @param published       the release's publication date ({@code published: 2024-11-28}), or null
 * @param years           the years (of the period's end) the source supplies ({@code years: 2020-2024} or a list);
 *                        empty for every year in the file
 * @param precedence      where two sources publish the same value, the higher precedence wins (default 0)
 * @param roundingUnknown the entry says {@code rounded_to: unknown}: how the source rounded its inputs is not known
 */
public record PublicationSpec(LocalDate published, SortedSet<Integer> years, int precedence, boolean roundingUnknown) {
    /** An entry that says nothing of its publication. */
    public static final PublicationSpec NONE = new PublicationSpec(null, new TreeSet<>(), 0, false);

    public PublicationSpec {
        years = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(years));
    }

    /**
     * The order of a release among the releases of the same values, as text that sorts as the releases do: the
     * publication date (ISO), else the release label, else null (the order in which files are loaded decides).
     */
    public String releaseOrder(String releaseLabel) {
        if (published != null) {
            return published.toString();
        }
        return releaseLabel;
    }

    /** Whether the source supplies values of {@code year}. */
    public boolean supplies(int year) {
        return years.isEmpty() || years.contains(year);
    }

    /** The years as a set, for filters. */
    public Set<Integer> yearSet() {
        return years;
    }
}
