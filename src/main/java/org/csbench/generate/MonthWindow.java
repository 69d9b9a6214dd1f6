package org.csbench.generate;

import java.time.YearMonth;
import java.util.Objects;

import org.csbench.model.Errors;

/**
 * The consecutive months a run covers.
 *
 * @param first the first month
 * @param count how many months, at least 12
 */
public record MonthWindow(YearMonth first, int count) {
    private static final String[] SHORT_NAMES = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    public MonthWindow {
        Objects.requireNonNull(first, "first");
        if (count < 12) {
            throw Errors.invalidArgument(String.format("Invalid month window: %d months (at least 12)", count));
        }
    }

    /** {@code years} whole years ending with {@code last}: {@code 2025-03} and 3 give 2022-04 .. 2025-03. */
    public static MonthWindow ending(YearMonth last, int years) {
        return new MonthWindow(last.minusMonths(12L * years - 1), 12 * years);
    }

    public YearMonth month(int index) {
        return first.plusMonths(index);
    }

    public YearMonth last() {
        return month(count - 1);
    }

    /** The index of {@code month}, or -1 if outside the window. */
    public int indexOf(YearMonth month) {
        long index = first.until(month, java.time.temporal.ChronoUnit.MONTHS);
        return index >= 0 && index < count ? (int) index : -1;
    }

    /** The index of the April that starts the financial year of the last month. */
    public int financialYearStart() {
        YearMonth last = last();
        int year = last.getMonthValue() >= 4 ? last.getYear() : last.getYear() - 1;
        return indexOf(YearMonth.of(year, 4));
    }

    /** {@code 2023-04}, as the long file writes months. */
    public static String isoLabel(YearMonth month) {
        int m = month.getMonthValue();
        return month.getYear() + (m < 10 ? "-0" : "-") + m;
    }

    /** {@code Apr-23}, as scorecards head their month columns. */
    public static String scorecardLabel(YearMonth month) {
        int yy = Math.floorMod(month.getYear(), 100);
        return SHORT_NAMES[month.getMonthValue() - 1] + (yy < 10 ? "-0" : "-") + yy;
    }
}
