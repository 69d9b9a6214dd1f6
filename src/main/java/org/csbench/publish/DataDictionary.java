package org.csbench.publish;

import java.util.List;
import java.util.stream.Collectors;

import org.csbench.contract.CodeSet;
import org.csbench.contract.ColumnDef;
import org.csbench.contract.Star;
import org.csbench.contract.TableDef;

/**
 * The data dictionary of the published tables, made from their contracts ({@link Star}) and the code sets: nothing
 * in it is written by hand. The README's table list is {@link #tableList()}.
 */
public final class DataDictionary {
    private DataDictionary() {
    }

    /** One Markdown table row per published table: name, grain, what it holds. */
    public static String tableList() {
        StringBuilder out = new StringBuilder("| table | one row per | what it holds |\n|---|---|---|\n");
        for (TableDef table : Star.tables()) {
            out.append("| `").append(table.name()).append("` | ").append(table.grain().replaceFirst("^one row per ", ""))
                    .append(" | ").append(cell(table.description())).append(" |\n");
        }
        return out.toString();
    }

    /** Every published table with its columns, then every code set with its codes, as Markdown. */
    public static String markdown() {
        StringBuilder out = new StringBuilder("# csbench data dictionary\n\nThe published tables (Delta, under "
                + "`<warehouse>/gold/`). Keys are signed 64-bit hashes of each member's natural key: the same member "
                + "keeps its key in every run. Code columns hold small integers whose labels are in `gold.dim_code` "
                + "and below.\n\n");
        out.append(tableList());
        for (TableDef table : Star.tables()) {
            out.append("\n## `").append(table.name()).append("`\n\n").append(table.description()).append(". One row ")
                    .append(table.grain().replaceFirst("^one row ", "")).append(".\n\n")
                    .append("| column | type | unit | meaning |\n|---|---|---|---|\n");
            for (ColumnDef column : table.columns()) {
                out.append("| `").append(column.name()).append("` | ").append(column.type().simpleString())
                        .append(" | ").append(column.unit() == null ? "" : cell(column.unit())).append(" | ")
                        .append(cell(column.description())).append(" |\n");
            }
        }
        out.append("\n## Code sets\n");
        for (CodeSet set : CodeSet.values()) {
            out.append("\n### ").append(set.id()).append("\n\n").append(set.meaning()).append(".\n\n")
                    .append("| code | label | meaning |\n|---|---|---|\n");
            for (CodeSet.Label label : set.labels()) {
                out.append("| ").append(set.code(label.label())).append(" | `").append(label.label()).append("` | ")
                        .append(cell(label.meaning())).append(" |\n");
            }
        }
        return out.toString();
    }

    /** One row per published column: table, column, type, unit, meaning (a header line first). */
    public static List<List<String>> columns() {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("table", "column", "type", "unit", "meaning"));
        for (TableDef table : Star.tables()) {
            for (ColumnDef column : table.columns()) {
                rows.add(List.of(table.name(), column.name(), column.type().simpleString(),
                        column.unit() == null ? "" : column.unit(), column.description()));
            }
        }
        return rows;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").lines().collect(Collectors.joining(" "));
    }
}
