package org.csbench.model;

import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Sums over doubles that do not depend on the order rows arrive in. Adding doubles rounds after each addition, so
 * 0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1 differ in the last digit; a refresh and a rebuild lay rows out differently and
 * must give the same figures. Sums are therefore taken in an exact decimal type.
 */
public final class ExactSums {
    /** The exact type: 20 digits before the point, 18 after. */
    public static final DecimalType TYPE = DataTypes.createDecimalType(38, 18);

    private ExactSums() {
    }

    /** The exact sum of {@code doubles} as a double (null when every value is null). */
    public static Column sumOf(Column doubles) {
        return sum(doubles.cast(TYPE)).cast(DataTypes.DoubleType);
    }
}
