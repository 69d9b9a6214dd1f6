package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.csbench.DatasetAssertions.assertRowsEqualIgnoringOrder;
import static org.csbench.DatasetAssertions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.config.DimensionSpec;
import org.csbench.config.IgnoreSpec;
import org.csbench.config.MeasurePattern;
import org.csbench.config.MeasureSpec;
import org.csbench.config.PeriodSpec;
import org.csbench.config.SourceFormat;
import org.csbench.config.SourceSpec;
import org.csbench.model.Columns;
import org.csbench.model.CsbenchException;
import org.csbench.model.Unit;

class EesTransformTest {
    private static SparkSession spark;
    private static Path dir;

    private static final SourceSpec REFERRALS = source(List.of(),
            new MeasureSpec("referrals", List.of("referral_count"), Unit.COUNT, Map.of(), false),
            new MeasureSpec("rereferrals_pct", List.of("rereferral_percent"), Unit.PERCENT, Map.of(), false));

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
        dir = SparkTestSession.newTempDir("ees");
    }

    @Test
    void everySymbolBecomesAStatusNextToANullValueAndNumbersKeepTheirValue() throws IOException {
        Loaded loaded = load("""
                time_period,geographic_level,old_la_code,new_la_code,la_name,referral_count,rereferral_percent
                2025,Local authority,352,E08000003,Manchester,"6,342",18.4
                2025,Local authority,201,E09000001,City of London,c,x
                2025,Local authority,202,E09000007,Camden,z,:
                2025,Local authority,203,E09000012,Hackney,k,low
                2025,Local authority,204,E09000013,Hammersmith,u,
                2025,Local authority,205,E09000014,Haringey,0,0.0
                """, REFERRALS);
        assertEquals(0, loaded.quarantine().count());
        assertRowsEqualIgnoringOrder(List.of(
                row("352", "referrals", 6342.0, "available", null),
                row("352", "rereferrals_pct", 18.4, "available", null),
                row("201", "referrals", null, "suppressed", "c"),
                row("201", "rereferrals_pct", null, "not_available", "x"),
                row("202", "referrals", null, "not_applicable", "z"),
                row("202", "rereferrals_pct", null, "not_available_old", ":"),
                row("203", "referrals", null, "rounds_to_zero", "k"),
                row("203", "rereferrals_pct", null, "low", "low"),
                row("204", "referrals", null, "low_reliability", "u"),
                row("204", "rereferrals_pct", null, "missing", null),
                row("205", "referrals", 0.0, "available", null),
                row("205", "rereferrals_pct", 0.0, "available", null)),
                loaded.observations().select(Columns.OLD_LA_CODE, Columns.INDICATOR_ID, Columns.VALUE,
                        Columns.STATUS, Columns.STATUS_SYMBOL), 1e-9);
    }

    @Test
    void byteOrderMarkDriftedColumnOrderAndCaseAndFinancialYearsAreRead() throws IOException {
        Loaded loaded = load("\uFEFFLA_Name,REFERRAL_COUNT,Time_Period,rereferral_percent,Geographic_Level,"
                + "Region_Code,old_la_code\n"
                + "Manchester,\"1,211\",202425,20.1,Local authority,E12000002,352\n"
                + "North West,\"12,000\",202425,21.0,Regional,E12000002,\n"
                + "England,\"600,000\",2025,22.6,National,,\n", REFERRALS);
        assertEquals(0, loaded.quarantine().count());
        assertRowsEqualIgnoringOrder(List.of(
                row("local_authority", "352", "E12000002", "Manchester", 2025, Date.valueOf("2025-03-31"), 1211.0),
                row("regional", null, "E12000002", "North West", 2025, Date.valueOf("2025-03-31"), 12000.0),
                row("national", null, null, "England", 2025, Date.valueOf("2025-03-31"), 600000.0)),
                loaded.observations().filter(col(Columns.INDICATOR_ID).equalTo("referrals"))
                        .select(Columns.GEOGRAPHIC_LEVEL, Columns.OLD_LA_CODE, Columns.REGION_CODE, Columns.LA_NAME,
                                Columns.YEAR, Columns.PERIOD_END, Columns.VALUE), 1e-9);
        // Counts are exact unless the source declares their rounding (here national to 10); other units are
        // as fine as the decimals printed.
        assertRowsEqualIgnoringOrder(List.of(
                row("local_authority", "referrals", 0.0), row("local_authority", "rereferrals_pct", 0.1),
                row("regional", "referrals", 0.0), row("regional", "rereferrals_pct", 0.1),
                row("national", "referrals", 10.0), row("national", "rereferrals_pct", 0.1)),
                loaded.observations().select(Columns.GEOGRAPHIC_LEVEL, Columns.INDICATOR_ID, Columns.ROUNDING_UNIT),
                1e-12);
    }

    @Test
    void badRowsAreQuarantinedWithLineColumnValueAndReason() throws IOException {
        Loaded loaded = load("""
                time_period,geographic_level,old_la_code,new_la_code,la_name,referral_count,rereferral_percent
                2025,Local authority,352,E08000003,Manchester,6342,18.4
                2025,Local authority,352,E08000003,Manchester,6342,18.4
                20x5,Local authority,353,E08000004,Oldham,100,1
                2025,County,354,E08000005,Rochdale,100,1
                2025,Local authority,,E08000006,Salford,100,1
                2025,Regional,,,,100,1
                2025,Local authority,356,E08000007,Stockport,12a,1
                2025,Local authority,357,E08000008

                2025,Local authority,358,E08000009,Tameside,1,2,3
                """, REFERRALS);
        assertRowsEqualIgnoringOrder(List.of(
                row(3L, "(row)", "2025,Local authority,352,E08000003,Manchester,6342,18.4",
                        "duplicate of line 2 (same period, geography and dimensions; values referral_count 6342, "
                                + "rereferral_percent 18.4); this line's values are the same"),
                row(4L, "time_period", "20x5", "not a year like 2025 or a financial year like 202425"),
                row(5L, "geographic_level", "County",
                        "unknown geographic level; expected National, Regional or Local authority"),
                row(6L, "old_la_code", null, "a Local authority row needs a 3-digit old_la_code"),
                row(7L, "region_code", null, "a Regional row needs a region_code"),
                row(8L, "referral_count", "12a", Cells.NOT_A_VALUE),
                row(9L, "(row)", "2025,Local authority,357,E08000008", "expected 7 fields as in the header, found 4"),
                row(10L, "(row)", "", "empty line"),
                row(11L, "(row)", "2025,Local authority,358,E08000009,Tameside,1,2,3",
                        "expected 7 fields as in the header, found 8")),
                loaded.quarantine().select(Columns.LINE, Columns.COLUMN, Columns.RAW_VALUE, Columns.REASON), 0);
        assertEquals(10, loaded.checked().count(), "rows read");
        assertEquals(List.of(2L), loaded.observations().select(CsvLines.LINE).distinct()
                .as(org.apache.spark.sql.Encoders.LONG()).collectAsList());
    }

    @Test
    void numbersADoubleCannotHoldAndValuesOutsideTheirUnitsRangeAreQuarantinedNeverLoaded() throws IOException {
        String huge = "9".repeat(401);
        Loaded loaded = load("""
                time_period,geographic_level,old_la_code,new_la_code,la_name,referral_count,rereferral_percent
                2025,Local authority,352,E08000003,Manchester,%s,18.4
                2025,Local authority,353,E08000004,Oldham,-342,18.4
                2025,Local authority,354,E08000005,Rochdale,100,120.5
                2025,Local authority,355,E08000006,Salford,"123,456,789,012,345",0.000000000000001
                """.formatted(huge), REFERRALS);
        assertRowsEqualIgnoringOrder(List.of(
                row(2L, "referral_count", huge, Cells.NOT_A_VALUE),
                row(3L, "referral_count", "-342", "a count cannot be negative"),
                row(4L, "rereferral_percent", "120.5", "a percentage lies between 0 and 100")),
                loaded.quarantine().select(Columns.LINE, Columns.COLUMN, Columns.RAW_VALUE, Columns.REASON), 0);
        assertRowsEqualIgnoringOrder(List.of(row(123456789012345.0), row(1e-15)),
                loaded.observations().select(Columns.VALUE), 0);
    }

    @Test
    void anUnclosedQuoteQuarantinesItsLineNamingTheColumnInsteadOfSwallowingTheRest() throws IOException {
        Loaded loaded = load("""
                time_period,geographic_level,old_la_code,new_la_code,la_name,referral_count,rereferral_percent
                2025,Local authority,352,E08000003,"Manchester,6342,18.4
                2025,Local authority,353,E08000004,"Oldham, Metropolitan",100,1.5
                2025,Local authority,354,E08000005,Rochdale,"1,000,12.5
                """, REFERRALS);
        assertRowsEqualIgnoringOrder(List.of(
                row(2L, "(row)", "unclosed quote in column 5 (la_name): the rest of the line would be read as that "
                        + "one field"),
                row(4L, "(row)", "unclosed quote in column 6 (referral_count): the rest of the line would be read as "
                        + "that one field")),
                loaded.quarantine().select(Columns.LINE, Columns.COLUMN, Columns.REASON), 0);
        assertRowsEqualIgnoringOrder(List.of(row("353", "Oldham, Metropolitan", 100.0)),
                loaded.observations().filter(col(Columns.INDICATOR_ID).equalTo("referrals"))
                        .select(Columns.OLD_LA_CODE, Columns.LA_NAME, Columns.VALUE), 0);
        assertEquals(3, loaded.checked().count(), "rows read = loaded + quarantined");
    }

    @Test
    void unknownAuthorityCodesAreQuarantinedNamingTheListTheyWereCheckedAgainst() throws IOException {
        Loaded loaded = load("""
                time_period,geographic_level,old_la_code,new_la_code,la_name,referral_count,rereferral_percent
                2025,Local authority,999,E09999999,Nowhere,1,1
                2025,Local authority,940 / 999,E06000061 / E0,North Northamptonshire / Nowhere,1,1
                2025,Local authority,940 / 941,E06000061 / E06000062,North Northamptonshire / West Northamptonshire,1,1
                2025,Local authority,S001,,Synthetic Authority S001,1,1
                2025,Local authority,352,E08000003,Manchester,1,1
                """, REFERRALS);
        String known = "': not among the 158 DfE LA numbers of pipelines/reference/local_authorities.csv (nor a "
                + "synthetic S001-S999); for a new authority, add a row with its old_la_code, new_la_code and la_name there";
        assertRowsEqualIgnoringOrder(List.of(
                row(2L, "old_la_code", "999", "unknown local authority code '999" + known),
                row(3L, "old_la_code", "940 / 999", "unknown local authority code '940 / 999" + known),
                row(5L, "old_la_code", "S001", "a Local authority row needs a 3-digit old_la_code")),
                loaded.quarantine().select(Columns.LINE, Columns.COLUMN, Columns.RAW_VALUE, Columns.REASON), 0);
        assertRowsEqualIgnoringOrder(List.of(row("940"), row("941"), row("352")),
                loaded.observations().filter(col(Columns.INDICATOR_ID).equalTo("referrals"))
                        .select(Columns.OLD_LA_CODE), 0);
    }

    @Test
    void implausibleYearsAreQuarantined() throws IOException {
        int next = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
        Loaded loaded = load("""
                time_period,geographic_level,old_la_code,new_la_code,la_name,referral_count,rereferral_percent
                9999,Local authority,352,E08000003,Manchester,1,1
                0000,Local authority,353,E08000004,Oldham,1,1
                999900,Local authority,354,E08000005,Rochdale,1,1
                1970,Local authority,355,E08000006,Salford,1,1
                %d,Local authority,356,E08000007,Stockport,1,1
                """.formatted(next), REFERRALS);
        String reason = "year outside 1970-" + next + " (the years a value can be for, up to next year)";
        assertRowsEqualIgnoringOrder(List.of(row(2L, "9999", reason), row(3L, "0000", reason),
                row(4L, "999900", reason)),
                loaded.quarantine().select(Columns.LINE, Columns.RAW_VALUE, Columns.REASON), 0);
        assertRowsEqualIgnoringOrder(List.of(row("355", 1970), row("356", next)),
                loaded.observations().filter(col(Columns.INDICATOR_ID).equalTo("referrals"))
                        .select(Columns.OLD_LA_CODE, Columns.YEAR), 0);
    }

    @Test
    void aStrayByteOrderMarkAndZeroWidthCharactersAreStrippedAndControlCharactersQuarantined() throws IOException {
        Loaded loaded = load("time_period,geographic_level,old_la_code,new_la_code,la_name,referral_count,"
                + "rereferral_percent\n"
                + "2025,Local authority,352,E08000003,\uFEFFManchester\u200B,6342,18.4\n"
                + "2025,Local authority,353,E08000004,Old\u0000ham,100,1\n"
                + "2025,Local authority,354,E08000005,Rochdale\u001B,100,1\n", REFERRALS);
        assertRowsEqualIgnoringOrder(List.of(
                row(3L, "la_name", "Old\u0000ham", "a control character (such as NUL) in la_name: the file is "
                        + "damaged or not plain text"),
                row(4L, "la_name", "Rochdale\u001B", "a control character (such as NUL) in la_name: the file is "
                        + "damaged or not plain text")),
                loaded.quarantine().select(Columns.LINE, Columns.COLUMN, Columns.RAW_VALUE, Columns.REASON), 0);
        assertRowsEqualIgnoringOrder(List.of(row("352", "Manchester")),
                loaded.observations().filter(col(Columns.INDICATOR_ID).equalTo("referrals"))
                        .select(Columns.OLD_LA_CODE, Columns.LA_NAME), 0);
    }

    @Test
    void aDuplicateKeyNamesBothLinesAndBothValues() throws IOException {
        Loaded loaded = load("""
                time_period,geographic_level,old_la_code,new_la_code,la_name,referral_count,rereferral_percent
                2025,Local authority,352,E08000003,Manchester,5600,18.4
                2025,Local authority,353,E08000004,Oldham,100,1
                2025,Local authority,352,E08000003,Manchester,5610,c
                """, REFERRALS);
        assertRowsEqualIgnoringOrder(List.of(row(4L, "duplicate of line 2 (same period, geography and dimensions; "
                + "values referral_count 5600, rereferral_percent 18.4); this line's values referral_count 5610, "
                + "rereferral_percent c")),
                loaded.quarantine().select(Columns.LINE, Columns.REASON), 0);
        assertRowsEqualIgnoringOrder(List.of(row("352", 5600.0), row("353", 100.0)),
                loaded.observations().filter(col(Columns.INDICATOR_ID).equalTo("referrals"))
                        .select(Columns.OLD_LA_CODE, Columns.VALUE), 0);
    }

    @Test
    void jointReturnsBelongToEachAuthority() throws IOException {
        Loaded loaded = load("""
                time_period,geographic_level,old_la_code,new_la_code,la_name,referral_count,rereferral_percent
                2025,Local authority,940 / 941,E06000061 / E06000062,North Northamptonshire / West Northamptonshire,421.5,10.4
                """, REFERRALS);
        assertRowsEqualIgnoringOrder(List.of(
                row("940", "E06000061", "North Northamptonshire", "940 / 941", 421.5),
                row("941", "E06000062", "West Northamptonshire", "940 / 941", 421.5)),
                loaded.observations().filter(col(Columns.INDICATOR_ID).equalTo("referrals"))
                        .select(Columns.OLD_LA_CODE, Columns.NEW_LA_CODE, Columns.LA_NAME, Columns.JOINT_RETURN_CODE,
                                Columns.VALUE), 1e-9);
    }

    @Test
    void measuresChosenByDimensionValueAndUnmappedValuesQuarantined() throws IOException {
        SourceSpec cla = source(List.of("population_type"),
                new MeasureSpec("cla_at_31_march", List.of("children_count", "number"), Unit.COUNT,
                        Map.of("population_type", List.of("Children looked after on 31 March each year",
                                "Children looked after at 31 March each year")), false),
                new MeasureSpec("cla_started", List.of("children_count", "number"), Unit.COUNT,
                        Map.of("population_type", List.of("Children starting to be looked after each year")), false));
        Loaded loaded = load("""
                time_period,geographic_level,old_la_code,population_type,number
                2024,Local authority,352,Children looked after AT 31 March each year,1200
                2024,Local authority,352,Children starting to be looked after each year,400
                2024,Local authority,352,Children adopted,50
                2024,Local authority,353,,50
                """, cla);
        assertRowsEqualIgnoringOrder(List.of(row("cla_at_31_march", 1200.0), row("cla_started", 400.0)),
                loaded.observations().select(Columns.INDICATOR_ID, Columns.VALUE), 1e-9);
        String unmapped = "no measure is mapped to this value; add it to a measure's 'when', or to 'ignore', in the source entry";
        // A blank value is no measure's either: quarantined, not loaded without observations.
        assertRowsEqualIgnoringOrder(List.of(row(4L, "population_type", "Children adopted", unmapped),
                row(5L, "population_type", null, unmapped)),
                loaded.quarantine().select(Columns.LINE, Columns.COLUMN, Columns.RAW_VALUE, Columns.REASON), 0);
    }

    @Test
    void aMissingColumnFailsTheFileNamingIt() throws IOException {
        Path file = dir.resolve("nocol.csv");
        Files.writeString(file, "time_period,geographic_level,old_la_code,referral_count\n2025,National,,1\n");
        Header header = new Header(file.toString(), CsvLines.parseHeader(Files.readAllLines(file).get(0), ","));
        CsbenchException e = assertThrows(CsbenchException.class, () -> EesLayout.resolve(header, REFERRALS));
        assertTrue(e.getMessage().startsWith(file + ": line 1 (header): expected column(s) rereferral_percent, not found"),
                e.getMessage());
    }

    @Test
    void aPatternThatMatchesNothingOrGivesABadOrRepeatedIdFailsTheFileNamingTheColumn() throws IOException {
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, "time_period,geographic_level,3_months,3 Months,rate\n2025,National,1,2,3\n");
        Header header = new Header(file.toString(), CsvLines.parseHeader(Files.readAllLines(file).get(0), ","));
        CsbenchException nothing = assertThrows(CsbenchException.class, () -> EesLayout.resolve(header,
                patterns(new MeasurePattern(List.of("*_percent"), List.of(), "{column}", Unit.PERCENT, Map.of()))));
        assertTrue(nothing.getMessage().startsWith(file + ": line 1 (header): expected column(s) a column matching "
                + "*_percent (measures_from), not found"), nothing.getMessage());
        CsbenchException digit = assertThrows(CsbenchException.class, () -> EesLayout.resolve(header,
                patterns(new MeasurePattern(List.of("3*"), List.of(), "{column}", Unit.COUNT, Map.of()))));
        assertEquals(file + ": line 1 (header): column '3_months' gives the indicator id '3_months', which is not lower "
                + "snake case starting with a letter; give measures_from an indicator template such as x_{column}, or "
                + "list the column under measures", digit.getMessage());
        CsbenchException twice = assertThrows(CsbenchException.class, () -> EesLayout.resolve(header,
                patterns(new MeasurePattern(List.of("3*"), List.of(), "d_{column}", Unit.COUNT, Map.of()))));
        assertEquals(file + ": line 1 (header): column '3 Months' gives the indicator id 'd_3_months', already given "
                + "by column '3_months'; list one of them under measures or except", twice.getMessage());
        EesLayout layout = EesLayout.resolve(header, patterns(
                new MeasurePattern(List.of("*"), List.of("3 months"), "d_{column}", Unit.COUNT, Map.of())));
        assertEquals(List.of("3_months:d_3_months", "rate:d_rate"), layout.measures().stream()
                .map(m -> m.column() + ":" + m.spec().indicator()).toList());
    }

    private static SourceSpec patterns(MeasurePattern... patterns) {
        return new SourceSpec("t", SourceFormat.EES, "unused", null, null, PeriodSpec.REPORTING_YEAR, List.of(),
                List.of(), null, List.of(), null, Map.of(), ",", null, List.of(patterns), IgnoreSpec.NONE);
    }

    private record Loaded(Dataset<Row> checked, Dataset<Row> observations, Dataset<Row> quarantine) {
    }

    private static Loaded load(String csv, SourceSpec source) throws IOException {
        Path file = dir.resolve("f" + System.nanoTime() + ".csv");
        Files.write(file, csv.getBytes(StandardCharsets.UTF_8));
        SourceFile sourceFile = SourceFile.inspect(file.toString(), spark.sparkContext().hadoopConfiguration());
        Header header = new Header(file.toString(), CsvLines.parseHeader(sourceFile.headerLine(), ","));
        EesLayout layout = EesLayout.resolve(header, source);
        Dataset<Row> checked = EesTransform.check(CsvLines.read(spark, sourceFile, header.size(), ","), layout).cache();
        Lineage lineage = new Lineage("t", file.toString(), sourceFile.sha256(), "load-1",
                new Timestamp(0), "v1");
        return new Loaded(checked, EesTransform.observations(checked, layout, source),
                Quarantine.from(checked, lineage));
    }

    private static SourceSpec source(List<String> dimensions, MeasureSpec... measures) {
        return new SourceSpec("t", SourceFormat.EES, "unused", null, null, PeriodSpec.REPORTING_YEAR,
                dimensions.stream().map(DimensionSpec::of).toList(), List.of(measures), null, List.of(), null,
                Map.of("national", 10.0), ",", null, List.of(), IgnoreSpec.NONE);
    }
}
