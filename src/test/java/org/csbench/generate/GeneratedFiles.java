package org.csbench.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads generated files back for tests. */
final class GeneratedFiles {
    private GeneratedFiles() {
    }

    /** The long file's rows, parsed with the same quoting rules a CSV reader applies. */
    static CsvTable longFile(Path out) throws IOException {
        return CsvTable.parse("monthly_long.csv",
                Files.readString(out.resolve(LongCsvWriter.FILE), StandardCharsets.UTF_8));
    }

    /** Values by "la|ref|month"; null where blank or Not Yet Available. */
    static Map<String, Double> values(CsvTable table) {
        Map<String, Double> values = new HashMap<>();
        for (List<String> row : table.rows()) {
            String text = row.get(6);
            Double value = text.isEmpty() || text.equals(ValueText.NOT_YET_AVAILABLE) ? null : Double.valueOf(text);
            values.put(row.get(0) + "|" + row.get(3) + "|" + row.get(5), value);
        }
        return values;
    }

    /** A wide scorecard's lines split on tabs (the header first). */
    static List<String[]> wide(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(line.split("\t", -1));
        }
        return rows;
    }
}
