package org.csbench.detect;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.SparkTestSession;
import org.csbench.config.Indicator;
import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.Polarity;
import org.csbench.model.Target;
import org.csbench.model.Unit;

/** Hand-built {@code gold.indicator_value} rows (the columns the Detect stage reads) and catalogue entries. */
final class IndicatorValueRows {
    static final String AVAILABLE = "available";
    static final String SUPPRESSED = "suppressed";

    private final List<Row> rows = new ArrayList<>();

    /** One value of an LA in the North West; the value is null unless the status is available. */
    IndicatorValueRows value(String indicator, Polarity polarity, Unit unit, String la, String periodType,
            LocalDate end, Double value, String status) {
        return add(indicator, polarity, unit, "local_authority", la, periodType, end, value, status, null, null);
    }

    /** An available value that is {@code numerator / denominator * multiplier}. */
    IndicatorValueRows fraction(String indicator, Polarity polarity, Unit unit, String la, LocalDate end,
            double numerator, double denominator, double multiplier) {
        return add(indicator, polarity, unit, "local_authority", la, "reporting_year", end,
                numerator / denominator * multiplier, AVAILABLE, numerator, denominator);
    }

    /** A monthly series of an LA from April 2023, one value a month; null values are suppressed. */
    IndicatorValueRows monthly(String indicator, Polarity polarity, String la, Double... values) {
        for (int i = 0; i < values.length; i++) {
            LocalDate end = LocalDate.of(2023, 4, 1).plusMonths(i);
            value(indicator, polarity, Unit.PERCENT, la, "month", end.withDayOfMonth(end.lengthOfMonth()), values[i],
                    values[i] == null ? SUPPRESSED : AVAILABLE);
        }
        return this;
    }

    IndicatorValueRows add(String indicator, Polarity polarity, Unit unit, String level, String geo,
            String periodType, LocalDate end, Double value, String status, Double numerator, Double denominator) {
        String timePeriod = periodType.equals("month") ? end.toString().substring(0, 7) : Integer.toString(end.getYear());
        rows.add(RowFactory.create(indicator, level, geo, periodType, Date.valueOf(end), timePeriod, value, status,
                polarity.name().toLowerCase(java.util.Locale.ROOT), unit.code(), "LA " + geo, null, "E12000002",
                numerator, denominator));
        return this;
    }

    /** The rows, in reverse order of addition (the stage must not rely on input order). */
    Dataset<Row> dataset() {
        List<Row> reversed = new ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        return SparkTestSession.get().createDataFrame(reversed, schema());
    }

    static StructType schema() {
        return new StructType()
                .add(Columns.INDICATOR_ID, DataTypes.StringType).add(Columns.GEOGRAPHIC_LEVEL, DataTypes.StringType)
                .add(Geography.GEO_KEY, DataTypes.StringType).add(Columns.PERIOD_TYPE, DataTypes.StringType)
                .add(Columns.PERIOD_END, DataTypes.DateType).add(Columns.TIME_PERIOD, DataTypes.StringType)
                .add(Columns.VALUE, DataTypes.DoubleType).add(Columns.STATUS, DataTypes.StringType)
                .add(IndicatorValues.POLARITY, DataTypes.StringType).add(Columns.UNIT, DataTypes.StringType)
                .add(Columns.LA_NAME, DataTypes.StringType).add(Columns.NEW_LA_CODE, DataTypes.StringType)
                .add(Columns.REGION_CODE, DataTypes.StringType).add(IndicatorValues.NUMERATOR, DataTypes.DoubleType)
                .add(IndicatorValues.DENOMINATOR, DataTypes.DoubleType);
    }

    /** A catalogue indicator with the attributes the Detect stage reads. */
    static Indicator indicator(String id, Unit unit, Polarity polarity, List<String> denominators, double multiplier,
            Target target, Double validMin, Double validMax) {
        return new Indicator(id, null, id, null, unit, polarity, Indicator.Frequency.ANNUAL, id + "_n", denominators,
                multiplier, 1, Indicator.Rounding.HALF_UP, Indicator.ComparatorMethod.MEAN, validMin, validMax, target,
                2, null, Indicator.Aggregation.SUM);
    }
}
