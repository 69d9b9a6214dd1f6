package org.csbench.ingest;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.model.Status;
import org.csbench.model.Unit;

/**
 * Spark column expressions for the cells of councils' monthly scorecards: {@code 1,211}, {@code 28.1%},
 * {@code Not Yet Available}, blanks, DfE symbols, RAG letters (with the Greek and Cyrillic look-alikes that PDF
 * extraction produces) and direction-of-travel arrows (glyphs or LaTeX leftovers).
 */
public final class ScorecardCells {
    /** A number with optional thousands separators and an optional percent sign. */
    public static final String NUMBER =
            "^[+-]?(\\d{1,3}(,\\d{3}){1,4}|\\d{1,15})(\\.\\d{1,15})?%?$|^[+-]?\\.\\d{1,15}%?$";
    /** What a month such as {@code 2023-04}, {@code Apr-23} or {@code 202304} looks like. */
    public static final String MONTH = "^(\\d{4})-(\\d{2})$|^[A-Za-z]{3}-\\d{2}$|^\\d{6}$";
    public static final String NOT_A_VALUE = "not a number (of at most 15 digits before and after the point), a "
            + "percentage, 'Not Yet Available' or a DfE symbol";
    /** Cells that say a value is not available yet. */
    public static final String NOT_YET_AVAILABLE = "^(not yet available|nya|n/a|na|tbc)$";

    private ScorecardCells() {
    }

    public static Column isNumber(Column trimmed) {
        return trimmed.rlike(NUMBER);
    }

    public static Column isNotYetAvailable(Column trimmed) {
        return lower(trimmed).rlike(NOT_YET_AVAILABLE);
    }

    public static Column isValid(Column trimmed) {
        return Cells.isBlank(trimmed).or(isNumber(trimmed)).or(isNotYetAvailable(trimmed)).or(Cells.isSymbol(trimmed));
    }

    /** True when the cell is written as a percentage. */
    public static Column isPercent(Column trimmed) {
        return trimmed.endsWith("%");
    }

    public static Column value(Column trimmed) {
        return when(isNumber(trimmed), regexp_replace(trimmed, "[,%]", "").try_cast(DataTypes.DoubleType));
    }

    public static Column status(Column trimmed) {
        return when(isNotYetAvailable(trimmed), lit(Status.NOT_AVAILABLE.code()))
                .when(isNumber(trimmed), lit(Status.AVAILABLE.code()))
                .otherwise(Cells.status(trimmed));
    }

    /** The published symbol or wording for a cell without a number, e.g. {@code c} or {@code Not Yet Available}. */
    public static Column symbol(Column trimmed) {
        return when(isNotYetAvailable(trimmed), trimmed).otherwise(Cells.symbol(trimmed));
    }

    /** The first day of the month a cell names ({@code 2023-04}, {@code Apr-23}, {@code 202304}), or null. */
    public static Column monthStart(Column trimmed) {
        Column isoYear = regexp_extract(trimmed, "^(\\d{4})-?(\\d{2})$", 1);
        Column isoMonth = regexp_extract(trimmed, "^(\\d{4})-?(\\d{2})$", 2);
        Column shortMonth = upper(regexp_extract(trimmed, "^([A-Za-z]{3})-(\\d{2})$", 1));
        Column shortYear = regexp_extract(trimmed, "^([A-Za-z]{3})-(\\d{2})$", 2);
        Column monthNumber = lit(null).cast(DataTypes.IntegerType);
        String[] names = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
        for (int m = 0; m < 12; m++) {
            monthNumber = when(shortMonth.equalTo(names[m]), lit(m + 1)).otherwise(monthNumber);
        }
        Column iso = make_date(isoYear.try_cast(DataTypes.IntegerType), isoMonth.try_cast(DataTypes.IntegerType), lit(1));
        Column named = make_date(shortYear.try_cast(DataTypes.IntegerType).plus(2000), monthNumber, lit(1));
        return when(isoYear.notEqual("").and(isoMonth.between("01", "12")).and(isoYear.notEqual("0000")), iso)
                .when(shortYear.notEqual("").and(monthNumber.isNotNull()), named);
    }

    /**
     * Why a month cell is not a month a value can be for, or null: a year before {@link Cells#FIRST_YEAR}, or a
     * month after {@code lastMonth} ({@code lastMonthName} says what it is, e.g. "the report month 2023-09"). The
     * reason names the month as read: "Feb-30" is February 2030.
     */
    public static Column implausibleMonth(Column trimmed, Column monthStart, java.time.YearMonth lastMonth,
            String lastMonthName) {
        Column asRead = concat(lit("month '"), trimmed, lit("' read as "), date_format(monthStart, "MMMM yyyy"));
        return when(trimmed.rlike("^0000-?\\d{2}$").or(year(monthStart).lt(Cells.FIRST_YEAR)),
                        concat(lit("month '"), trimmed, lit("': years before " + Cells.FIRST_YEAR + " cannot be right")))
                .when(monthStart.gt(lit(java.sql.Date.valueOf(lastMonth.atDay(1)))),
                        concat(asRead, lit(", after " + lastMonthName)));
    }

    /** True when the cell's number lies outside the natural range of the unit named by {@code unitCode}. */
    public static Column outsideNaturalRange(Column number, Column unitCode) {
        Column outside = lit(false);
        for (Unit unit : Unit.values()) {
            outside = when(unitCode.equalTo(unit.code()), number.lt(unit.naturalMin()).or(number.gt(unit.naturalMax())))
                    .otherwise(outside);
        }
        return number.isNotNull().and(outside);
    }

    /** Why a number is outside its unit's natural range (see {@link Unit#outOfRangeReason}). */
    public static Column outOfRangeReason(Column unitCode) {
        Column reason = lit(null).cast(DataTypes.StringType);
        for (Unit unit : Unit.values()) {
            reason = when(unitCode.equalTo(unit.code()), lit(unit.outOfRangeReason())).otherwise(reason);
        }
        return reason;
    }

    /** R, A or G; the Greek (U+0391) and Cyrillic (U+0410) capital A count as A. Null for anything else. */
    public static Column rag(Column trimmed) {
        Column latin = upper(translate(trimmed, "\u0391\u0410\u03b1\u0430", "AAaa"));
        return when(latin.isin("R", "A", "G"), latin);
    }

    /**
     * Direction of travel: {@code up}, {@code down}, {@code same}; {@code unreadable} for a glyph that extraction
     * destroyed (e.g. {@code 1}); null for a blank.
     */
    public static Column direction(Column trimmed) {
        Column t = lower(trimmed);
        return when(Cells.isBlank(trimmed), lit(null).cast(DataTypes.StringType))
                .when(t.rlike("^(\u2191|\\\\uparrow|up|\u25b2|\u2197)"), lit("up"))
                .when(t.rlike("^(\u2193|\\\\downarrow|down|\u25bc|\u2198)"), lit("down"))
                .when(t.rlike("^(\u2194|\\\\leftrightarrow|\u2192|\\\\rightarrow|same|no change|=)"), lit("same"))
                .otherwise(lit("unreadable"));
    }
}
