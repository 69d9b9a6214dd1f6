package org.csbench.benchmark;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.SparkTestSession;
import org.csbench.config.Catalogue;
import org.csbench.config.Indicator;
import org.csbench.ingest.NeighbourTransform;
import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.Polarity;
import org.csbench.model.Target;
import org.csbench.model.Unit;

/** Hand-built inputs of the benchmarking stage: indicator values, neighbour models, code changes, catalogue. */
final class TestValues {
    private final List<Row> values = new ArrayList<>();
    private final List<Row> neighbours = new ArrayList<>();
    private final List<Row> changes = new ArrayList<>();
    private final List<Indicator> indicators = new ArrayList<>();

    /** An authority's value (status available unless value is null: then suppressed, {@code c}). */
    TestValues la(String indicator, String periodType, LocalDate end, String la, String region, Double value) {
        return la(indicator, periodType, end, la, region, null, null, value, value == null ? "c" : "available");
    }

    TestValues la(String indicator, String periodType, LocalDate end, String la, String region, Double numerator,
            Double denominator, Double value, String status) {
        values.add(value(indicator, periodType, end, "local_authority", la, region, la, numerator, denominator, value,
                status, "computed"));
        return this;
    }

    /** A region's or England's own row. */
    TestValues area(String indicator, String periodType, LocalDate end, String level, String code, Double value,
            String source) {
        values.add(value(indicator, periodType, end, level, code, level.equals("regional") ? code : null, null, null,
                null, value, "available", source));
        return this;
    }

    TestValues neighbour(String model, int from, Integer to, String la, int rank, String neighbour) {
        neighbours.add(RowFactory.create(model, from, to, la, rank, neighbour));
        return this;
    }

    TestValues change(int year, String type, String from, String to) {
        changes.add(RowFactory.create(year, type, from, to));
        return this;
    }

    TestValues indicator(String id, Unit unit, Polarity polarity, Indicator.ComparatorMethod method, boolean ratio,
            Target target) {
        indicators.add(new Indicator(id, null, id, null, unit, polarity, Indicator.Frequency.ANNUAL, "num",
                ratio ? List.of("den") : List.of(), ratio ? 100 : 1, 1, Indicator.Rounding.HALF_UP, method, null, null,
                target, 2, null, Indicator.Aggregation.SUM));
        return this;
    }

    /** The benchmark rows for these inputs, by {@code old_la_code|period_end|indicator_id}. */
    Map<String, Row> benchmark() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> result = Benchmarks.compute(spark.createDataFrame(values, valueSchema()),
                spark.createDataFrame(neighbours, neighbourSchema()), spark.createDataFrame(changes, changeSchema()),
                null, new Catalogue("test", indicators));
        Map<String, Row> byKey = new HashMap<>();
        for (Row row : result.collectAsList()) {
            String key = row.getAs(Columns.OLD_LA_CODE) + "|" + row.getAs(Columns.PERIOD_END) + "|"
                    + row.getAs(Columns.INDICATOR_ID);
            if (byKey.put(key, row) != null) {
                throw new AssertionError("two benchmark rows for " + key);
            }
        }
        return byKey;
    }

    static String key(String la, LocalDate end, String indicator) {
        return la + "|" + end + "|" + indicator;
    }

    private static Row value(String indicator, String periodType, LocalDate end, String level, String geo,
            String region, String la, Double numerator, Double denominator, Double value, String status, String source) {
        String timePeriod = periodType.equals("month") ? end.toString().substring(0, 7) : Integer.toString(end.getYear());
        return RowFactory.create(indicator, "percent", periodType, timePeriod, Date.valueOf(end), level, geo, region,
                "Region " + region, la, la == null ? null : "E0" + la, la == null ? null : "LA " + la, numerator,
                denominator, value, source, status);
    }

    private static StructType valueSchema() {
        return new StructType()
                .add(Columns.INDICATOR_ID, DataTypes.StringType).add(Columns.UNIT, DataTypes.StringType)
                .add(Columns.PERIOD_TYPE, DataTypes.StringType).add(Columns.TIME_PERIOD, DataTypes.StringType)
                .add(Columns.PERIOD_END, DataTypes.DateType).add(Columns.GEOGRAPHIC_LEVEL, DataTypes.StringType)
                .add(Geography.GEO_KEY, DataTypes.StringType).add(Columns.REGION_CODE, DataTypes.StringType)
                .add(Columns.REGION_NAME, DataTypes.StringType).add(Columns.OLD_LA_CODE, DataTypes.StringType)
                .add(Columns.NEW_LA_CODE, DataTypes.StringType).add(Columns.LA_NAME, DataTypes.StringType)
                .add(IndicatorValues.NUMERATOR, DataTypes.DoubleType).add(IndicatorValues.DENOMINATOR, DataTypes.DoubleType)
                .add(Columns.VALUE, DataTypes.DoubleType).add(IndicatorValues.VALUE_SOURCE, DataTypes.StringType)
                .add(Columns.STATUS, DataTypes.StringType);
    }

    private static StructType neighbourSchema() {
        return new StructType()
                .add(NeighbourTransform.MODEL, DataTypes.StringType).add(NeighbourTransform.VALID_FROM, DataTypes.IntegerType)
                .add(NeighbourTransform.VALID_TO, DataTypes.IntegerType).add(Columns.OLD_LA_CODE, DataTypes.StringType)
                .add(NeighbourTransform.RANK, DataTypes.IntegerType)
                .add(NeighbourTransform.NEIGHBOUR_CODE, DataTypes.StringType);
    }

    private static StructType changeSchema() {
        return new StructType()
                .add(Boundaries.EFFECTIVE_YEAR, DataTypes.IntegerType).add(Boundaries.CHANGE_TYPE, DataTypes.StringType)
                .add(Boundaries.FROM, DataTypes.StringType).add(Boundaries.TO, DataTypes.StringType);
    }
}
