package org.csbench.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The one factory of user-facing errors. Each message names the thing, the place, and the fix. */
public final class Errors {
    private static final int MAX_COLUMN_NAME = 100;
    private static final int MAX_PROBLEM = 60;
    private static final Pattern COLUMN_NAME = Pattern.compile("[\\p{L}\\p{N} _\\-./()%&'#+?*\uFEFF]*");

    private Errors() {
    }

    public static CsbenchException missingFile(String file) {
        return new CsbenchException(String.format(
                "%s: file not found; check the path in the pipeline spec or --data-dir", file));
    }

    public static CsbenchException unreadableFile(String file, String why) {
        return new CsbenchException(String.format("%s: cannot be read: %s", file, why));
    }

    public static CsbenchException emptyFile(String file) {
        return new CsbenchException(String.format(
                "%s: the file is empty; expected a CSV header line followed by data rows", file));
    }

    public static CsbenchException notUtf8(String file, long line) {
        return new CsbenchException(String.format(
                "%s: line %d is not valid UTF-8; save the file as UTF-8 CSV (with or without a byte-order mark)",
                file, line));
    }

    public static CsbenchException notCsv(String file, String why) {
        return new CsbenchException(String.format("%s: line 1 is not a CSV header: %s", file, why));
    }

    /**
     * The header lacks columns. The names found are listed only when line 1 reads as a list of column names; a file
     * that is not the data file the entry describes (a mistyped path, a document, a system file) is not echoed.
     */
    public static CsbenchException missingColumns(String file, Collection<String> missing, Collection<String> found) {
        if (!looksLikeColumnNames(found)) {
            return new CsbenchException(String.format("%s: line 1 (header): expected column(s) %s, but line 1 is not "
                    + "a delimited list of column names, so this is not the data file the source entry describes; "
                    + "check its 'file:' or 'path:' and 'delimiter:'", file, String.join(", ", missing)));
        }
        return new CsbenchException(String.format(
                "%s: line 1 (header): expected column(s) %s, not found among %s; fix the file or the source entry's column names",
                file, String.join(", ", missing), found));
    }

    /**
     * Sources' files were not found: {@code placesBySource} gives, per source id, every place its file was looked for.
     * One file looked for in one place reads as {@link #missingFile}.
     */
    public static CsbenchException missingFiles(String specFile, Map<String, List<String>> placesBySource) {
        if (placesBySource.size() == 1 && placesBySource.values().iterator().next().size() == 1) {
            return missingFile(placesBySource.values().iterator().next().get(0));
        }
        List<String> entries = new ArrayList<>();
        placesBySource.forEach((source, places) -> entries.add(String.format("source '%s': %s (looked for %s)", source,
                Path.of(places.get(0)).getFileName(), String.join(", ", places))));
        return new CsbenchException(String.format("%s: %d input file(s) not found: %s; check the 'file:' and 'path:' "
                + "entries of the spec, or give the folder(s) holding them with --data-dir", specFile, entries.size(),
                String.join("; ", entries)));
    }

    /**
     * A spec (or other YAML file) that does not parse: where, and what the parser expected, never the file's text.
     * {@code problem} is the parser's short description, or null.
     */
    public static CsbenchException notYaml(String file, int line, int column, String problem) {
        String where = line <= 0 ? "" : column <= 0 ? " at line " + line : " at line " + line + ", column " + column;
        return new CsbenchException(String.format("%s: not a valid YAML pipeline spec%s%s; check that the path names "
                + "a spec (see pipelines/annual-benchmarking.yaml) and fix its YAML", file, where,
                problem == null ? "" : " (" + shortProblem(problem) + ")"));
    }

    /** A header column that a source entry's {@code measures_from} matched but cannot use as it stands. */
    public static CsbenchException unusableColumn(String file, String column, String why) {
        return new CsbenchException(String.format("%s: line 1 (header): column '%s' %s", file, column, why));
    }

    /** A column the source reads appears twice in the header: which copy is meant cannot be known. */
    public static CsbenchException duplicateColumn(String file, String name, int first, int second) {
        return new CsbenchException(String.format(
                "%s: line 1 (header): column '%s' appears twice, at columns %d and %d, and the source reads it; "
                        + "rename or remove one of them", file, name, first, second));
    }

    public static CsbenchException badSpec(String specFile, String where, String what) {
        return new CsbenchException(String.format("%s: %s: %s", specFile, where, what));
    }

    public static CsbenchException vintageClash(String sourceId, String vintage, String oldSha, String newSha) {
        return new CsbenchException(String.format(
                "source '%s': release '%s' was already loaded from a different file (sha256 %s, now %s); "
                        + "give the new file its own 'release:' label in the pipeline spec",
                sourceId, vintage, abbreviate(oldSha), abbreviate(newSha)));
    }

    public static CsbenchException sourcesOverlap(String firstSource, String secondSource, String key) {
        return new CsbenchException(String.format("sources '%s' and '%s' both publish %s with different figures, "
                + "and nothing says which wins: give one of them 'precedence:' (the higher wins) or a later "
                + "'published:' date or 'release:', or limit the years each supplies with 'years:' in the pipeline spec",
                firstSource, secondSource, key));
    }

    public static CsbenchException unknownTable(String table, Collection<String> known) {
        return new CsbenchException(String.format(
                "table '%s' not found in the warehouse; known tables: %s (run 'csbench tables')",
                table, known.isEmpty() ? "none yet, run 'csbench run' first" : String.join(", ", known)));
    }

    /** A write failed and every table was put back as the last complete run left it ({@code restoredTo}). */
    public static CsbenchException writeFailed(String table, String why, String restoredTo, Throwable cause) {
        return new CsbenchException(String.format("writing %s failed (%s); every table was restored to %s",
                table, why, restoredTo), cause);
    }

    /** A write failed and putting the tables back failed too: the next run finishes the restore. */
    public static CsbenchException writeFailedNotRestored(String table, String why, String restoreError,
            Throwable cause) {
        return new CsbenchException(String.format("writing %s failed (%s), and restoring the tables failed too (%s); "
                + "readers still see the last complete run, and the next run restores the tables before it starts",
                table, why, restoreError), cause);
    }

    /** Another run holds the warehouse. */
    public static CsbenchException warehouseBusy(String warehouse, String holder, String lockFile) {
        return new CsbenchException(String.format("the warehouse %s is in use by %s; nothing was written. Run again "
                + "when it has finished (if that run is known to be dead on another machine, delete %s)",
                warehouse, holder, lockFile));
    }

    public static CsbenchException invalidArgument(String what) {
        return new CsbenchException(what);
    }

    /** True when {@code names} read as a delimited header: several short names of letters, digits and punctuation. */
    private static boolean looksLikeColumnNames(Collection<String> names) {
        return names.size() >= 2 && names.stream().allMatch(name -> name.length() <= MAX_COLUMN_NAME
                && COLUMN_NAME.matcher(name).matches());
    }

    /**
     * A parser's problem on one short line. SnakeYAML's problems name token types and at most a character or a tag
     * of the file's text; the cap keeps anything longer out.
     */
    private static String shortProblem(String problem) {
        String line = problem.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_PROBLEM ? line : line.substring(0, MAX_PROBLEM) + "...";
    }

    private static String abbreviate(String sha) {
        return sha == null || sha.length() < 12 ? String.valueOf(sha) : sha.substring(0, 12);
    }
}
