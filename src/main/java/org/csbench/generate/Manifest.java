package org.csbench.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@value #FILE}: the options and seed, the months, the calibration files (name, SHA-256, latest
 * time period, columns) and how many levels each source gave, the files written with their row counts, and
 * how comparators and RAG were made. It holds no time or absolute path, so a rerun writes the same bytes.
 */
final class Manifest {
    static final String FILE = "generate_manifest.json";
    static final int FORMAT_VERSION = 1;

    private Manifest() {
    }

    static void write(Path file, GeneratorOptions options, Calibration calibration, List<Authority> las,
            GenerateResult result) throws IOException {
        Map<LevelSource, Integer> levelSources = new EnumMap<>(LevelSource.class);
        for (LevelSource source : LevelSource.values()) {
            levelSources.put(source, 0);
        }
        for (Authority la : las) {
            la.levels().values().forEach(l -> levelSources.merge(l.source(), 1, Integer::sum));
        }
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"generator\": \"csbench generate\",\n");
        json.append("  \"format_version\": ").append(FORMAT_VERSION).append(",\n");
        json.append("  \"options\": {\n");
        json.append("    \"las\": ").append(options.las()).append(",\n");
        json.append("    \"years\": ").append(options.years()).append(",\n");
        json.append("    \"seed\": ").append(options.seed()).append(",\n");
        json.append("    \"end_month\": ").append(string(MonthWindow.isoLabel(result.window().last())))
                .append(",\n");
        json.append("    \"end_month_given\": ").append(options.endMonth().isPresent()).append(",\n");
        json.append("    \"indicators\": ").append(options.indicators()).append(",\n");
        json.append("    \"wide_las\": ").append(options.wideLas()).append(",\n");
        json.append("    \"blank_fraction\": ").append(options.blankFraction()).append(",\n");
        json.append("    \"data_dir\": ").append(string(options.dataDir().toString())).append("\n");
        json.append("  },\n");
        json.append("  \"months\": {\"first\": ").append(string(MonthWindow.isoLabel(result.window().first())))
                .append(", \"last\": ").append(string(MonthWindow.isoLabel(result.window().last())))
                .append(", \"count\": ").append(result.window().count()).append("},\n");
        json.append("  \"authorities\": {\"real\": ").append(result.authorities() - result.syntheticAuthorities())
                .append(", \"synthetic\": ").append(result.syntheticAuthorities()).append("},\n");
        json.append("  \"calibration\": {\n");
        json.append("    \"source\": ").append(string("DfE children's social care statistics (Explore Education "
                + "Statistics), latest release in data_dir; Open Government Licence v3.0")).append(",\n");
        json.append("    \"reporting_year\": ").append(calibration.reportingYear()).append(",\n");
        json.append("    \"population_mid_year\": ").append(calibration.populationMidYear()).append(",\n");
        json.append("    \"levels\": {");
        int i = 0;
        for (Map.Entry<LevelSource, Integer> entry : levelSources.entrySet()) {
            json.append(i++ > 0 ? ", " : "").append(string(entry.getKey().name().toLowerCase(Locale.ROOT)))
                    .append(": ").append(entry.getValue());
        }
        json.append("},\n");
        json.append("    \"files\": [\n");
        List<CalibrationSource> sources = calibration.sources();
        for (int s = 0; s < sources.size(); s++) {
            CalibrationSource source = sources.get(s);
            json.append("      {\"file\": ").append(string(source.file()))
                    .append(", \"sha256\": ").append(string(source.sha256()))
                    .append(", \"time_period\": ").append(source.timePeriod())
                    .append(", \"columns\": [");
            for (int c = 0; c < source.columns().size(); c++) {
                json.append(c > 0 ? ", " : "").append(string(source.columns().get(c)));
            }
            json.append("]}").append(s < sources.size() - 1 ? ",\n" : "\n");
        }
        json.append("    ]\n");
        json.append("  },\n");
        json.append("  \"files\": [\n");
        List<WrittenFile> files = result.files();
        for (int f = 0; f < files.size(); f++) {
            WrittenFile written = files.get(f);
            json.append("    {\"name\": ").append(string(written.name())).append(", \"rows\": ").append(written.rows());
            if (written.name().equals(LongCsvWriter.FILE)) {
                json.append(", \"blank_cells\": ").append(result.blankCells())
                        .append(", \"not_yet_available_cells\": ").append(result.notYetAvailableCells());
            }
            json.append("}").append(f < files.size() - 1 ? ",\n" : "\n");
        }
        json.append("  ],\n");
        json.append("  \"comparators\": ").append(string("Regional, statistical neighbour (DfE 2025 model) and "
                + "England averages are simple means of the generated LAs' end-month values; LAs not generated "
                + "and blank cells are skipped")).append(",\n");
        json.append("  \"performance\": ").append(string("G meets the target, A misses it by at most 2% of the "
                + "target's value, R otherwise; blank without a target")).append("\n");
        json.append("}\n");
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    /** A JSON string literal. */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
