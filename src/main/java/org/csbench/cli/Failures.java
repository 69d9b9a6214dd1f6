package org.csbench.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Set;

import org.apache.spark.SparkThrowable;

import org.csbench.model.CsbenchException;

/**
 * How a command's failure ends: a user's mistake (a {@link CsbenchException}, or a Spark or Delta error caused by
 * the input or the warehouse folder) exits with {@link Csbench#USER_ERROR}; anything else is an internal failure
 * and exits with {@link #INTERNAL_ERROR}. Either prints one line; the stack trace goes to a log file (named in that
 * line) and, with {@code --verbose}, to stderr.
 */
final class Failures {
    /** Exit code of an internal failure (a bug, or the machine: out of memory, a lost executor). */
    static final int INTERNAL_ERROR = 1;

    /** Spark and Delta error conditions that a user's input or warehouse folder causes (prefixes). */
    private static final List<String> USER_CONDITIONS = List.of("PATH_NOT_FOUND", "FAILED_READ_FILE",
            "DELTA_FAILED_TO_MERGE_FIELDS", "DELTA_MERGE_INCOMPATIBLE", "DELTA_MULTIPLE_SOURCE_ROW_MATCHING",
            "DELTA_MISSING_DELTA_TABLE", "DELTA_TABLE_NOT_FOUND", "DELTA_PATH_DOES_NOT_EXIST", "DELTA_CONCURRENT",
            "DELTA_SCHEMA_CHANGED", "MALFORMED_RECORD_IN_PARSING", "INSUFFICIENT_PERMISSIONS");
    private static final Set<Class<? extends Throwable>> USER_CAUSES = Set.of(FileNotFoundException.class,
            NoSuchFileException.class, AccessDeniedException.class, NotDirectoryException.class,
            CharacterCodingException.class, ConcurrentModificationException.class);
    private static final DateTimeFormatter LOG_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Failures() {
    }

    /**
     * Ends a command that threw {@code failure}: prints one line (and the stack trace with {@code verbose}), writes
     * the stack trace to a log file, and returns the exit code.
     */
    static int report(Throwable failure, PrintWriter err, String warehouse, boolean verbose, String[] args) {
        CsbenchException userFacing = find(failure, CsbenchException.class);
        boolean user = isUserError(failure);
        String what;
        if (userFacing != null) {
            what = (user ? "" : "internal error: ") + userFacing.getMessage();
        } else if (user) {
            what = firstLine(root(failure));
        } else {
            what = "internal error: " + describe(root(failure));
        }
        if (failure instanceof OutOfMemoryError) {
            what = "out of memory; give the JVM more heap (CSBENCH_HEAP=6g csbench ...)";
        }
        // A plain user mistake needs no log; an internal failure, or a user's one found by Spark or Delta, keeps its
        // stack trace.
        String logged = userFacing != null && userFacing.getCause() == null ? null : log(failure, warehouse, args);
        err.println("csbench: " + what + (logged == null ? "" : " (stack trace in " + logged + ")"));
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        return user ? Csbench.USER_ERROR : INTERNAL_ERROR;
    }

    /**
     * True when {@code failure} is the user's to fix: a user-facing error whose cause (if any) is not internal, or a
     * Spark, Delta or file-system error caused by the input or the warehouse folder.
     */
    static boolean isUserError(Throwable failure) {
        CsbenchException userFacing = find(failure, CsbenchException.class);
        if (userFacing != null && (userFacing.getCause() == null || userFacing.getCause() instanceof CsbenchException)) {
            return true;
        }
        // No user-facing error, or one that wraps another failure (a write that failed): the wrapped failure decides.
        for (Throwable t = userFacing != null ? userFacing.getCause() : failure; t != null; t = t.getCause()) {
            if (t instanceof CsbenchException) {
                return true;
            }
            for (Class<? extends Throwable> type : USER_CAUSES) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            if (t instanceof SparkThrowable spark && spark.getCondition() != null
                    && USER_CONDITIONS.stream().anyMatch(spark.getCondition()::startsWith)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Writes the failure, the command and the stack trace to {@code <warehouse>/_csbench/logs/<time>-<pid>.log}
     * when the warehouse is a local folder that exists, else to {@code <tmpdir>/csbench/logs/}; returns the file,
     * or null when neither could be written.
     */
    static String log(Throwable failure, String warehouse, String[] args) {
        String name = LOG_NAME.format(Instant.now()) + "-" + ProcessHandle.current().pid() + ".log";
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            out.println("csbench " + String.join(" ", args));
            try {
                out.println("csbench " + Versions.csbench() + ", Spark " + Versions.spark() + ", Delta Lake "
                        + Versions.delta());
            } catch (RuntimeException e) {
                out.println("versions unknown: " + e);
            }
            out.println("at " + Instant.now());
            failure.printStackTrace(out);
        }
        for (Path folder : logFolders(warehouse)) {
            try {
                Files.createDirectories(folder);
                Path file = folder.resolve(name);
                Files.writeString(file, text.toString());
                return file.toString();
            } catch (IOException | UncheckedIOException | SecurityException e) {
                // try the next folder
            }
        }
        return null;
    }

    private static List<Path> logFolders(String warehouse) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"), "csbench", "logs");
        if (warehouse == null || warehouse.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !warehouse.startsWith("file:")) {
            return List.of(temp);
        }
        try {
            Path root = Path.of(warehouse.startsWith("file:") ? java.net.URI.create(warehouse).getPath() : warehouse);
            return Files.isDirectory(root) ? List.of(root.resolve("_csbench").resolve("logs"), temp) : List.of(temp);
        } catch (RuntimeException e) {
            return List.of(temp);
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    /** An internal failure in a few words: the exception's type, the first line of its message, and where. */
    private static String describe(Throwable t) {
        String message = firstLine(t);
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        StackTraceElement[] stack = t.getStackTrace();
        String where = stack.length == 0 ? "" : " at " + stack[0].getFileName() + ":" + stack[0].getLineNumber();
        return t.getClass().getSimpleName() + ": " + message + where;
    }
}
