package org.csbench.config;

import java.util.List;

/**
 * A pipeline: what to load and from where.
 *
 * @param name        the pipeline's name
 * @param description what it is for
 * @param specFile    the YAML file it was read from
 * @param dataDir     the folder that {@code file:} entries are resolved against
 * @param sources     the input files, in load order
 * @param catalogue   the indicator catalogue computed after loading, or null for a load-only pipeline
 */
public record PipelineSpec(String name, String description, String specFile, String dataDir,
        List<SourceSpec> sources, String catalogue) {
    public PipelineSpec {
        sources = List.copyOf(sources);
    }
}
