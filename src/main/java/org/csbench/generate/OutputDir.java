package org.csbench.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.csbench.model.Errors;

/**
 * The output folder, and the only way to name a file in it: every file name is resolved, normalised and
 * checked to stay directly inside the folder, so an LA code or a ref can never write elsewhere.
 */
public final class OutputDir {
    private final Path root;

    private OutputDir(Path root) {
        this.root = root;
    }

    /** Refuses an {@code --out} with a {@code ..} step; returns it unchanged otherwise. */
    static Path checkedFolder(Path out) {
        if (out == null || out.toString().isBlank()) {
            throw Errors.invalidArgument("--out is missing; give the folder to write the generated files to");
        }
        for (Path part : out) {
            if (part.toString().equals("..")) {
                throw Errors.invalidArgument(String.format(
                        "--out '%s' steps out of its folder with '..'; give the output folder without '..' "
                                + "(an absolute path is fine)", out));
            }
        }
        return out;
    }

    /** Creates the folder {@code out} if missing (a file of that name is an error). */
    public static OutputDir create(Path out) {
        Path root = checkedFolder(out).toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw Errors.invalidArgument(String.format(
                    "--out '%s' is a file, not a folder; give a folder to write the generated files to", out));
        }
        try {
            Files.createDirectories(root);
            return new OutputDir(root.toRealPath());
        } catch (IOException e) {
            throw Errors.invalidArgument(String.format("--out '%s': cannot create the folder: %s", out, e));
        }
    }

    public Path root() {
        return root;
    }

    /** The path of file {@code name} directly inside the folder; refuses a name that would land elsewhere. */
    public Path file(String name) {
        Path file = root.resolve(name).normalize();
        if (name.isBlank() || name.contains("/") || name.contains("\\") || !root.equals(file.getParent())) {
            throw Errors.invalidArgument(String.format(
                    "Output file name '%s' would be written outside %s; refusing it", name, root));
        }
        if (Files.isSymbolicLink(file) || (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(
                file, LinkOption.NOFOLLOW_LINKS))) {
            throw Errors.invalidArgument(String.format(
                    "%s exists and is not a regular file (a link or a folder); remove it or choose another --out",
                    file));
        }
        return file;
    }
}
