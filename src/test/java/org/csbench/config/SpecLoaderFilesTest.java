package org.csbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a spec's files are found: several data folders, and a spec copied away from its 'path:' files. */
class SpecLoaderFilesTest {
    private static final String SPEC = """
            name: t
            data_dir: data
            sources:
              - { id: only_in_b, format: table, file: x.csv, target: reference.x, columns: [{ name: c, type: int }] }
              - { id: in_both, format: table, file: y.csv, target: reference.y, columns: [{ name: c, type: int }] }
              - { id: beside, format: table, path: reference/codes.csv, target: reference.codes,
                  columns: [{ name: c, type: int }] }
              - { id: nowhere, format: table, file: z.csv, target: reference.z, columns: [{ name: c, type: int }] }
            """;

    @TempDir
    Path dir;

    @Test
    void fileEntriesAreLookedForInEachDataFolderInTurnAndTheFirstHoldingThemWins() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        touch(b.resolve("x.csv"));
        touch(a.resolve("y.csv"));
        touch(b.resolve("y.csv"));
        Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
        PipelineSpec pipeline = SpecLoader.loadWithDataDirs(spec, List.of(a, b));

        assertEquals(b.resolve("x.csv").toString(), source(pipeline, "only_in_b").path());
        assertEquals(a.resolve("y.csv").toString(), source(pipeline, "in_both").path());
        assertEquals(List.of(a.toString(), b.toString()), pipeline.dataDirs());
        // Found nowhere: it resolves to the first place, and every place looked is kept for the error.
        assertEquals(a.resolve("z.csv").toString(), source(pipeline, "nowhere").path());
        assertEquals(List.of(a.resolve("z.csv").toString(), b.resolve("z.csv").toString()),
                pipeline.placesOf(source(pipeline, "nowhere")));
    }

    @Test
    void aPathEntryOfASpecCopiedElsewhereIsLookedForInTheDataFolders() throws IOException {
        Path data = Files.createDirectories(dir.resolve("mine"));
        touch(data.resolve("codes.csv"));
        Path copied = Files.createDirectories(dir.resolve("copied"));
        Path spec = Files.writeString(copied.resolve("spec.yaml"), SPEC);
        PipelineSpec pipeline = SpecLoader.loadWithDataDirs(spec, List.of(data));

        SourceSpec beside = source(pipeline, "beside");
        assertEquals(data.resolve("codes.csv").toString(), beside.path());
        assertEquals(List.of(copied.resolve("reference/codes.csv").toString(),
                data.resolve("reference/codes.csv").toString(), data.resolve("codes.csv").toString()),
                pipeline.placesOf(beside));

        // Beside the spec wins over the data folders.
        touch(Files.createDirectories(copied.resolve("reference")).resolve("codes.csv"));
        assertEquals(copied.resolve("reference/codes.csv").toString(),
                source(SpecLoader.loadWithDataDirs(spec, List.of(data)), "beside").path());
        // Without --data-dir, the spec's data_dir (relative to the spec) is the one data folder.
        assertEquals(List.of(copied.resolve("data").toString()), SpecLoader.load(spec, null).dataDirs());
    }

    private static SourceSpec source(PipelineSpec pipeline, String id) {
        return pipeline.sources().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static void touch(Path file) throws IOException {
        Files.writeString(file, "c\n1\n");
    }
}
