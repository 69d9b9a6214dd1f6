package org.csbench.ingest;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.csbench.model.Errors;

/**
 * The columns of a council's wide scorecard, from its first header row: {@code Ref}, {@code Indicator}, month
 * columns ({@code Apr-23}...), {@code Current}, {@code Previous Year}, {@code Target}, comparator averages
 * (any column whose name holds "Average"), {@code Last 12 Months}, {@code Performance}, {@code Direction of Travel}.
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

    public static ScorecardWideLayout resolve(Header header) {
        OptionalInt ref = header.find("Ref");
        OptionalInt indicator = header.find("Indicator");
        List<MonthColumn> months = new ArrayList<>();
        List<ComparatorColumn> comparators = new ArrayList<>();
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
            } else if (name.toLowerCase(Locale.ROOT).contains("average")) {
                String lower = name.toLowerCase(Locale.ROOT);
                comparators.add(new ComparatorColumn(i, name, lower.contains("neighbour") ? "statistical_neighbours"
                        : lower.contains("england") || lower.contains("national") ? "england" : "region"));
            }
        }
        List<String> missing = new ArrayList<>();
        if (ref.isEmpty()) {
            missing.add("Ref");
        }
        if (indicator.isEmpty()) {
            missing.add("Indicator");
        }
        if (months.isEmpty()) {
            missing.add("month columns such as Apr-23");
        }
        if (!missing.isEmpty()) {
            throw Errors.missingColumns(header.file(), missing, header.names());
        }
        int current = position(header, "Current", "Current Performance");
        int previousYear = position(header, "Previous Year");
        int target = position(header, "Target");
        int sparkline = position(header, "Last 12 Months");
        int performance = position(header, "Performance");
        int direction = position(header, "Direction of Travel", "DoT");
        int leftEnd = Math.max(Math.max(ref.getAsInt(), indicator.getAsInt()),
                Math.max(months.get(months.size() - 1).index(), Math.max(current, previousYear)));
        int tailStart = header.size();
        for (int p : new int[] {sparkline, performance, direction}) {
            if (p >= 0) {
                tailStart = Math.min(tailStart, p);
            }
        }
        return new ScorecardWideLayout(header, ref.getAsInt(), indicator.getAsInt(), months, current, previousYear,
                target, comparators, performance, direction, leftEnd, tailStart);
    }

    private static int position(Header header, String... names) {
        return header.find(List.of(names)).orElse(-1);
    }
}
