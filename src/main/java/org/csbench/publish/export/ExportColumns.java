package org.csbench.publish.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.NumericType;

import org.csbench.contract.ColumnDef;
import org.csbench.publish.AnalystView;
import org.csbench.publish.disclosure.Disclosure;

/**
 * The columns an export writes, each with its description from the one place it is defined ({@link AnalystView},
 * {@link Disclosure}), and how a row's cell is written: a number, a text (neutralised, {@link CellText}), the symbol
 * of a suppressed cell, or nothing.
 */
public final class ExportColumns {
    /** The columns whose numbers are in the indicator's unit, shown to its decimal places. */
    public static final Set<String> IN_INDICATOR_UNIT = Set.of(AnalystView.VALUE, AnalystView.SN_AVERAGE,
            AnalystView.REGION_VALUE, AnalystView.ENGLAND_VALUE, AnalystView.GAP_TO_SN, AnalystView.GAP_TO_REGION,
            AnalystView.GAP_TO_ENGLAND, AnalystView.TARGET_LOW, AnalystView.TARGET_HIGH, AnalystView.GAP_TO_TARGET,
            AnalystView.PREVIOUS_VALUE, AnalystView.LAST_YEAR_VALUE);

    private ExportColumns() {
    }

    /** Every exported column of the analyst view, in order: {@link AnalystView#COLUMNS}, then the disclosure list. */
    public static List<ColumnDef> analystView() {
        List<ColumnDef> columns = new ArrayList<>(AnalystView.COLUMNS);
        columns.add(Disclosure.SUPPRESSED_COLUMNS_DEF);
        return columns;
    }

    /** The columns sheet or sidecar: a header, then column, type, unit and meaning per column. */
    public static List<List<String>> descriptions(List<ColumnDef> columns) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("column", "type", "unit", "meaning"));
        for (ColumnDef column : columns) {
            rows.add(List.of(column.name(), column.type().simpleString(), column.unit() == null ? "" : column.unit(),
                    column.description()));
        }
        return rows;
    }

    /** A cell as written: a {@link BigDecimal} for a number, a (neutralised) String for text, or null. */
    public static Object cell(Row row, ColumnDef column) {
        int at = row.fieldIndex(column.name());
        if (row.isNullAt(at)) {
            return hasSuppressedList(row) && Disclosure.isSuppressed(row, column.name()) ? Disclosure.SYMBOL : null;
        }
        Object value = row.get(at);
        if (column.type() instanceof NumericType && value instanceof Number number) {
            return number instanceof Double || number instanceof Float
                    ? BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros()
                    : BigDecimal.valueOf(number.longValue());
        }
        if (column.type() instanceof ArrayType) {
            return CellText.neutralise(String.join(",", row.<String>getList(at)));
        }
        return CellText.neutralise(String.valueOf(value));
    }

    private static boolean hasSuppressedList(Row row) {
        return java.util.Arrays.asList(row.schema().fieldNames()).contains(Disclosure.SUPPRESSED_COLUMNS);
    }
}
