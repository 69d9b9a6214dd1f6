package org.csbench.contract;

import java.util.regex.Pattern;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * One column of a published table: its name, type, unit and meaning. The data dictionary, the README's table list
 * and the schema check all read these.
 *
 * @param name        snake_case column name
 * @param type        its Spark type (written to Delta as the matching Parquet type)
 * @param unit        the unit of a measure ({@code rate per 10,000}, {@code %}, {@code children}...), the code set
 *                    of a code column, or null
 * @param description what the column holds, for someone who has not read the code
 */
public record ColumnDef(String name, DataType type, String unit, String description) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public ColumnDef {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid column name: '" + name + "'; expected snake_case");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("Column " + name + " has no description");
        }
    }

    /** A surrogate key: a signed 64-bit hash of the natural key (see {@link Keys}). */
    public static ColumnDef key(String name, String description) {
        return new ColumnDef(name, DataTypes.LongType, null, description);
    }

    public static ColumnDef text(String name, String description) {
        return new ColumnDef(name, DataTypes.StringType, null, description);
    }

    public static ColumnDef integer(String name, String unit, String description) {
        return new ColumnDef(name, DataTypes.IntegerType, unit, description);
    }

    public static ColumnDef count(String name, String unit, String description) {
        return new ColumnDef(name, DataTypes.LongType, unit, description);
    }

    public static ColumnDef number(String name, String unit, String description) {
        return new ColumnDef(name, DataTypes.DoubleType, unit, description);
    }

    public static ColumnDef date(String name, String description) {
        return new ColumnDef(name, DataTypes.DateType, null, description);
    }

    public static ColumnDef flag(String name, String description) {
        return new ColumnDef(name, DataTypes.BooleanType, null, description);
    }

    /** A small-integer code of {@code set}; its labels are in {@code gold.dim_code}. */
    public static ColumnDef code(String name, CodeSet set, String description) {
        return new ColumnDef(name, DataTypes.ByteType, "code: " + set.id(), description);
    }
}
