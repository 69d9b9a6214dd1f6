package org.csbench.publish.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.contract.ColumnDef;
import org.csbench.model.Errors;
import org.csbench.publish.AnalystView;
import org.csbench.publish.disclosure.DisclosureLevel;

/**
 * An XLSX workbook written with POI's streaming SXSSF (a window of rows in memory, the rest flushed to a temporary
 * file): real numeric cells, the indicator's decimal places as the number format, a bold frozen header, text
 * neutralised ({@link CellText}). An internal workbook says so in the first row of every sheet.
 */
public final class XlsxBook implements Closeable {
    /** Rows an XLSX sheet holds, less the header and notice rows. */
    public static final int MAX_ROWS = 1_048_576 - 2;
    private static final int WINDOW = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final DisclosureLevel level;
    private final CellStyle header;
    private final CellStyle notice;
    private final CellStyle whole;
    private final Map<Integer, CellStyle> decimals = new HashMap<>();

    public XlsxBook(DisclosureLevel level) {
        this.level = level;
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        notice = workbook.createCellStyle();
        Font red = workbook.createFont();
        red.setBold(true);
        red.setColor(org.apache.poi.ss.usermodel.IndexedColors.DARK_RED.getIndex());
        notice.setFont(red);
        whole = numberStyle("0");
    }

    private CellStyle numberStyle(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private CellStyle decimals(int places) {
        return decimals.computeIfAbsent(places, p -> numberStyle(p <= 0 ? "0" : "0." + "0".repeat(p)));
    }

    /** A sheet under a safe name, with the notice (internal) and a frozen header row; returns the next row index. */
    public SheetWriter sheet(String name, List<String> headings) {
        SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(CellText.neutralise(name)
                .replace("'", "")));
        int next = 0;
        if (level == DisclosureLevel.INTERNAL) {
            Cell cell = sheet.createRow(next++).createCell(0);
            cell.setCellValue(level.notice());
            cell.setCellStyle(notice);
        }
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(next++);
        for (int i = 0; i < headings.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(CellText.neutralise(headings.get(i)));
            cell.setCellStyle(header);
        }
        sheet.createFreezePane(0, next);
        return new SheetWriter(sheet, next);
    }

    /** Writes rows into one sheet. */
    public final class SheetWriter {
        private final Sheet sheet;
        private int next;

        private SheetWriter(Sheet sheet, int next) {
            this.sheet = sheet;
            this.next = next;
        }

        /** A row of text (notes, column descriptions). */
        public void text(List<String> cells) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                row.createCell(i).setCellValue(CellText.neutralise(cells.get(i)));
            }
        }

        /** Every row of {@code rows} (streamed); returns how many. */
        public long rows(List<ColumnDef> columns, Iterator<Row> rows) {
            long written = 0;
            while (rows.hasNext()) {
                if (next > MAX_ROWS) {
                    throw Errors.invalidArgument("More rows than an XLSX sheet holds (" + MAX_ROWS + "): narrow the "
                            + "export with --la, --indicator or --from/--to, or use --format csv or parquet");
                }
                row(columns, rows.next());
                written++;
            }
            return written;
        }

        /** One analyst-view row. */
        public void row(List<ColumnDef> columns, Row source) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(next++);
            Integer places = source.isNullAt(source.fieldIndex(AnalystView.DECIMALS)) ? null
                    : source.getInt(source.fieldIndex(AnalystView.DECIMALS));
            for (int i = 0; i < columns.size(); i++) {
                ColumnDef column = columns.get(i);
                Object value = ExportColumns.cell(source, column);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof BigDecimal number) {
                    cell.setCellValue(number.doubleValue());
                    if (ExportColumns.IN_INDICATOR_UNIT.contains(column.name()) && places != null) {
                        cell.setCellStyle(decimals(places));
                    } else if (column.type().equals(DataTypes.IntegerType) || column.type().equals(DataTypes.LongType)) {
                        cell.setCellStyle(whole);
                    }
                } else {
                    cell.setCellValue((String) value);
                }
            }
        }
    }

    public void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
