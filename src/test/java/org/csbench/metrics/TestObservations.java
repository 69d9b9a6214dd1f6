package org.csbench.metrics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.model.Columns;

/** Hand-built {@code silver.observation} rows (the columns the metrics read) for the metrics tests. */
final class TestObservations {
    private TestObservations() {
    }

    /** One current observation of an LA in the North West. */
    static Row observation(String measure, String periodType, LocalDate end, String la, Double value, String status) {
        String timePeriod = periodType.equals("month") ? end.toString().substring(0, 7) : Integer.toString(end.getYear());
        return RowFactory.create(measure, timePeriod, periodType, end.getYear(), Date.valueOf(end), "local_authority",
                null, "E12000002", null, la, null, "LA " + la, value, status, 0.0, "v1", "src", true,
                Timestamp.valueOf("2025-01-01 00:00:00"));
    }

    static StructType schema() {
        return new StructType()
                .add(Columns.INDICATOR_ID, DataTypes.StringType).add(Columns.TIME_PERIOD, DataTypes.StringType)
                .add(Columns.PERIOD_TYPE, DataTypes.StringType).add(Columns.YEAR, DataTypes.IntegerType)
                .add(Columns.PERIOD_END, DataTypes.DateType).add(Columns.GEOGRAPHIC_LEVEL, DataTypes.StringType)
                .add(Columns.COUNTRY_CODE, DataTypes.StringType).add(Columns.REGION_CODE, DataTypes.StringType)
                .add(Columns.REGION_NAME, DataTypes.StringType).add(Columns.OLD_LA_CODE, DataTypes.StringType)
                .add(Columns.NEW_LA_CODE, DataTypes.StringType).add(Columns.LA_NAME, DataTypes.StringType)
                .add(Columns.VALUE, DataTypes.DoubleType).add(Columns.STATUS, DataTypes.StringType)
                .add(Columns.ROUNDING_UNIT, DataTypes.DoubleType).add(Columns.VINTAGE, DataTypes.StringType)
                .add(Columns.SOURCE_ID, DataTypes.StringType).add(Columns.IS_CURRENT, DataTypes.BooleanType)
                .add(Columns.INGESTED_AT, DataTypes.TimestampType);
    }
}
