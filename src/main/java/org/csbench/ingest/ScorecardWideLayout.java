package org.csbench.ingest;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.csbench.config.ScorecardSpec;
import org.csbench.model.Errors;

/**
 * The columns of a council's wide scorecard, from its first header row: {@code Ref}, {@code Indicator}, month
 * columns ({@code Apr-23}...), {@code Current}, {@code Previous Year}, {@code Target}, comparator averages
 * (any column whose name holds "Average"), {@code Last 12 Months}, {@code Performance}, {@code Direction of Travel}.
 * A source entry's {@code roles} name the columns of a scorecard with other headers ({@code Latest}, {@code DOT},
 * {@code SN}...); without month columns the current value is the report month's.
 *
 * @param header       the header
 * @param ref          position of Ref
 * @param indicator    position of Indicator
 * @param months       the month columns
 * @param current      position of Current, or -1
 * @param previousYear position of Previous Year, or -1
 * @param target       position of Target, or -1
 * @param comparators  the comparator average columns
 * @param performance  position of Performance, or -1
 * @param direction    position of Direction of Travel, or -1
 * @param leftEnd      the last position of the block read from the left (ref ... previous year)
 * @param tailStart    the first position of the block read from the right (last 12 months, performance,
 *                     direction); the size of the header when there is none
 */
public record ScorecardWideLayout(Header header, int ref, int indicator, List<MonthColumn> months, int current,
        int previousYear, int target, List<ComparatorColumn> comparators, int performance, int direction, int leftEnd,
        int tailStart) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM-yy", Locale.ENGLISH);

    /**
     * A month column.
     *
     * @param index position
     * @param month the month it holds
     */
    public record MonthColumn(int index, YearMonth month) {
    }

    /**
     * A comparator average column.
     *
     * @param index position
     * @param label its name in the first header, e.g. {@code Statistical Neighbour Average}
     * @param kind  {@code statistical_neighbours}, {@code england} or {@code region}
     */
    public record ComparatorColumn(int index, String label, String kind) {
    }

    public ScorecardWideLayout {
        months = List.copyOf(months);
        comparators = List.copyOf(comparators);
    }

    /** The layout of a scorecard with the usual headers. */
    public static ScorecardWideLayout resolve(Header header) {
        return resolve(header, Map.of(), Map.of());
    }

    /**
     * The layout of {@code source}'s scorecard: the roles and comparators its entry maps, the others by their
     * usual names. A role the entry maps but the header lacks fails the file, naming it.
     */
    public static ScorecardWideLayout resolve(Header header, ScorecardSpec source) {
        return resolve(header, source.roles(), source.comparators());
    }

    private static ScorecardWideLayout resolve(Header header, Map<String, List<String>> roles,
            Map<String, String> mappedComparators) {
        List<String> missing = new ArrayList<>();
        Set<Integer> mapped = new HashSet<>();
        List<ComparatorColumn> comparators = new ArrayList<>();
        mappedComparators.forEach((name, kind) -> {
            OptionalInt at = header.find(name);
            if (at.isPresent()) {
                mapped.add(at.getAsInt());
                comparators.add(new ComparatorColumn(at.getAsInt(), header.names().get(at.getAsInt()).trim(), kind));
            } else {
                missing.add(name + " (comparator)");
            }
        });
        OptionalInt ref = header.find(roles.getOrDefault("ref", List.of("Ref")));
        OptionalInt indicator = header.find(roles.getOrDefault("indicator", List.of("Indicator")));
        List<MonthColumn> months = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.names().get(i).trim();
            if (name.matches("[A-Za-z]{3}-\\d{2}")) {
                YearMonth month;
                try {
                    String normal = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
                    month = YearMonth.parse(normal, MONTH);
                } catch (DateTimeParseException e) {
                    throw Errors.notCsv(header.file(), "column " + (i + 1) + " '" + name + "' is not a month like Apr-23");
                }
                for (MonthColumn earlier : months) {
                    if (earlier.month().equals(month)) {
                        throw Errors.duplicateColumn(header.file(), name, earlier.index() + 1, i + 1);
                    }
                }
                months.add(new MonthColumn(i, month));
            } else if (name.toLowerCase(Locale.ROOT).contains("average") && !mapped.contains(i)) {
                String lower = name.toLowerCase(Locale.ROOT);
                comparators.add(new ComparatorColumn(i, name, lower.contains("neighbour") ? "statistical_neighbours"
                        : lower.contains("england") || lower.contains("national") ? "england" : "region"));
            }
        }
        comparators.sort(java.util.Comparator.comparingInt(ComparatorColumn::index));
        if (ref.isEmpty()) {
            missing.add(String.join(" or ", roles.getOrDefault("ref", List.of("Ref"))));
        }
        if (indicator.isEmpty()) {
            missing.add(String.join(" or ", roles.getOrDefault("indicator", List.of("Indicator"))));
        }
        int current = position(header, roles, missing, "current", "Current", "Current Performance");
        int previousYear = position(header, roles, missing, "previous_year", "Previous Year");
        int target = position(header, roles, missing, "target", "Target");
        int sparkline = position(header, roles, missing, "last_12_months", "Last 12 Months");
        int performance = position(header, roles, missing, "performance", "Performance");
        int direction = position(header, roles, missing, "direction", "Direction of Travel", "DoT");
        if (months.isEmpty() && current < 0) {
            missing.add("month columns such as Apr-23, or a current value column (map it under roles: current)");
        }
        if (!missing.isEmpty()) {
            throw Errors.missingColumns(header.file(), missing, header.names());
        }
        int leftEnd = Math.max(Math.max(ref.getAsInt(), indicator.getAsInt()), Math.max(current, previousYear));
        if (!months.isEmpty()) {
            leftEnd = Math.max(leftEnd, months.get(months.size() - 1).index());
        }
        int tailStart = header.size();
        for (int p : new int[] {sparkline, performance, direction}) {
            if (p >= 0) {
                tailStart = Math.min(tailStart, p);
            }
        }
        return new ScorecardWideLayout(header, ref.getAsInt(), indicator.getAsInt(), months, current, previousYear,
                target, comparators, performance, direction, leftEnd, tailStart);
    }

    /** The position of {@code role}'s column, or -1; a role the source maps must be found. */
    private static int position(Header header, Map<String, List<String>> roles, List<String> missing, String role,
            String... usual) {
        int at = header.find(roles.getOrDefault(role, List.of(usual))).orElse(-1);
        if (at < 0 && roles.containsKey(role)) {
            missing.add(String.join(" or ", roles.get(role)) + " (" + role + ")");
        }
        return at;
    }
}
