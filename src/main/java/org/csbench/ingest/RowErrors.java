package org.csbench.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.model.Columns;

/**
 * Collects the reasons a row cannot be loaded, as an array column of {@code (column, raw_value, reason)}.
 * A row with any reason is quarantined whole (one quarantine row per reason); a row with none is loaded.
 */
public final class RowErrors {
    /** The array column of a row's problems. */
    public static final String ERRORS = "_errors";
    /** The pseudo-column name for a problem with the row as a whole. */
    public static final String WHOLE_ROW = "(row)";

    static final StructType ERROR_TYPE = new StructType()
            .add(Columns.COLUMN, DataTypes.StringType)
            .add(Columns.RAW_VALUE, DataTypes.StringType)
            .add(Columns.REASON, DataTypes.StringType);

    /** No problem: the empty array each check gives when it passes. */
    private static final Column NONE = array().cast(DataTypes.createArrayType(ERROR_TYPE));

    private record Check(Column failed, Column problem) {
    }

    private final List<Check> checks = new ArrayList<>();

    /** Adds a problem, recorded when {@code failed} is true. */
    public RowErrors add(Column failed, String column, Column rawValue, Column reason) {
        checks.add(new Check(failed, struct(lit(column).as(Columns.COLUMN),
                rawValue.cast(DataTypes.StringType).as(Columns.RAW_VALUE), reason.as(Columns.REASON))));
        return this;
    }

    public RowErrors add(Column failed, String column, Column rawValue, String reason) {
        return add(failed, column, rawValue, lit(reason));
    }

    /** The array of problems, empty for a good row. */
    public Column toColumn() {
        if (checks.isEmpty()) {
            return NONE;
        }
        return filter(array(checks.stream().map(c -> when(c.failed(), c.problem())).toArray(Column[]::new)),
                Column::isNotNull);
    }

    /**
     * {@link #toColumn} as arrays of none or one problem, concatenated. A higher-order function such as
     * {@code filter} has no generated code, so there every check of every row is interpreted; this form compiles
     * (a long extract's parse: 4 s of 15 s at 1.65 M rows). For a fixed, small set of checks whose result is kept
     * in memory at once: Spark inlines a column into each later filter that reads it, and the generated code of
     * several copies of dozens of checks can outgrow what the compiler accepts (it then falls back to interpreting).
     */
    public Column concatenated() {
        if (checks.isEmpty()) {
            return NONE;
        }
        return concat(checks.stream().map(c -> when(c.failed(), array(c.problem())).otherwise(NONE))
                .toArray(Column[]::new));
    }
}
