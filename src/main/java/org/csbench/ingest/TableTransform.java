package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.trim;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.config.ColumnSpec;
import org.csbench.model.Errors;

/** A plain reference CSV with typed columns (e.g. LA code changes) -> typed rows. */
public final class TableTransform {
    private static final String INTEGER = "^[+-]?\\d+$";

    private TableTransform() {
    }

    /** Positions of the spec's columns in the file; fails naming any that are missing. */
    public static List<Integer> resolve(Header header, List<ColumnSpec> columns) {
        List<Integer> positions = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ColumnSpec column : columns) {
            OptionalInt at = header.find(column.names());
            if (at.isPresent()) {
                positions.add(at.getAsInt());
            } else {
                missing.add(String.join(" or ", column.names()));
            }
        }
        if (!missing.isEmpty()) {
            throw Errors.missingColumns(header.file(), missing, header.names());
        }
        return positions;
    }

    /** The rows with each spec column typed, and {@link RowErrors#ERRORS}. */
    public static Dataset<Row> check(Dataset<Row> lines, Header header, List<ColumnSpec> columns,
            List<Integer> positions) {
        Column text = col(CsvLines.TEXT);
        Column blankLine = trim(text).equalTo("");
        Column unclosedQuote = CsvLines.hasUnclosedQuote();
        Column fieldsOk = col(CsvLines.FIELD_COUNT).equalTo(header.size()).and(blankLine.unary_$bang())
                .and(unclosedQuote.unary_$bang());
        RowErrors errors = new RowErrors()
                .add(blankLine, RowErrors.WHOLE_ROW, text, "empty line")
                .add(unclosedQuote, RowErrors.WHOLE_ROW, text, CsvLines.unclosedQuoteReason(header))
                .add(blankLine.unary_$bang().and(unclosedQuote.unary_$bang()).and(fieldsOk.unary_$bang()),
                        RowErrors.WHOLE_ROW, text,
                        concat(lit("expected " + header.size() + " fields as in the header, found "),
                                col(CsvLines.FIELD_COUNT).cast(DataTypes.StringType)));
        List<Column> typed = new ArrayList<>(List.of(col(CsvLines.LINE), col(CsvLines.TEXT)));
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec spec = columns.get(i);
            Column cell = EesTransform.cleaned(col(CsvLines.field(positions.get(i))));
            String published = header.names().get(positions.get(i));
            if (spec.required()) {
                errors.add(fieldsOk.and(cell.isNull()), published, cell, "a value is required");
            }
            switch (spec.type()) {
                case "int" -> {
                    errors.add(fieldsOk.and(cell.isNotNull()).and(cell.rlike(INTEGER).unary_$bang()), published, cell,
                            "not a whole number");
                    typed.add(cast(cell, DataTypes.IntegerType).as(spec.name()));
                }
                case "double" -> {
                    errors.add(fieldsOk.and(cell.isNotNull()).and(Cells.isNumber(cell).unary_$bang()), published, cell,
                            "not a number");
                    typed.add(cast(regexp_replace(cell, ",", ""), DataTypes.DoubleType).as(spec.name()));
                }
                default -> typed.add(cell.as(spec.name()));
            }
        }
        typed.add(errors.toColumn().as(RowErrors.ERRORS));
        return lines.select(typed.toArray(Column[]::new));
    }

    /** The good rows' typed columns. */
    public static Dataset<Row> rows(Dataset<Row> checked, List<ColumnSpec> columns) {
        List<Column> out = new ArrayList<>();
        for (ColumnSpec column : columns) {
            out.add(col(column.name()));
        }
        out.add(col(CsvLines.LINE));
        return checked.filter(size(col(RowErrors.ERRORS)).equalTo(0)).select(out.toArray(Column[]::new));
    }

    private static Column cast(Column cell, DataType type) {
        return cell.try_cast(type);
    }
}
