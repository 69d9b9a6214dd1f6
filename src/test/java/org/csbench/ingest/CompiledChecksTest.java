package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.config.SourceSpec;
import org.csbench.config.SpecLoader;
import org.csbench.model.Columns;

/**
 * The two forms a long extract's checks take for speed ({@link Cells#cleanedSkippingAscii} skipping {@code translate}
 * for cells without multi-byte characters, {@link RowErrors#concatenated} concatenating arrays instead of filtering
 * nulls) give exactly what their plain forms give, on cells chosen to tell them apart; so does a long extract's
 * indicators looked up among its distinct refs ({@link ScorecardLongTransform#byRef}) rather than mapped row by row.
 */
class CompiledChecksTest {
    private static SparkSession spark;

    /** Plain ASCII, blanks, names with accents, and every invisible character alone, inside and around text. */
    private static final List<String> CELLS = Arrays.asList(null, "", " ", "352", " 352 ", "Ynys Môn",
            "Bristol, City of", "\uFEFF352", "35\u200B2", "\u200C", "\u200D \u2060", " é\u2060 ", "Saint\u00A0Helens",
            "CIN1\uFEFF ", "日本", "x\u0000y", "\t9\t");

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    private static Dataset<Row> cells() {
        return spark.createDataset(CELLS, Encoders.STRING()).toDF("cell");
    }

    @Test
    void cleanedCellsAreThoseOfThePlainTranslate() {
        List<Row> rows = cells().select(col("cell"), Cells.cleanedSkippingAscii(col("cell")).as("guarded"),
                Cells.cleaned(col("cell")).as("plain")).collectAsList();

        assertEquals(CELLS.size(), rows.size());
        for (Row row : rows) {
            assertEquals(row.<String>getAs("plain"), row.<String>getAs("guarded"), "cell " + row.get(0));
        }
        // The invisible characters really are removed (the comparison would pass if neither form removed them).
        for (String cell : List.of("\uFEFF352", "35\u200B2")) {
            assertEquals("352", cells().filter(col("cell").equalTo(cell))
                    .select(Cells.cleanedSkippingAscii(col("cell"))).first().getString(0));
        }
    }

    @Test
    void concatenatedProblemsAreThoseOfTheFilteredArray() {
        Column cell = col("cell");
        RowErrors errors = new RowErrors()
                .add(cell.isNull(), "cell", cell, "missing")
                .add(Cells.hasControlCharacter(cell), "cell", cell, Cells.controlCharacterReason("cell"))
                .add(cell.rlike("^[0-9 ]+$").unary_$bang(), RowErrors.WHOLE_ROW, cell, "not digits")
                .add(cell.contains("3"), "cell", lit(null), "has a 3")
                // A condition that is null for a null cell: no problem, in both forms.
                .add(cell.equalTo("never"), "cell", cell, "never");

        List<Row> rows = cells().select(col("cell"), errors.concatenated().as("concatenated"),
                errors.toColumn().as("filtered")).collectAsList();

        assertEquals(CELLS.size(), rows.size());
        int withTwo = 0;
        for (Row row : rows) {
            List<Row> concatenated = row.getList(1);
            List<Row> filtered = row.getList(2);
            assertEquals(filtered, concatenated, "cell " + row.get(0));
            withTwo += concatenated.size() >= 2 ? 1 : 0;
        }
        assertNotEquals(0, withTwo, "some cell has two problems, in order");
        assertFalse(rows.stream().allMatch(r -> r.getList(1).isEmpty()));
    }

    @Test
    void observationsWithLookedUpIndicatorsAreThoseMappedRowByRow() throws IOException {
        // Mapped refs in any case and spacing, unmapped ones with punctuation and accents, and a quarantined row.
        Path dir = SparkTestSession.newTempDir("looked-up-refs");
        Files.writeString(dir.resolve("long.csv"), String.join("\n", "la_code,ref,month,value",
                "352,CIN1,2023-08,100", "352, cin1 ,2023-09,101", "352,Re-referrals %,2023-08,20.5%",
                "352,SW caseload (FTE),2023-08,17.2", "352,Café-Visits,2023-08,3", "352,sw_caseload,2023-08,18",
                "352,CIN1,2023-08,999", "") + "\n");
        Files.writeString(dir.resolve("spec.yaml"), """
                name: refs
                sources:
                  - id: long
                    format: scorecard_long
                    path: long.csv
                    measures:
                      - { ref: CIN1, indicator: referrals, unit: count }
                      - { ref: SW Caseload (FTE), indicator: sw_caseload, unit: ratio }
                """);
        SourceSpec source = SpecLoader.load(dir.resolve("spec.yaml"), null).sources().get(0);
        SourceFile file = SourceFile.inspect(source.path(), spark.sparkContext().hadoopConfiguration());
        Header header = new Header(file.path(), CsvLines.parseHeader(file.headerLine(), ","));
        Map<String, Integer> positions = ScorecardLongTransform.resolve(header);
        // Parsed once and kept, as the load keeps them.
        Dataset<Row> parsed = ScorecardLongTransform.parse(CsvLines.read(spark, file, header.size(), ","), header,
                positions, source, KnownAuthorities.standard()).cache();
        Dataset<Row> checked = ScorecardLongTransform.check(parsed, header, positions, ",");
        List<String> refs = checked.select(ScorecardLongTransform.goodRef()).distinct().as(Encoders.STRING())
                .collectAsList().stream().filter(r -> r != null).toList();

        Dataset<Row> plain = ScorecardLongTransform.observations(checked, null, source);
        Dataset<Row> lookedUp = ScorecardLongTransform.observations(checked, ScorecardLongTransform.byRef(spark, refs,
                source), source);
        // A lookup missing a ref still maps it.
        Dataset<Row> partial = ScorecardLongTransform.observations(checked, ScorecardLongTransform.byRef(spark,
                refs.subList(0, 2), source), source);

        assertEquals(6, plain.count(), "the repeated CIN1 row is quarantined");
        assertEquals(List.of(plain.columns()), List.of(lookedUp.columns()));
        assertEquals(sorted(plain), sorted(lookedUp));
        assertEquals(sorted(plain), sorted(partial));
        assertEquals(List.of("caf_visits", "re_referrals_", "referrals", "sw_caseload"), lookedUp
                .select(col(Columns.INDICATOR_ID)).distinct().as(Encoders.STRING()).collectAsList().stream().sorted()
                .toList());
        assertEquals(Set.of("caf_visits", "re_referrals_", "referrals", "sw_caseload"),
                ScorecardLongTransform.indicators(ScorecardLongTransform.byRef(spark, refs, source)));
    }

    private static List<String> sorted(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }
}
