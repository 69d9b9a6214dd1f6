package org.csbench.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Delta table's {@code _delta_log} JSON commits directly (no Spark, no Delta library) and says what in
 * them readers other than Spark cannot read: Power BI's Delta connector, DuckDB and delta-rs read a table whose
 * latest {@code protocol} action asks for reader version 1 and writer version at most 2 and names no table
 * features, whose {@code metaData} turns on neither deletion vectors nor column mapping, and none of whose
 * {@code add} actions carries a deletion vector. Every commit from version 0 is read, so a table whose early
 * commits were cleaned up after a checkpoint is reported rather than guessed at.
 */
final class DeltaLogCheck {
    static final int READER_VERSION = 1;
    static final int MAX_WRITER_VERSION = 2;
    static final String DELETION_VECTORS = "delta.enableDeletionVectors";
    static final String COLUMN_MAPPING = "delta.columnMapping.mode";

    private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeltaLogCheck() {
    }

    /** What in the log of the table in {@code table} (its folder) other readers cannot read; empty when nothing. */
    static List<String> problems(Path table) {
        List<Path> commits = commits(table.resolve("_delta_log"));
        if (commits.isEmpty() || version(commits.get(0)) != 0) {
            return List.of("no JSON commit 0 in " + table.resolve("_delta_log")
                    + " (no log, or its early commits were cleaned up); this check reads the JSON commits only");
        }
        if (version(commits.get(commits.size() - 1)) != commits.size() - 1) {
            return List.of("the JSON commits in " + table.resolve("_delta_log") + " are not numbered 0 to "
                    + (commits.size() - 1) + " without a gap");
        }
        List<String> problems = new ArrayList<>();
        JsonNode protocol = null;
        JsonNode metaData = null;
        long addsWithDeletionVector = 0;
        String firstWithDeletionVector = null;
        for (Path commit : commits) {
            for (JsonNode action : actions(commit)) {
                if (action.has("protocol")) {
                    protocol = action.get("protocol");
                }
                if (action.has("metaData")) {
                    metaData = action.get("metaData");
                }
                JsonNode add = action.get("add");
                if (add != null && add.hasNonNull("deletionVector")) {
                    if (addsWithDeletionVector++ == 0) {
                        firstWithDeletionVector = "commit " + version(commit) + ", " + add.path("path").asText();
                    }
                }
            }
        }
        problems.addAll(protocolProblems(protocol));
        problems.addAll(configurationProblems(metaData));
        if (addsWithDeletionVector > 0) {
            problems.add(addsWithDeletionVector + " add action(s) carry a deletionVector (first: "
                    + firstWithDeletionVector + ")");
        }
        return problems;
    }

    private static List<String> protocolProblems(JsonNode protocol) {
        if (protocol == null) {
            return List.of("no protocol action in the log");
        }
        List<String> problems = new ArrayList<>();
        int reader = protocol.path("minReaderVersion").asInt(-1);
        int writer = protocol.path("minWriterVersion").asInt(-1);
        if (reader != READER_VERSION) {
            problems.add("protocol minReaderVersion is " + reader + "; other readers need " + READER_VERSION);
        }
        if (writer < 1 || writer > MAX_WRITER_VERSION) {
            problems.add("protocol minWriterVersion is " + writer + "; at most " + MAX_WRITER_VERSION + " allowed");
        }
        for (String features : List.of("readerFeatures", "writerFeatures")) {
            if (protocol.has(features)) {
                problems.add("protocol names " + features + " " + protocol.get(features));
            }
        }
        return problems;
    }

    private static List<String> configurationProblems(JsonNode metaData) {
        if (metaData == null) {
            return List.of("no metaData action in the log");
        }
        JsonNode configuration = metaData.path("configuration");
        List<String> problems = new ArrayList<>();
        if (configuration.path(DELETION_VECTORS).asText("false").equalsIgnoreCase("true")) {
            problems.add("metaData configuration sets " + DELETION_VECTORS + "=true");
        }
        String mapping = configuration.path(COLUMN_MAPPING).asText("none");
        if (!mapping.equalsIgnoreCase("none")) {
            problems.add("metaData configuration sets " + COLUMN_MAPPING + "=" + mapping);
        }
        return problems;
    }

    private static List<Path> commits(Path log) {
        if (!Files.isDirectory(log)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.filter(f -> COMMIT_FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The actions of one commit, one JSON object a line. */
    private static List<JsonNode> actions(Path commit) {
        try (Stream<String> lines = Files.lines(commit)) {
            List<JsonNode> actions = new ArrayList<>();
            for (String line : (Iterable<String>) lines.filter(l -> !l.isBlank())::iterator) {
                actions.add(JSON.readTree(line));
            }
            return actions;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Delta commit " + commit + ": " + e.getMessage(), e);
        }
    }

    private static long version(Path commit) {
        String name = commit.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".json".length()));
    }
}
