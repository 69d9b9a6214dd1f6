package org.csbench.publish.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.spark.sql.Row;

import org.csbench.contract.ColumnDef;

/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark, quoted by Jackson CSV where needed, numbers unquoted (plain
 * notation, never 1.2E7), text neutralised ({@link CellText}).
 */
public final class CsvFiles {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvFiles() {
    }

    /** Writes a header and every row of {@code rows} (streamed: one row in memory at a time); returns the rows written. */
    public static long writeRows(OutputStream out, List<ColumnDef> columns, Iterator<Row> rows) throws IOException {
        long written = 0;
        try (CsvGenerator csv = generator(out, columns.size())) {
            csv.writeStartArray();
            for (ColumnDef column : columns) {
                csv.writeString(column.name());
            }
            csv.writeEndArray();
            while (rows.hasNext()) {
                Row row = rows.next();
                csv.writeStartArray();
                for (ColumnDef column : columns) {
                    Object cell = ExportColumns.cell(row, column);
                    if (cell == null) {
                        csv.writeNull();
                    } else if (cell instanceof BigDecimal number) {
                        csv.writeNumber(number.toPlainString());
                    } else {
                        csv.writeString((String) cell);
                    }
                }
                csv.writeEndArray();
                written++;
            }
        }
        return written;
    }

    /** Writes rows of text (a columns or notes file), neutralised. */
    public static void writeText(OutputStream out, List<List<String>> lines) throws IOException {
        int width = lines.stream().mapToInt(List::size).max().orElse(1);
        try (CsvGenerator csv = generator(out, width)) {
            for (List<String> line : lines) {
                csv.writeStartArray();
                for (int i = 0; i < width; i++) {
                    csv.writeString(i < line.size() ? CellText.neutralise(line.get(i)) : "");
                }
                csv.writeEndArray();
            }
        }
    }

    private static CsvGenerator generator(OutputStream out, int columns) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        CsvSchema.Builder schema = CsvSchema.builder();
        for (int i = 0; i < columns; i++) {
            schema.addColumn("c" + i);
        }
        CsvGenerator csv = (CsvGenerator) MAPPER.getFactory().createGenerator(writer);
        csv.setSchema(schema.build().withoutHeader().withLineSeparator("\r\n"));
        return csv;
    }
}
