package org.csbench.ingest;

import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.model.Status;

/**
 * Spark column expressions that read one published cell into a value and a status. A number may carry
 * thousands separators ({@code 1,234}); a DfE symbol ({@code c x z k low u :}) becomes its status with a null
 * value; a blank is {@code missing}; anything else is not a valid cell.
 */
public final class Cells {
    /**
     * A plain or thousands-separated decimal number, optionally signed, of at most 15 digits before and after the
     * point: what a double holds exactly (a 401-digit number would become Infinity).
     */
    public static final String NUMBER = "^[+-]?(\\d{1,3}(,\\d{3}){1,4}|\\d{1,15})(\\.\\d{1,15})?$|^[+-]?\\.\\d{1,15}$";
    /** How a bad cell is described in the quarantine. */
    public static final String NOT_A_VALUE = "not a number (of at most 15 digits before and after the point) or a DfE "
            + "symbol (c, x, z, k, low, u, :)";

    /** Invisible characters a text cell loses: a stray byte-order mark and the zero-width space, joiners and word joiner. */
    public static final String INVISIBLE = "\uFEFF\u200B\u200C\u200D\u2060";
    /** Control characters no published cell holds (NUL, ESC, DEL...; tab, line feed and carriage return aside). */
    public static final String CONTROL = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]";
    /** The first year a value may be for: before it, a year is a typing or extraction error. */
    public static final int FIRST_YEAR = 1970;

    private Cells() {
    }

    /** The last year a value may be for: next year (a financial year 2026-27 is published as 202627). */
    public static int lastYear() {
        return java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
    }

    /** True when {@code year} (an integer column) lies between {@link #FIRST_YEAR} and {@link #lastYear()}. */
    public static Column plausibleYear(Column year) {
        return year.between(FIRST_YEAR, lastYear());
    }

    /** Why a year outside {@link #plausibleYear} is quarantined. */
    public static String implausibleYearReason() {
        return "year outside " + FIRST_YEAR + "-" + lastYear() + " (the years a value can be for, up to next year)";
    }

    /** The field with a stray byte-order mark and zero-width characters removed, trimmed, blank as null. */
    public static Column cleaned(Column field) {
        return blankAsNull(trim(translate(field, INVISIBLE, "")));
    }

    /**
     * {@link #cleaned}, with {@code translate} (a map lookup per character: a third of the CPU of loading a long
     * extract) skipped for cells with as many bytes as characters: every {@link #INVISIBLE} character is several
     * bytes in UTF-8. It reads the cell four times: for a source's fixed handful of columns, not one per measure
     * (the generated code of a wide file's many copies outgrows what Spark's compiler accepts).
     */
    public static Column cleanedSkippingAscii(Column field) {
        return blankAsNull(trim(when(octet_length(field).equalTo(length(field)), field)
                .otherwise(translate(field, INVISIBLE, ""))));
    }

    private static Column blankAsNull(Column visible) {
        return when(visible.equalTo(""), lit(null).cast(DataTypes.StringType)).otherwise(visible);
    }

    /** True when the cell holds a control character such as NUL. */
    public static Column hasControlCharacter(Column cell) {
        return cell.rlike(CONTROL);
    }

    /** Why a cell with a control character is quarantined, naming its column. */
    public static String controlCharacterReason(String column) {
        return "a control character (such as NUL) in " + column + ": the file is damaged or not plain text";
    }

    /** True when the trimmed cell is blank. */
    public static Column isBlank(Column trimmed) {
        return trimmed.isNull().or(trimmed.equalTo(""));
    }

    /** True when the trimmed cell is a number. */
    public static Column isNumber(Column trimmed) {
        return trimmed.rlike(NUMBER);
    }

    /** True when the trimmed cell is one of the DfE symbols. */
    public static Column isSymbol(Column trimmed) {
        return lower(trimmed).isin(Status.bySymbol().keySet().toArray());
    }

    /** True when the cell is a number, a symbol or blank. */
    public static Column isValid(Column trimmed) {
        return isBlank(trimmed).or(isNumber(trimmed)).or(isSymbol(trimmed));
    }

    /** The cell's number, or null. */
    public static Column value(Column trimmed) {
        return when(isNumber(trimmed), regexp_replace(trimmed, ",", "").try_cast(DataTypes.DoubleType));
    }

    /** True when the cell is a number outside the natural range of {@code unit} (a negative count, a 120 percent). */
    public static Column outsideNaturalRange(Column trimmed, org.csbench.model.Unit unit) {
        Column value = value(trimmed);
        return value.isNotNull().and(value.lt(unit.naturalMin()).or(value.gt(unit.naturalMax())));
    }

    /** The status code ({@code available}, {@code suppressed}, ...); null for a cell that is not valid. */
    public static Column status(Column trimmed) {
        Column status = when(isBlank(trimmed), lit(Status.MISSING.code()))
                .when(isNumber(trimmed), lit(Status.AVAILABLE.code()));
        for (Map.Entry<String, Status> symbol : Status.bySymbol().entrySet()) {
            status = status.when(lower(trimmed).equalTo(symbol.getKey()), lit(symbol.getValue().code()));
        }
        return status;
    }

    /** The published symbol, lower case, or null for a number or a blank. */
    public static Column symbol(Column trimmed) {
        return when(isSymbol(trimmed), lower(trimmed));
    }
}
