package org.csbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;

import org.csbench.publish.DataDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code csbench dictionary --out DIR}: the published tables' data dictionary, as Markdown and CSV. */
@Command(name = "dictionary", mixinStandardHelpOptions = true,
        description = "Write the data dictionary of the published tables (every column's type, unit and meaning, "
                + "and every code) to DIR/data_dictionary.md and DIR/data_dictionary.csv.")
final class DictionaryCommand implements Callable<Integer> {
    static final String MARKDOWN = "data_dictionary.md";
    static final String CSV = "data_dictionary.csv";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws IOException {
        PrintWriter print = commandSpec.commandLine().getOut();
        Files.createDirectories(out);
        write(out.resolve(MARKDOWN), DataDictionary.markdown());
        // A byte-order mark so that Excel reads the file as UTF-8.
        write(out.resolve(CSV), "\uFEFF" + csv(DataDictionary.columns()));
        print.printf("Data dictionary written to %s and %s%n", out.resolve(MARKDOWN), out.resolve(CSV));
        return 0;
    }

    private static String csv(List<List<String>> rows) {
        StringWriter text = new StringWriter();
        try {
            new CsvMapper().writer().writeValues(text).writeAll(rows).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes {@code text} to a temporary file beside {@code file}, then moves it over {@code file} in one step. */
    private static void write(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
