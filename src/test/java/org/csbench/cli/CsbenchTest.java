package org.csbench.cli;

import static org.csbench.TestCli.csbench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import org.csbench.SampleRun;
import org.csbench.SparkTestSession;
import org.csbench.TestCli.Outcome;

/** The README's run command and the other commands, as a user types them. */
class CsbenchTest {

    @Test
    void runOnTheBundledSamplesThenListTablesAndHistory() {
        // The README's run command, run once for every test class that reads what it wrote.
        String warehouse = SampleRun.path();
        SparkSession spark = SparkTestSession.get();
        Outcome run = SampleRun.output();
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\ncsbench " + pomVersion() + " on Spark " + spark.version() + ", Delta Lake "
                + deltaJarVersion() + ", master local[2]\n"), run.out());
        assertTrue(run.out().contains("total"), run.out());
        assertTrue(run.out().matches("(?s).*sn_model_2021\\s+loaded\\s+159\\s+156\\s+3\\s.*"), run.out());
        assertTrue(run.err().contains("[10/12] la_code_change"), "progress lines: " + run.err());
        assertTrue(run.err().matches("(?s).*detect: [\\d,]+ series charted and trend-tested, [\\d,]+ signal rows, "
                + "[\\d,]+ cross-sections compared, [\\d,]+ data-quality anomalies.*"), "progress lines: " + run.err());
        assertTrue(run.err().matches("(?s).*benchmarks: [\\d,]+ authority values compared.*"), "progress lines: " + run.err());
        assertTrue(run.out().matches("(?s).*Indicators: [\\d,]+ values; \\d+ published figures differ from the computed "
                + "ones, 0 of them unexplained.*"), run.out());

        Outcome tables = csbench("--warehouse", warehouse, "tables");
        assertEquals(0, tables.exitCode(), tables.err());
        for (String table : new String[] {"bronze.referrals_c1", "silver.observation", "reference.population",
                "reference.region", "reference.statistical_neighbour", "reference.la_code_change", "audit.quarantine",
                "audit.load_audit", "gold.dim_indicator", "gold.dim_area", "gold.dim_period", "gold.dim_code",
                "gold.fact_indicator_value", "gold.fact_indicator_window",
                "silver.scorecard_indicator", "gold.bridge_statistical_neighbour", "gold.fact_benchmark",
                "gold.fact_signal", "gold.fact_series_signal", "gold.fact_cross_section", "gold.fact_data_quality"}) {
            assertTrue(tables.out().contains(table), table + " in " + tables.out());
        }
        assertTrue(tables.out().matches("(?s).*audit\\.quarantine\\s+3\\s+0\\s+WRITE.*"), tables.out());

        Outcome history = csbench("--warehouse", warehouse, "history", "audit.load_audit");
        assertEquals(0, history.exitCode(), history.err());
        assertTrue(history.out().matches("(?s).*\\n\\s+0\\s+\\S+\\s+WRITE\\s+12\\s+csbench load .*"), history.out());

        Outcome again = csbench("--warehouse", warehouse, "run");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("Nothing changed: every file was loaded before."), again.out());
    }

    @Test
    void mistakesEndWithOneLineAndExitCodeTwo() {
        Outcome missing = csbench("run", "no/such/spec.yaml");
        assertEquals(Csbench.USER_ERROR, missing.exitCode());
        assertEquals("csbench: no/such/spec.yaml: file not found; check the path in the pipeline spec or --data-dir",
                missing.err().strip());

        Outcome unknownTable = csbench("--warehouse", SparkTestSession.newTempDir("empty").toString(), "history",
                "silver.nothing");
        assertEquals(Csbench.USER_ERROR, unknownTable.exitCode());
        assertEquals(1, unknownTable.err().strip().lines().count(), unknownTable.err());
        assertTrue(unknownTable.err().startsWith("csbench: table 'silver.nothing' not found"), unknownTable.err());

        Outcome badOption = csbench("run", "--no-such-option");
        assertEquals(Csbench.USER_ERROR, badOption.exitCode());
        assertEquals("csbench: Unknown option: '--no-such-option' (see: csbench run --help)", badOption.err().strip());
    }

    @Test
    void benchRunsThePipelineOnGeneratedDataAndCopiesTheLargeTablesForTheFloor() {
        SparkTestSession.get();
        Outcome bench = csbench("bench", "--las", "3", "--years", "1", "--indicators", "12", "--floor");
        assertEquals(0, bench.exitCode(), bench.err());
        assertTrue(bench.out().contains("generate: 432 rows (3 LAs x 12 indicators x 12 months)"), bench.out());
        String out = bench.out();
        Matcher written = Pattern.compile("\\n  silver\\.observation\\s+([\\d,]+) rows\\s+[\\d.]+ s\\n").matcher(out);
        assertTrue(written.find(), out);
        // The floor copies the same rows again; a table under a tenth of the generated rows is left out.
        Matcher copied = Pattern.compile("\\n  silver\\.observation\\s+([\\d,]+) rows\\s+(\\d+) columns").matcher(out);
        assertTrue(copied.find(), out);
        assertEquals(written.group(1), copied.group(1));
        assertTrue(Integer.parseInt(copied.group(2)) > 20, copied.group());
        assertTrue(out.matches("(?s).*\\n  gold\\.fact_indicator_value\\s+[\\d,]+ rows\\s+\\d+ columns.*"), out);
        assertFalse(out.matches("(?s).*\\n  reference\\.la_code_change\\s+[\\d,]+ rows\\s+\\d+ columns.*"), out);
        assertTrue(out.matches("(?s).*floor total: [\\d.]+ s, task time [\\d.]+ s.*"), out);
    }

    @Test
    void benchIncrementalAddsTheLastMonthAsAFurtherFileAndPrintsBothTimes() {
        SparkTestSession.get();
        Outcome bench = csbench("bench", "--las", "3", "--years", "1", "--indicators", "12", "--incremental");
        assertEquals(0, bench.exitCode(), bench.err());
        String out = bench.out();
        // 3 LAs x 12 indicators: 36 rows a month, 11 months loaded first, then the twelfth.
        assertTrue(out.contains("split: 396 rows of 11 earlier months, 36 rows of "), out);
        assertTrue(out.contains("monthly_scorecards: unchanged since it was loaded"), out);
        assertTrue(out.contains("monthly_scorecards_2: 36 rows read, "), out);
        Matcher times = Pattern.compile("incremental refresh: ([\\d.]+) s, full pipeline: ([\\d.]+) s, ratio "
                + "([\\d.]+)% \\(target at most 10%\\)").matcher(out);
        assertTrue(times.find(), out);
        double ratio = 100 * Double.parseDouble(times.group(1)) / Double.parseDouble(times.group(2));
        assertEquals(ratio, Double.parseDouble(times.group(3)), 0.1 + ratio * 0.01);
    }

    @Test
    void versionNamesCsbenchAsBuiltAndTheSparkAndDeltaOnTheClasspath() {
        Outcome version = csbench("--version");
        assertEquals(0, version.exitCode(), version.err());
        String spark = SparkSession.class.getPackage().getImplementationVersion();
        assertEquals(List.of("csbench " + pomVersion(), "Spark " + spark + ", Delta Lake " + deltaJarVersion()),
                version.out().lines().limit(2).toList());
        assertTrue(spark.startsWith("4."), spark);
        assertTrue(version.out().contains("Java " + System.getProperty("java.version")), version.out());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"tables", "--help"},
                {"history", "--help"}}) {
            Outcome help = csbench(args);
            assertEquals(0, help.exitCode(), String.join(" ", args));
            assertTrue(help.out().startsWith("Usage: csbench"), help.out());
        }
        assertTrue(csbench("--help").out().contains("--warehouse=DIR"));
        assertTrue(csbench("run", "--help").out().contains("--data-dir=DIR"));
    }

    /** The pom's version, which Surefire passes on (the launcher's resource is filtered from the same). */
    private static String pomVersion() {
        String version = System.getProperty("csbench.pom.version");
        assertNotNull(version, "csbench.pom.version is not set: run the tests with Maven");
        return version;
    }

    /** Delta's version from its jar's manifest, not from the constant csbench prints. */
    private static String deltaJarVersion() {
        return DeltaTable.class.getPackage().getImplementationVersion();
    }

}
