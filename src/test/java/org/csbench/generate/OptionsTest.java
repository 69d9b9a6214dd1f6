package org.csbench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.csbench.cli.GenerateCommand;
import org.csbench.model.CsbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Option checks, output path safety and the command line. */
class OptionsTest {

    @Test
    void refusesOutOfRangeOptionsNamingTheOption(@TempDir Path dir) {
        assertEquals("--las must be between 1 and 1000, got 0", message(() -> GeneratorOptions.of(0, 1, 1, dir)));
        assertEquals("--years must be between 1 and 30, got 31", message(() -> GeneratorOptions.of(1, 31, 1, dir)));
        assertEquals("--indicators must be between 1 and 999, got 1000",
                message(() -> GeneratorOptions.of(5, 1, 1, dir).withIndicators(1000)));
        assertEquals("--wide-las must be between 0 and --las (5), got 6",
                message(() -> GeneratorOptions.of(5, 1, 1, dir).withWideLas(6)));
        assertEquals("--blank-fraction must be between 0 and 0.5, got -0.1",
                message(() -> GeneratorOptions.of(5, 1, 1, dir).withBlankFraction(-0.1)));
        assertEquals("--end-month must be YYYY-MM, e.g. 2025-03, got '2025-13'",
                message(() -> GeneratorOptions.parseEndMonth("2025-13")));
        assertEquals(YearMonth.of(2025, 9), GeneratorOptions.parseEndMonth("2025-09"));
    }

    @Test
    void refusesAnOutputFolderThatStepsOutWithDotDot(@TempDir Path dir) {
        String relative = message(() -> GeneratorOptions.of(1, 1, 1, Path.of("../x")));
        assertTrue(relative.startsWith("--out '../x' steps out of its folder with '..'"), relative);
        String nested = message(() -> GeneratorOptions.of(1, 1, 1, dir.resolve("a/../../b")));
        assertTrue(nested.contains("steps out of its folder"), nested);
        assertTrue(message(() -> GeneratorOptions.of(1, 1, 1, Path.of(""))).startsWith("--out is missing"));
    }

    @Test
    void refusesFileNamesThatWouldLandOutsideTheFolder(@TempDir Path dir) throws IOException {
        OutputDir out = OutputDir.create(dir.resolve("gen"));
        assertEquals(out.root().resolve("scorecard_352.tsv"), out.file("scorecard_352.tsv"));
        for (String name : new String[] {"../evil.tsv", "sub/file.tsv", "..", ".", "/etc/passwd"}) {
            String message = message(() -> out.file(name));
            assertTrue(message.contains("would be written outside") || message.contains("not a regular file"),
                    name + ": " + message);
        }
        Files.writeString(dir.resolve("plain"), "x");
        assertTrue(message(() -> OutputDir.create(dir.resolve("plain"))).contains("is a file, not a folder"));
    }

    @Test
    void commandChecksOptionsAndPrintsAOneLineSummary(@TempDir Path dir) {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setOut(new PrintWriter(text));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            cli.getErr().println("csbench: " + e.getMessage());
            throw e;
        });
        Path out = dir.resolve("cli");
        int code = cli.execute("--las", "3", "--years", "1", "--seed", "9", "--out", out.toString(),
                "--indicators", "16", "--end-month", "2024-03");
        assertEquals(0, code);
        String summary = text.toString();
        assertTrue(summary.startsWith("generate: wrote 4 files (") && summary.contains("576 long for 3 LAs x 16 "
                + "indicators x 12 months, 2 wide scorecards)") && summary.trim().endsWith(" s"), summary);
        assertTrue(Files.exists(out.resolve("scorecard_202.tsv")));

        GenerateCommand command = new GenerateCommand();
        new CommandLine(command).parseArgs("--las", "0", "--years", "1", "--seed", "1", "--out", out.toString());
        assertEquals("--las must be between 1 and 1000, got 0", message(command::call));
        GenerateCommand escape = new GenerateCommand();
        new CommandLine(escape).parseArgs("--las", "1", "--years", "1", "--seed", "1", "--out", "../x");
        assertTrue(message(escape::call).startsWith("--out '../x' steps out"));
        GenerateCommand month = new GenerateCommand();
        new CommandLine(month).parseArgs("--las", "1", "--years", "1", "--seed", "1", "--out", out.toString(),
                "--end-month", "March");
        assertEquals("--end-month must be YYYY-MM, e.g. 2025-03, got 'March'", message(month::call));
    }

    private static String message(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(CsbenchException.class, action).getMessage();
    }
}
