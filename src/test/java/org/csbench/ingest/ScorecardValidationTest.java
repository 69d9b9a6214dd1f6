package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.config.PipelineSpec;
import org.csbench.config.SpecLoader;
import org.csbench.delta.Warehouse;
import org.csbench.model.Columns;

/** Hostile cells in both scorecard shapes end as quarantined rows with the true reason, never as values. */
class ScorecardValidationTest {
    private static final String HUGE = "9".repeat(401);
    private static Warehouse warehouse;
    private static LoadJob.Result result;
    private static final List<String> PROGRESS = new java.util.ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        Path dir = SparkTestSession.newTempDir("scorecard-validation");
        Files.writeString(dir.resolve("wide.tsv"), String.join("\n",
                "Ref\tIndicator\tAug-23\tSep-23\tFeb-30\tCurrent\tPrevious Year\tEngland Average",
                "CIN1\tReferrals\t100\t110\t\t110\t90\t",
                "CIN2\t\"Unbalanced\t5\t6\t\t6\t5\t",
                "CIN3\tNegative count\t-5\t6\t\t6\t5\t",
                "CIN4\tPercent\t28%\t120%\t\t120%\t20%\t",
                "CIN5\tHuge\t" + HUGE + "\t6\t\t6\t5\t",
                "CIN6\tFuture\t1\t2\t3\t2\t1\t",
                "CIN1\tReferrals again\t100\t120\t\t120\t90\t",
                "CIN7\tNul\u0000name\t1\t2\t\t2\t1\t") + "\n");
        Files.writeString(dir.resolve("long.csv"), String.join("\n",
                "la_code,la_name,ref,month,value",
                "352,Manchester,CIN1,2023-04,5600",
                "352,\"Manchester,CIN1,2023-05,5",
                "352,Manchester,CIN1,Feb-30,5",
                "352,Manchester,CIN1,9999-01,5",
                "352,Manchester,CIN1,0000-01,5",
                "352,Manchester,CIN1,2023-06,-3",
                "352,Manchester,CIN4,2023-06,120%",
                "352,Manchester,CIN1,2023-07," + HUGE,
                "352,Manchester,CIN1,2023-04,5610",
                "352,Manch\u0000ester,CIN1,2023-08,5",
                "999,Nowhere,CIN1,2023-08,5",
                "ABCDEFGHIJ,Nowhere,CIN1,2023-08,5",
                "S001,Synthetic Authority S001,CIN1,2023-08,5") + "\n");
        Files.writeString(dir.resolve("repeated.csv"), "la_code,ref,month,value,note,Note\n352,CIN1,2023-04,5,a,b\n");
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
                name: scorecard-validation
                sources:
                  - id: wide
                    format: scorecard_wide
                    path: wide.tsv
                    la_code: "352"
                    la_name: Manchester
                    report_month: 2023-09
                    measures:
                      - { ref: CIN1, indicator: referrals, unit: count }
                  - id: long
                    format: scorecard_long
                    path: long.csv
                    measures:
                      - { ref: CIN1, indicator: referrals, unit: count }
                  - id: repeated
                    format: scorecard_long
                    path: repeated.csv
                """);
        PipelineSpec pipeline = SpecLoader.load(spec, null);
        warehouse = SparkTestSession.newWarehouse("scorecard-validation");
        result = new LoadJob(warehouse, PROGRESS::add).run(pipeline);
    }

    @Test
    void wideScorecardCellsAreQuarantinedWithTheTrueReason() {
        LoadJob.SourceResult wide = result.sources().get(0);
        assertEquals(8, wide.rowsRead());
        assertEquals(1, wide.rowsLoaded());
        assertEquals(7, wide.rowsQuarantined());
        assertRowsEqualIgnoringOrder(List.of(
                row(3L, "(row)", "unclosed quote in column 2 (Indicator): the rest of the line would be read as that "
                        + "one field"),
                row(4L, "Aug-23", "a count cannot be negative"),
                row(5L, "Sep-23", "a percentage lies between 0 and 100"),
                row(5L, "Current", "a percentage lies between 0 and 100"),
                row(6L, "Aug-23", ScorecardCells.NOT_A_VALUE),
                row(7L, "Feb-30", "column 'Feb-30' read as February 2030, after the report month 2023-09"),
                row(8L, "(row)", "duplicate of line 2 (same Ref; Current 110); this line's Current 120"),
                row(9L, "Indicator", "a control character (such as NUL) in Indicator: the file is damaged or not "
                        + "plain text")),
                warehouse.read(Quarantine.TABLE).filter(col(Columns.SOURCE_ID).equalTo("wide"))
                        .select(Columns.LINE, Columns.COLUMN, Columns.REASON), 0);
        assertRowsEqualIgnoringOrder(List.of(row("2023-08", 100.0), row("2023-09", 110.0)),
                warehouse.read(LoadJob.OBSERVATION).filter(col(Columns.SOURCE_ID).equalTo("wide"))
                        .select(Columns.TIME_PERIOD, Columns.VALUE), 0);
    }

    @Test
    void longScorecardCellsAreQuarantinedWithTheTrueReason() {
        LoadJob.SourceResult longForm = result.sources().get(1);
        assertEquals(13, longForm.rowsRead());
        assertEquals(2, longForm.rowsLoaded());
        assertEquals(11, longForm.rowsQuarantined());
        String known = "': not among the 158 DfE LA numbers of pipelines/reference/local_authorities.csv (nor a "
                + "synthetic S001-S999); for a new authority, add a row with its old_la_code, new_la_code and la_name there";
        String future = ", after this month (" + YearMonth.now(ZoneOffset.UTC) + "): a month in the future";
        assertRowsEqualIgnoringOrder(List.of(
                row(3L, "(row)", "unclosed quote in column 2 (la_name): the rest of the line would be read as that "
                        + "one field"),
                row(4L, "month", "month 'Feb-30' read as February 2030" + future),
                row(5L, "month", "month '9999-01' read as January 9999" + future),
                row(6L, "month", "month '0000-01': years before 1970 cannot be right"),
                row(7L, "value", "a count cannot be negative"),
                row(8L, "value", "a percentage lies between 0 and 100"),
                row(9L, "value", ScorecardCells.NOT_A_VALUE),
                row(10L, "(row)", "duplicate of line 2 (same LA, indicator and month; value 5600); this line's value "
                        + "5610"),
                row(11L, "la_name", "a control character (such as NUL) in la_name: the file is damaged or not plain "
                        + "text"),
                row(12L, "la_code", "unknown local authority code '999" + known),
                row(13L, "la_code", "unknown local authority code 'ABCDEFGHIJ" + known)),
                warehouse.read(Quarantine.TABLE).filter(col(Columns.SOURCE_ID).equalTo("long"))
                        .select(Columns.LINE, Columns.COLUMN, Columns.REASON), 0);
        assertRowsEqualIgnoringOrder(List.of(row("352", "2023-04", 5600.0), row("S001", "2023-08", 5.0)),
                warehouse.read(LoadJob.OBSERVATION).filter(col(Columns.SOURCE_ID).equalTo("long"))
                        .select(Columns.OLD_LA_CODE, Columns.TIME_PERIOD, Columns.VALUE), 0);
    }

    @Test
    void aRepeatedColumnNothingReadsIsAWarningAndTheFileLoads() {
        assertEquals(1, PROGRESS.stream().filter(m -> m.startsWith("warning: repeated: ")
                && m.endsWith("repeated.csv: line 1 (header) repeats 'note' at columns 5 and 6; no copy is read")).count(),
                PROGRESS.toString());
        assertEquals(1, result.sources().get(2).rowsLoaded());
    }
}
