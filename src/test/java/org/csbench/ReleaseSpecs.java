package org.csbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.csbench.config.PipelineSpec;
import org.csbench.config.SpecLoader;

/** Pipeline specs over the real releases of DfE table B1 (2024 release with its rates, 2025 release), for tests. */
public final class ReleaseSpecs {
    /** The 2024 release of B1, with its published rates (data-samples/published/README.md). */
    public static final Path B1_2024 = SparkTestSession.publishedData()
            .resolve("vintages/b1_children_in_need_2013_to_2024.csv");
    /** The 2025 release of B1, as bundled. */
    public static final Path B1_2025 = Path.of("data-samples/dfe/b1_children_in_need_2013_to_2025.csv").toAbsolutePath();
    public static final Path DFE = Path.of("data-samples/dfe").toAbsolutePath();
    public static final String RELEASE_2024 = "    release: \"2024\"\n    published: 2024-11-28\n";
    public static final String RELEASE_2025 = "    release: \"2025\"\n    published: 2025-11-06\n";
    /** The ONS child population, as the annual pipeline reads it. */
    public static final String POPULATION = "  - id: population_ons\n    format: ees\n    path: "
            + DFE.resolve("ons_mid-year_population_estimates_2012_to_2024.csv")
            + "\n    period: { type: mid_year, end: \"06-30\" }\n    measures:\n"
            + "      - { column: population_estimate, indicator: population_0_17, unit: count }\n";

    /** The 2025 statistical-neighbour model (exports and reports need one). */
    public static final String NEIGHBOURS = "  - id: sn_model_2025\n    format: sn_wide\n    path: "
            + DFE.resolve("sn_model_2025_wide.csv") + "\n    model: \"2025\"\n    valid_from: 2025\n"
            + "    la_code_column: [old_la_code, LA num]\n    la_name_column: [la_name, LA Name]\n";

    private ReleaseSpecs() {
    }

    /** A B1 source entry for {@code file}, with extra keys (release, published, years, precedence...). */
    public static String b1(String id, Path file, String extra) {
        return "  - id: " + id + "\n    format: ees\n    path: " + file + "\n" + extra
                + "    rounded_to: { national: 10, regional: 10 }\n    measures:\n"
                + "      - { column: At31_episodes, indicator: cin_at_31_march, unit: count }\n"
                + "      - { column: At31_episodes_rate, indicator: cin_at_31_march_rate, unit: rate_per_10000, optional: true }\n";
    }

    /** A spec file of {@code sources} (with the catalogue when {@code catalogue}) in a new folder. */
    public static Path file(boolean catalogue, String... sources) {
        try {
            Path dir = SparkTestSession.newTempDir("release-spec");
            Path file = dir.resolve("spec.yaml");
            Files.writeString(file, "name: releases\ndata_dir: .\n"
                    + (catalogue ? "catalogue: " + Path.of("pipelines/indicators.yaml").toAbsolutePath() + "\n" : "")
                    + "sources:\n" + String.join("", sources));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec of {@code sources}, without a catalogue. */
    public static PipelineSpec spec(String... sources) {
        return SpecLoader.load(file(false, sources), null);
    }
}
