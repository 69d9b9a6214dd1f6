package org.csbench.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.csbench.cli.Csbench;
import org.csbench.contract.ColumnDef;
import org.csbench.contract.Star;
import org.csbench.contract.TableDef;

/** The data dictionary and the README's table list come from the table contracts. */
class DataDictionaryTest {
    @Test
    void theReadmesTableListIsTheGeneratedOne() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String start = "<!-- published-tables:start -->\n";
        int from = readme.indexOf(start);
        int to = readme.indexOf("<!-- published-tables:end -->");
        assertTrue(from >= 0 && to > from, "README.md has the published-tables markers");
        assertEquals(DataDictionary.tableList(), readme.substring(from + start.length(), to),
                "README.md's table list; replace it with DataDictionary.tableList()");
    }

    @Test
    void everyPublishedColumnIsInTheDictionary() {
        String markdown = DataDictionary.markdown();
        List<List<String>> columns = DataDictionary.columns();
        int count = 0;
        for (TableDef table : Star.tables()) {
            assertTrue(markdown.contains("## `" + table.name() + "`"), table.name());
            for (ColumnDef column : table.columns()) {
                count++;
                assertTrue(markdown.contains("| `" + column.name() + "` | " + column.type().simpleString() + " | "),
                        table.name() + "." + column.name());
                assertTrue(columns.contains(List.of(table.name(), column.name(), column.type().simpleString(),
                        column.unit() == null ? "" : column.unit(), column.description())), column.name());
            }
        }
        assertEquals(count + 1, columns.size());
        assertTrue(markdown.contains("| 2 | `suppressed` |"), "code sets are listed with their codes");
    }

    @Test
    void theDictionaryCommandWritesMarkdownAndCsv(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        int code = Csbench.execute(new String[] {"dictionary", "--out", dir.resolve("dict").toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, out.toString());
        assertEquals(DataDictionary.markdown(), Files.readString(dir.resolve("dict/data_dictionary.md")));
        String csv = Files.readString(dir.resolve("dict/data_dictionary.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFtable,column,type,unit,meaning\n"), csv.substring(0, 60));
        List<List<String>> rows = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).<List<String>>readValues(csv.substring(1)).readAll();
        assertEquals(DataDictionary.columns(), rows);
        try (var files = Files.list(dir.resolve("dict"))) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }
}
