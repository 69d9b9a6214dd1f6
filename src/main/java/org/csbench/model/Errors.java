package org.csbench.model;

import java.util.Collection;

/** The one factory of user-facing errors. Each message names the thing, the place, and the fix. */
public final class Errors {
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

    public static CsbenchException missingColumns(String file, Collection<String> missing, Collection<String> found) {
        return new CsbenchException(String.format(
                "%s: line 1 (header): expected column(s) %s, not found among %s; fix the file or the source entry's column names",
                file, String.join(", ", missing), found));
    }

    /** A header column that a source entry's {@code measures_from} matched but cannot use as it stands. */
    public static CsbenchException unusableColumn(String file, String column, String why) {
        return new CsbenchException(String.format("%s: line 1 (header): column '%s' %s", file, column, why));
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

    private static String abbreviate(String sha) {
        return sha == null || sha.length() < 12 ? String.valueOf(sha) : sha.substring(0, 12);
    }
}
