package org.csbench.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * A published table's contract: its name, grain, meaning and columns, in order. Jobs write a table through
 * {@link #conform}, so what is written is exactly what is described.
 *
 * @param name        {@code layer.name}
 * @param grain       what one row is
 * @param description what the table is for
 * @param columns     its columns, in order
 */
public record TableDef(String name, String grain, String description, List<ColumnDef> columns) {
    public TableDef {
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (ColumnDef column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("Table " + name + " lists column " + column.name() + " twice");
            }
        }
    }

    public static TableDef of(String name, String grain, String description, ColumnDef... columns) {
        return new TableDef(name, grain, description, List.of(columns));
    }

    public StructType schema() {
        StructType schema = new StructType();
        for (ColumnDef column : columns) {
            schema = schema.add(column.name(), column.type());
        }
        return schema;
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnDef::name).toList();
    }

    public ColumnDef column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + columnName));
    }

    /**
     * {@code rows} as this table: each column selected by name and cast to its type, in the contract's order;
     * other columns are left out.
     *
     * @throws IllegalStateException naming the table and column when {@code rows} lacks a column
     */
    public Dataset<Row> conform(Dataset<Row> rows) {
        Set<String> present = Set.of(rows.columns());
        List<Column> selected = new ArrayList<>();
        for (ColumnDef column : columns) {
            if (!present.contains(column.name())) {
                throw new IllegalStateException(name + ": the rows to write have no column " + column.name());
            }
            selected.add(rows.col(column.name()).cast(column.type()).as(column.name()));
        }
        return rows.select(selected.toArray(Column[]::new));
    }

    /** Builds one row of this table by column name. */
    public RowBuilder row() {
        return new RowBuilder(this);
    }

    /**
     * A row of a table, set column by column; {@link #build} fails naming any column left unset or not in the
     * table. Cheap enough for executors building millions of rows (one hash lookup per column).
     */
    public static final class RowBuilder {
        private final TableDef table;
        private final Map<String, Object> values;

        private RowBuilder(TableDef table) {
            this.table = table;
            this.values = new HashMap<>(table.columns().size() * 2);
        }

        public RowBuilder set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        public Row build() {
            Object[] fields = new Object[table.columns().size()];
            for (int i = 0; i < fields.length; i++) {
                String column = table.columns().get(i).name();
                Object value = values.get(column);
                if (value == null && !values.containsKey(column)) {
                    throw new IllegalStateException(table.name() + ": no value set for column " + column);
                }
                fields[i] = value;
            }
            if (values.size() != fields.length) {
                Set<String> unknown = new HashSet<>(values.keySet());
                unknown.removeAll(table.columnNames());
                throw new IllegalArgumentException(table.name() + " has no column " + String.join(", ", unknown));
            }
            return RowFactory.create(fields);
        }
    }
}
