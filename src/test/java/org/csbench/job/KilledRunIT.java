package org.csbench.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.csbench.GoldTables;
import org.csbench.SampleRun;
import org.csbench.SparkTestSession;
import org.csbench.cli.Csbench;
import org.csbench.contract.Star.DimArea;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactBenchmark;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.delta.RunLog;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.LoadJob;
import org.csbench.model.Columns;

/**
 * {@code kill -9} of the packaged command (target/csbench/bin/csbench) in the middle of real runs: while loading into
 * an empty warehouse, then, on a loaded warehouse given a changed file, after the indicator values and after the
 * benchmarks were written (indicators, then detection, in progress). After each kill readers see the tables as the
 * last complete run left them; the next run says it repairs, and finishes with the gold rows of a clean run.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class KilledRunIT {
    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final Path WORK = REPOSITORY.resolve("target/killed-run-it");
    private static final Path LAUNCHER = Path.of(System.getProperty("csbench.home", "target/csbench"), "bin",
            "csbench");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final String MANCHESTER = "352";

    @Test
    void aKilledRunIsNeverSeenAndTheNextRunRepairsAndFinishes() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        Path warehouse = WORK.resolve("warehouse");

        // 1. Killed while loading into an empty warehouse: nothing is published.
        String killed = runAndKill("loading", warehouse, List.of(), () -> committed(warehouse, LoadJob.OBSERVATION, 0));
        assertFalse(live(warehouse).tables().isEmpty(), "the run was killed after writing tables:\n" + killed);
        assertEquals(List.of(), published(warehouse).tables(), "readers see no table of a run that never completed");

        // 2. The next run repairs, then finishes with the rows of a clean run.
        String repaired = runInProcess(warehouse, List.of());
        assertTrue(repaired.contains("did not finish: "), repaired);
        assertSameGold(published(warehouse), new Warehouse(SparkTestSession.get(), SampleRun.path()).published());
        Map<String, Long> complete = RunLog.lastComplete(live(warehouse)).orElseThrow().tableVersions();
        assertEquals(428.5, manchesterCinRate(published(warehouse)), 1e-9);

        // 3. A changed file (Manchester's children in need at 31 March 2024: 5,600 -> 5,700), killed after the
        // indicator values were written: readers still see the complete run, value for value.
        Path changed = changedData();
        String duringIndicators = runAndKill("indicators", warehouse, List.of("--data-dir", changed.toString()),
                () -> committedAfter(warehouse, FactIndicatorValue.TABLE.name(), complete));
        assertEquals(complete, published(warehouse).versions(), duringIndicators);
        assertTrue(live(warehouse).version(LoadJob.OBSERVATION).orElseThrow() > complete.get(LoadJob.OBSERVATION),
                "the killed run had loaded the changed file");
        assertEquals(428.5, manchesterCinRate(published(warehouse)), 1e-9);

        // 4. Again, killed after the benchmarks were written (detection in progress); the run first repaired.
        Map<String, Long> beforeDetection = published(warehouse).versions();
        String duringDetection = runAndKill("detection", warehouse, List.of("--data-dir", changed.toString()),
                () -> committedAfter(warehouse, FactBenchmark.TABLE.name(), beforeDetection));
        assertTrue(duringDetection.contains("did not finish: "), duringDetection);
        assertEquals(428.5, manchesterCinRate(published(warehouse)), 1e-9);

        // 5. The next run finishes: the changed file loaded once, its value published, no duplicate current rows.
        String finished = runInProcess(warehouse, List.of("--data-dir", changed.toString()));
        assertTrue(finished.contains("did not finish: "), finished);
        Warehouse after = published(warehouse);
        assertEquals(436.1, manchesterCinRate(after), 1e-9); // 5,700 / 130,700 x 10,000
        Dataset<Row> current = after.read(LoadJob.OBSERVATION).filter(col(Columns.IS_CURRENT));
        assertEquals(current.count(), current.dropDuplicates(Columns.INDICATOR_ID, Columns.PERIOD_TYPE,
                Columns.PERIOD_END, Columns.GEOGRAPHIC_LEVEL, Columns.REGION_CODE, Columns.OLD_LA_CODE,
                Columns.NEW_LA_CODE).count(), "duplicate current observations");
        assertEquals(2, after.read(LoadJob.LOAD_AUDIT).filter(col(Columns.SOURCE_ID).equalTo("cin_b1")).count(),
                "the B1 file's two vintages, each loaded once");
    }

    /** Starts the launcher, kills it (SIGKILL) once {@code when} holds; returns what it printed. */
    private static String runAndKill(String name, Path warehouse, List<String> args, BooleanSupplier when)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "--master", "local[2]",
                "--shuffle-partitions", "2", "--warehouse", warehouse.toString(), "run"));
        command.addAll(args);
        Path log = WORK.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        try {
            while (!when.getAsBoolean()) {
                assertTrue(process.isAlive(), "the " + name + " run ended before the point it was to be killed at:\n"
                        + Files.readString(log));
                assertTrue(Instant.now().isBefore(deadline), "the " + name + " run never reached its kill point");
                Thread.sleep(50);
            }
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
            process.waitFor();
        }
        System.out.printf("killed the %s run%n", name);
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static String runInProcess(Path warehouse, List<String> args) {
        List<String> command = new ArrayList<>(List.of("--warehouse", warehouse.toString(), "run"));
        command.addAll(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Csbench.execute(command.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err,
                true));
        String printed = err + "\n" + out;
        assertEquals(0, code, printed);
        return printed;
    }

    /** Whether {@code table} has a commit file for {@code version}. */
    private static boolean committed(Path warehouse, String table, long version) {
        return Files.exists(commitFile(warehouse, table, version));
    }

    private static boolean committedAfter(Path warehouse, String table, Map<String, Long> versions) {
        return committed(warehouse, table, versions.get(table) + 1);
    }

    private static Path commitFile(Path warehouse, String table, long version) {
        return warehouse.resolve(table.replace('.', '/')).resolve("_delta_log")
                .resolve(String.format("%020d.json", version));
    }

    private static Warehouse live(Path warehouse) {
        return new Warehouse(SparkTestSession.get(), warehouse.toString());
    }

    private static Warehouse published(Path warehouse) {
        return live(warehouse).published();
    }

    /** Manchester's children-in-need rate, reporting year 2024, through the star's joins. */
    private static double manchesterCinRate(Warehouse warehouse) {
        Dataset<Row> value = warehouse.read(FactIndicatorValue.TABLE.name())
                .join(warehouse.read(DimIndicator.TABLE.name()).filter(col(DimIndicator.INDICATOR_ID).equalTo("cin_rate")),
                        "indicator_key")
                .join(warehouse.read(DimArea.TABLE.name()).filter(col(DimArea.AREA_CODE).equalTo(MANCHESTER)), "area_key")
                .join(warehouse.read(DimPeriod.TABLE.name()).filter(col(DimPeriod.TYPE).equalTo("reporting_year")
                        .and(col(DimPeriod.TIME_PERIOD).equalTo("2024"))), "period_key");
        List<Row> rows = value.select(FactIndicatorValue.VALUE).collectAsList();
        assertEquals(1, rows.size(), "one cin_rate value for Manchester 2024");
        return rows.get(0).getDouble(0);
    }

    private static void assertSameGold(Warehouse actual, Warehouse clean) {
        assertEquals(List.of(), GoldTables.differences(actual, clean));
    }

    /** The bundled DfE files with Manchester's 2024 children in need at 31 March changed from 5,600 to 5,700. */
    private static Path changedData() throws IOException {
        Path source = REPOSITORY.resolve("data-samples/dfe");
        Path copy = WORK.resolve("changed-dfe");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path b1 = copy.resolve("b1_children_in_need_2013_to_2025.csv");
        String text = Files.readString(b1);
        String row = "2024,Reporting year,Local authority,E92000001,England,E12000002,North West,352,E08000003,"
                + "Manchester,Children in Need,10534,9829,5286,4918,4934,4676,";
        assertTrue(text.contains(row + "5600,"), "Manchester's 2024 row as published");
        Files.writeString(b1, text.replace(row + "5600,", row + "5700,"));
        return copy;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
