package org.csbench.config;

import java.util.List;
import java.util.Map;

/**
 * A pipeline: what to load and from where.
 *
 * @param name        the pipeline's name
 * @param description what it is for
 * @param specFile    the YAML file it was read from
 * @param dataDir     the folder that {@code file:} entries are resolved against
 * @param sources     the input files, in load order
 * @param catalogue   the indicator catalogue computed after loading, or null for a load-only pipeline
 * @param dataDirs    every folder {@code file:} entries are looked for in, first match wins ({@code dataDir} first)
 * @param lookedIn    per source id, every place its file was looked for, in order (for the error naming a missing file)
 */
public record PipelineSpec(String name, String description, String specFile, String dataDir,
        List<SourceSpec> sources, String catalogue, List<String> dataDirs, Map<String, List<String>> lookedIn) {
    public PipelineSpec {
        sources = List.copyOf(sources);
        dataDirs = List.copyOf(dataDirs);
        lookedIn = Map.copyOf(lookedIn);
    }

    /** A pipeline whose files are where its sources say, in one data folder. */
    public PipelineSpec(String name, String description, String specFile, String dataDir, List<SourceSpec> sources,
            String catalogue) {
        this(name, description, specFile, dataDir, sources, catalogue, List.of(dataDir), Map.of());
    }

    /** The places the file of {@code source} was looked for: those the spec's loader tried, else its path. */
    public List<String> placesOf(SourceSpec source) {
        return lookedIn.getOrDefault(source.id(), List.of(source.path()));
    }
}
