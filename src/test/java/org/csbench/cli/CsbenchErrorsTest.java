package org.csbench.cli;

import static org.csbench.TestCli.csbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.TestCli.Outcome;
import org.csbench.model.Errors;

/** How the command ends when something is wrong: exit code, one line on stderr, no file text, a log of the stack. */
class CsbenchErrorsTest {
    private static final Pattern LOG_FILE = Pattern.compile("\\(stack trace in (\\S+\\.log)\\)$");

    @Test
    void aSpecPathThatIsNotASpecSaysWhatWasExpectedNotWhatTheFileHolds() throws IOException {
        Path dir = SparkTestSession.newTempDir("not-a-spec");
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:SECRET-1:/root:/bin/bash\nSECRET-2\n");
        // Given as a user mistypes it: a relative path that climbs out of the working folder.
        String climbing = Path.of("").toAbsolutePath().relativize(passwd).toString();
        assertTrue(climbing.startsWith(".."), climbing);
        Outcome notMapping = csbench("run", climbing);
        assertEquals(Csbench.USER_ERROR, notMapping.exitCode());
        assertEquals("csbench: " + climbing + ": top level: expected a mapping", notMapping.err().strip());

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "name: t\nsources: [SECRET-3\nSECRET-4: x\n");
        Outcome notYaml = csbench("run", broken.toString());
        assertEquals(Csbench.USER_ERROR, notYaml.exitCode());
        assertEquals(1, notYaml.err().strip().lines().count(), notYaml.err());
        assertTrue(notYaml.err().startsWith("csbench: " + broken + ": not a valid YAML pipeline spec at line 3, "
                + "column 9 ("), notYaml.err());
        assertFalse(notYaml.err().contains("SECRET"), notYaml.err());

