package org.csbench.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.csbench.model.Errors;

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
            throw Errors.badSpec(name, "YAML", e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw Errors.unreadableFile(name, e.getMessage());
        }
    }
}
