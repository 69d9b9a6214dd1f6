package org.csbench.ingest;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
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

    private Cells() {
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
