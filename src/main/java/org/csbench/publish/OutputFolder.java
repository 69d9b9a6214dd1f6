package org.csbench.publish;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.csbench.model.Errors;

/**
 * The folder an export writes into ({@code --out DIR}), and nothing outside it: file names are made from names and
 * codes by {@link #safeName} and checked to resolve directly inside the folder; every file is written to a
 * temporary file in the folder, then moved over its name in one step, so a reader never sees half a file.
 */
public final class OutputFolder {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9.-]+");
    private static final int MAX_NAME = 80;

    private final Path root;

    private OutputFolder(Path root) {
        this.root = root;
    }

    /** Creates the folder if needed. */
    public static OutputFolder open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new OutputFolder(dir.toRealPath());
        } catch (IOException e) {
            throw Errors.invalidArgument("--out " + dir + ": cannot create or open the folder (" + e.getMessage() + ")");
        }
    }

    public Path root() {
        return root;
    }

    /**
     * A name or code as a piece of a file name: letters, digits, dots and hyphens kept, every other run of
     * characters (slashes, backslashes, spaces, control characters) one underscore, no leading dots or underscores
     * (so {@code ../../evil} becomes {@code evil}), at most 80 characters; {@code unnamed} when nothing is left.
     */
    public static String safeName(String text) {
        String safe = UNSAFE.matcher(text == null ? "" : text).replaceAll("_").replaceAll("\\.{2,}", ".")
                .replaceAll("^[._-]+", "").replaceAll("[._-]+$", "");
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(0, MAX_NAME);
        }
        return safe.isEmpty() ? "unnamed" : safe;
    }

    /** The path of {@code fileName} in the folder; refuses a name that is not a plain file name inside it. */
    public Path file(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw Errors.invalidArgument("Refusing to write '" + fileName + "': a file name must be letters, digits, "
                    + "'.', '_' or '-' and stay inside --out " + root);
        }
        Path path = root.resolve(fileName).normalize();
        if (!root.equals(path.getParent())) {
            throw Errors.invalidArgument("Refusing to write " + path + ": outside --out " + root);
        }
        return path;
    }

    /** Something that writes a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code fileName} through a temporary file in the folder, moved over it in one step. */
    public Path write(String fileName, Content content) {
        Path target = file(fileName);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(root, "." + fileName, ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                content.writeTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + target + " failed", e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Writes {@code text} as UTF-8 to {@code fileName}, whole ({@link #write(String, Content)}). */
    public Path writeText(String fileName, String text) {
        return write(fileName, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Something that fills a folder (a Spark writer). */
    @FunctionalInterface
    public interface FolderContent {
        void writeInto(Path folder);
    }

    /**
     * Writes the folder {@code name} (e.g. a Parquet dataset) into a temporary folder, then renames it into place;
     * an existing folder of that name is moved aside first and removed after.
     */
    public Path writeFolder(String name, FolderContent content) {
        Path target = file(name);
        Path staging = null;
        Path old = null;
        try {
            staging = Files.createTempDirectory(root, "." + name + ".");
            Path written = staging.resolve("data");
            content.writeInto(written);
            if (Files.exists(target)) {
                old = Files.createTempDirectory(root, "." + name + ".old.");
                Files.move(target, old.resolve("data"), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + target + " failed", e);
        } finally {
            deleteQuietly(staging);
            deleteQuietly(old);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary file left behind starts with a dot
        }
    }
}
