package org.csbench.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.RequiredTools;
import org.csbench.SparkTestSession;
import org.csbench.publish.export.ExportTestSupport;

/**
 * Every notebook in notebooks/ runs top to bottom on csbench's CSV export of the sample warehouse, with Debian's
 * /usr/bin/python3 and nbclient; a cell that fails fails the test. Without python3, nbclient, pandas or matplotlib
 * the test is skipped, unless CSBENCH_REQUIRE_TOOLS is set (CI sets it, and installs them).
 */
class NotebooksTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String RUN = String.join("\n",
            "import sys, nbformat, nbclient",
            "nb = nbformat.read(sys.argv[1], as_version=4)",
            "nbclient.NotebookClient(nb, timeout=600, kernel_name='python3',",
            "    resources={'metadata': {'path': sys.argv[2]}}).execute()",
            "print('cells run:', sum(1 for c in nb.cells if c.cell_type == 'code'))");
    private static Path exportDir;

    @BeforeAll
    static void exportTheSample() throws Exception {
        boolean present = Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c",
                "import nbclient, nbformat, ipykernel, pandas, matplotlib"), null).exit() == 0;
        RequiredTools.requireOrSkip(present, PYTHON + " with nbclient, ipykernel, pandas and matplotlib",
                "apt-get install python3-nbclient python3-ipykernel python3-pandas python3-matplotlib");
        exportDir = SparkTestSession.newTempDir("notebook-export");
        ExportTestSupport.exportSample(exportDir, "--format", "csv");
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path export) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (export != null) {
            builder.environment().put("CSBENCH_EXPORT_DIR", export.toString());
            builder.environment().put("MPLBACKEND", "Agg");
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }

    private static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @Test
    void everyNotebookRunsOnTheSampleExport() throws Exception {
        List<Path> notebooks = notebooks();
        assertTrue(notebooks.size() >= 2, "notebooks: " + notebooks);
        for (Path notebook : notebooks) {
            Result result = run(List.of(PYTHON, "-c", RUN, notebook.toAbsolutePath().toString(),
                    notebook.toAbsolutePath().getParent().toString()), exportDir);
            assertEquals(0, result.exit(), notebook + " failed:\n" + result.output());
            assertTrue(result.output().contains("cells run:"), result.output());
        }
    }

    @Test
    void notebooksAreCommittedWithoutOutputs() throws Exception {
        for (Path notebook : notebooks()) {
            String text = Files.readString(notebook);
            assertTrue(!text.contains("\"output_type\""), notebook + " holds outputs: clear them before committing");
        }
    }
}
