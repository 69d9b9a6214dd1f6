package org.csbench.generate;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.csbench.model.Errors;

/**
 * A small CSV file read whole: a header and rows of text fields. Reads RFC 4180 quoting (quoted fields,
 * doubled quotes, separators and line breaks inside quotes), CRLF or LF line ends and a UTF-8 byte-order
 * mark. The calibration files are a few hundred kilobytes, so reading them whole is simpler than streaming.
 */
final class CsvTable {
    private static final char BOM = '\uFEFF';

    private final String file;
    private final List<String> header;
    private final List<List<String>> rows;

    private CsvTable(String file, List<String> header, List<List<String>> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = rows;
    }

    /** Reads {@code path}; a missing, non-UTF-8, empty or badly quoted file is a user-facing error. */
    static CsvTable read(Path path) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw Errors.invalidArgument(String.format(
                    "%s: calibration file not found; pass --data-dir with the DfE files (default data-samples/dfe)",
                    path));
        } catch (CharacterCodingException e) {
            throw Errors.unreadableFile(path.toString(), "not valid UTF-8; save it as UTF-8 CSV");
        } catch (IOException e) {
            throw Errors.unreadableFile(path.toString(), e.getMessage());
        }
        return parse(path.toString(), text);
    }

    /** Parses CSV {@code text}; {@code file} names it in error messages. */
    static CsvTable parse(String file, String text) {
        List<List<String>> records = records(file, text.isEmpty() || text.charAt(0) != BOM ? text : text.substring(1));
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw Errors.emptyFile(file);
        }
        List<String> header = new ArrayList<>();
        for (String name : records.get(0)) {
            header.add(name.trim());
        }
        return new CsvTable(file, header, records.subList(1, records.size()));
    }

    String file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    List<List<String>> rows() {
        return rows;
    }

    /** The index of the first of {@code names} found in the header (names tried in order). */
    Optional<Integer> findColumn(String... names) {
        for (String name : names) {
            int index = header.indexOf(name);
            if (index >= 0) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    /** The index of the first of {@code names} found in the header; a user-facing error if none is. */
    int column(String... names) {
        return findColumn(names).orElseThrow(() -> Errors.missingColumns(file, List.of(names), header));
    }

    /** The field at {@code index} of {@code row}, trimmed; empty where the row is short. */
    static String field(List<String> row, int index) {
        return index < row.size() ? row.get(index).trim() : "";
    }

    private static List<List<String>> records(String file, String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean lineHasContent = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                quoteLine = line;
                lineHasContent = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                lineHasContent = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (lineHasContent || field.length() > 0) {
                    fields.add(field.toString());
                    records.add(List.copyOf(fields));
                }
                fields.clear();
                field.setLength(0);
                lineHasContent = false;
                line++;
            } else {
                field.append(c);
                lineHasContent = true;
            }
            i++;
        }
        if (quoted) {
            throw Errors.unreadableFile(file, String.format(
                    "line %d: a quoted field is never closed; check for a stray '\"'", quoteLine));
        }
        if (lineHasContent || field.length() > 0) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
        }
        return records;
    }
}