        Path other = Files.writeString(dir.resolve("compose.yaml"), "services:\n  db: { password: SECRET-5 }\n");
        Outcome otherYaml = csbench("run", other.toString());
        assertEquals(Csbench.USER_ERROR, otherYaml.exitCode());
        assertEquals("csbench: " + other + ": top level: not a pipeline spec: expected a mapping with name, data_dir "
                + "and sources", otherYaml.err().strip());
    }

    @Test
    void aSourceFileThatIsNotADataFileIsNotEchoedButARealHeaderIsListed() throws IOException {
        Path dir = SparkTestSession.newTempDir("not-csv");
        Files.writeString(dir.resolve("notes.txt"), "SECRET-6 the first line of a letter\nSECRET-7\n");
        Path spec = Files.writeString(dir.resolve("spec.yaml"), """
                name: t
                sources:
                  - id: referrals
                    format: ees
                    path: notes.txt
                    measures:
                      - { column: referral_count, indicator: referrals, unit: count }
                """);
        String warehouse = dir.resolve("warehouse").toString();
        Outcome notes = csbench("--warehouse", warehouse, "run", spec.toString());
        assertEquals(Csbench.USER_ERROR, notes.exitCode(), notes.err());
        assertEquals("csbench: " + dir.resolve("notes.txt") + ": line 1 (header): expected column(s) time_period, "
                + "geographic_level, referral_count, but line 1 is not a delimited list of column "
                + "names, so this is not the data file the source entry describes; check its 'file:' or 'path:' and "
                + "'delimiter:'", notes.errorLine());
        assertFalse(notes.err().contains("SECRET"), notes.err());
        assertFalse(notes.err().contains("\tat "), notes.err());

        Files.writeString(dir.resolve("notes.txt"), "time_period,level,la_name,referral_count\n2025,National,,1\n");
        Outcome header = csbench("--warehouse", warehouse, "run", spec.toString());
        assertEquals(Csbench.USER_ERROR, header.exitCode(), header.err());
        assertTrue(header.errorLine().endsWith("expected column(s) geographic_level, not found among "
                + "[time_period, level, la_name, referral_count]; fix the file or the source entry's column names"),
                header.errorLine());
    }

    @Test
    void aTableTypeChangedInTheSpecIsTheUsersToFixThoughDeltaFindsIt() throws IOException {
        Path dir = SparkTestSession.newTempDir("type-change");
        String table = """
                name: t
                sources:
                  - id: codes
                    format: table
                    path: codes.csv
                    target: reference.code
                    columns:
                      - { name: code, type: %s, required: true }
                """;
        Files.writeString(dir.resolve("codes.csv"), "code\n352\n353\n");
        Path spec = Files.writeString(dir.resolve("spec.yaml"), table.formatted("int"));
        String warehouse = dir.resolve("warehouse").toString();
        assertEquals(0, csbench("--warehouse", warehouse, "run", spec.toString()).exitCode());

        Files.writeString(dir.resolve("codes.csv"), "code\n352\n353\n354\n");
        Files.writeString(spec, table.formatted("string"));
        Outcome changed = csbench("--warehouse", warehouse, "run", spec.toString());
        assertEquals(Csbench.USER_ERROR, changed.exitCode(), changed.err());
        assertTrue(changed.errorLine().startsWith("csbench: writing reference.code failed"), changed.errorLine());
        assertFalse(changed.err().contains("\tat "), changed.err());
        // Delta's error carries its stack trace into a log file in the warehouse, named in the line.
        String log = logFile(changed.errorLine());
        assertTrue(log.startsWith(Path.of(warehouse, "_csbench", "logs").toString()), log);
        assertTrue(Files.readString(Path.of(log)).contains("\tat org.csbench.delta.Warehouse."), log);
    }

    @Test
    void anInternalFailureExitsOneWithOneLineAndItsStackTraceInTheLog() throws IOException {
        Path warehouse = SparkTestSession.newTempDir("internal");
        StringWriter err = new StringWriter();
        IllegalStateException bug = new IllegalStateException("boom\nsecond line of the message");
        int code = Failures.report(bug, new PrintWriter(err, true), warehouse.toString(), false,
                new String[] {"run", "x.yaml"});
        assertEquals(Failures.INTERNAL_ERROR, code);
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("csbench: internal error: IllegalStateException: boom at CsbenchErrorsTest.java:"),
                line);
        String log = Files.readString(Path.of(logFile(line)));
        assertTrue(log.startsWith("csbench run x.yaml\n"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: boom\nsecond line of the message\n\tat "
                + "org.csbench.cli.CsbenchErrorsTest.anInternalFailureExitsOneWithOneLineAndItsStackTraceInTheLog"), log);

        StringWriter verbose = new StringWriter();
        Failures.report(bug, new PrintWriter(verbose, true), warehouse.toString(), true, new String[] {"run"});
        assertTrue(verbose.toString().contains("\n\tat org.csbench.cli.CsbenchErrorsTest."), verbose.toString());

        // A failed write wraps what went wrong: a bug stays internal, a missing file is the user's.
        StringWriter wrapped = new StringWriter();
        assertEquals(Failures.INTERNAL_ERROR, Failures.report(Errors.writeFailed("gold.fact_signal", "NPE", "v1",
                new NullPointerException()), new PrintWriter(wrapped, true), warehouse.toString(), false,
                new String[] {"run"}));
        assertTrue(wrapped.toString().startsWith("csbench: internal error: writing gold.fact_signal failed (NPE); "
                + "every table was restored to v1 (stack trace in " + warehouse), wrapped.toString());
        assertFalse(Failures.isUserError(Errors.writeFailed("silver.observation", "x", "v1", new NullPointerException())));
        assertTrue(Failures.isUserError(Errors.writeFailed("silver.observation", "x", "v1",
                new RuntimeException(new FileNotFoundException("gone.csv")))));
        assertTrue(Failures.isUserError(Errors.missingFile("a.csv")));
        assertFalse(Failures.isUserError(new OutOfMemoryError()));
    }

    @Test
    void verboseOnAnyCommandPrintsTheStackTraceOfAMistake() {
        Outcome quiet = csbench("run", "no/such/spec.yaml");
        assertEquals(1, quiet.err().strip().lines().count(), quiet.err());
        for (String[] args : new String[][] {{"--verbose", "run", "no/such/spec.yaml"},
                {"run", "--verbose", "no/such/spec.yaml"}}) {
            Outcome verbose = csbench(args);
            assertEquals(Csbench.USER_ERROR, verbose.exitCode());
            assertTrue(verbose.err().startsWith(quiet.err().strip() + "\norg.csbench.model.CsbenchException: "),
                    verbose.err());
            assertTrue(verbose.err().contains("\tat org.csbench.config.YamlFiles.read"), verbose.err());
        }
        assertTrue(csbench("tables", "--help").out().contains("--verbose"));
    }

    @Test
    void badGlobalOptionsAreTheUsersMistake() {
        Outcome partitions = csbench("--shuffle-partitions", "0", "--warehouse",
                SparkTestSession.newTempDir("partitions").toString(), "tables");
        assertEquals(Csbench.USER_ERROR, partitions.exitCode(), partitions.err());
        assertEquals("csbench: --shuffle-partitions must be at least 1, not 0", partitions.err().strip());
        Outcome master = csbench("--master", "bogus", "--warehouse", SparkTestSession.newTempDir("master").toString(),
                "tables");
        assertEquals(Csbench.USER_ERROR, master.exitCode(), master.err());
        assertEquals("csbench: --master 'bogus' is not a Spark master URL; use local[N], local[*], spark://HOST:PORT, "
                + "yarn or k8s://https://HOST:PORT", master.err().strip());
    }

    private static String logFile(String errorLine) {
        Matcher m = LOG_FILE.matcher(errorLine);
        assertTrue(m.find(), errorLine);
        assertNotNull(m.group(1));
        assertTrue(Files.isRegularFile(Path.of(m.group(1))), m.group(1));
        return m.group(1);
    }
}
