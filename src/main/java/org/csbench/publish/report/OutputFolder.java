package org.csbench.publish.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

import org.csbench.model.Errors;

/**
 * The folder {@code --out} names, written only inside: file names are made here from codes (letters, digits and
 * hyphens only, never from names), and each file is written whole (a temporary file beside it, then moved over it).
 */
public final class OutputFolder {
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9-]*\\.html");
    private final Path root;

    public OutputFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw Errors.invalidArgument("--out " + root + ": cannot create the folder (" + e.getMessage() + ")");
        }
    }

    public Path root() {
        return root;
    }

    /** The file name of an authority's report: {@code authority-352.html}; other characters of a code become -. */
    public static String authorityFile(String code) {
        String safe = code.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "-");
        return "authority-" + safe + ".html";
    }

    /** Writes {@code text} to {@code name} in the folder; {@code name} must be a plain file name ending .html. */
    public Path write(String name, String text) {
        if (!SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe report file name: " + name);
        }
        Path file = root.resolve(name).normalize();
        if (!file.getParent().equals(root)) {
            throw new IllegalArgumentException("Not inside " + root + ": " + name);
        }
        try {
            Path temporary = Files.createTempFile(root, "." + name, ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }
}
