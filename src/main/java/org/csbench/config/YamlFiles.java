package org.csbench.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.csbench.model.CsbenchException;
import org.csbench.model.Errors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Parses the YAML files in pipelines/ (specs, the catalogue, disclosure rules, service areas). */
public final class YamlFiles {
    private YamlFiles() {
    }

    /**
     * The file's tree (null for an empty file). A missing file, a YAML mistake (with its line) or a file that cannot
     * be read is a user-facing error naming the file.
     */
    public static JsonNode read(Path path) {
        String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw Errors.missingFile(name);
        }
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
        } catch (JacksonException e) {
            throw notYaml(name, e);
        } catch (IOException e) {
            throw Errors.unreadableFile(name, e.getMessage());
        }
    }

    /**
     * A YAML mistake as the place it was found and what was wrong, without the parser's snippet of the file (which
     * would print the text of a file that may be no spec at all, e.g. a mistyped path to a system file).
     */
    static CsbenchException notYaml(String file, JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                Mark mark = marked.getProblemMark();
                return Errors.notYaml(file, mark.getLine() + 1, mark.getColumn() + 1, marked.getProblem());
            }
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return Errors.notYaml(file, e.getLocation().getLineNr(), e.getLocation().getColumnNr(), null);
        }
        return Errors.notYaml(file, 0, 0, null);
    }
}
