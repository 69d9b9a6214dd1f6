package org.csbench.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.SparkTestSession;
import org.csbench.contract.ColumnDef;

/** Analyst-view rows built by column name for tests (every column not set is null). */
public final class AnalystRows {
    private final List<Row> rows = new ArrayList<>();

    public static StructType schema() {
        StructType schema = new StructType();
        for (String key : AnalystView.KEYS) {
            schema = schema.add(key, DataTypes.LongType);
        }
        for (ColumnDef column : AnalystView.COLUMNS) {
            schema = schema.add(column.name(), column.type());
        }
        return schema;
    }

    /** Adds a row: alternating column names and values. */
    public AnalystRows add(Object... namesAndValues) {
        StructType schema = schema();
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            schema.fieldIndex(name);
            values.put(name, namesAndValues[i + 1]);
        }
        Object[] fields = new Object[schema.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = values.get(schema.fields()[i].name());
        }
        rows.add(RowFactory.create(fields));
        return this;
    }

    public Dataset<Row> dataset() {
        return SparkTestSession.get().createDataFrame(rows, schema());
    }
}
