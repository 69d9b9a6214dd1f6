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

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.csbench.model.Errors;

/**
 * A small CSV file read whole: a header and rows of text fields, parsed by Jackson's CSV module (RFC 4180
 * quoting, CRLF or LF line ends); a UTF-8 byte-order mark is dropped. The calibration files are a few hundred kilobytes, so reading them whole is simpler than streaming.
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

    /** The file's records, read by Jackson's CSV parser (RFC 4180 quoting, embedded line breaks). */
    private static List<List<String>> records(String file, String text) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            while (it.hasNext()) {
                List<String> record = it.next();
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(List.copyOf(record));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw Errors.unreadableFile(file, "not valid CSV: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return records;
    }
}
