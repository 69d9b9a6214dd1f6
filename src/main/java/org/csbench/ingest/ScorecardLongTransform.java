package org.csbench.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.config.MeasureSpec;
import org.csbench.config.SourceSpec;
import org.csbench.model.Columns;
import org.csbench.model.Errors;
import org.csbench.model.GeographicLevel;
import org.csbench.model.Unit;

/**
 * Monthly scorecard values in long form (one row per LA, indicator and month) -> month observations. The
 * source's measures map council references ({@code CIN1}) to measure ids and units; an unmapped reference
 * becomes its own measure id ({@code cin1}), a percentage when its cells carry {@code %}.
 */
public final class ScorecardLongTransform {
    public static final String REF = "ref";
    public static final String MONTH = "month";
    public static final String INDICATOR_TEXT = "indicator_text";
    static final String LA_CODE_PATTERN = "^[A-Za-z0-9]{2,10}$";
    /** The month a row's month cell names, its value's number, status and symbol: each cell is read once. */
    static final String MONTH_START = "_month_start";
    static final String NUMBER = "_number";
    static final String STATUS = "_status";
    static final String SYMBOL = "_symbol";
    /** What is wrong with a row on its own (everything but a repeated key), as {@link RowErrors#ERRORS}. */
    static final String ROW_ERRORS = "_row_errors";

    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(Columns.OLD_LA_CODE, List.of("la_code", "old_la_code", "la"));
        COLUMNS.put(REF, List.of("ref", "indicator_id", "measure"));
        COLUMNS.put(MONTH, List.of("month", "period", "time_period"));
        COLUMNS.put(Columns.VALUE, List.of("value"));
    }

    private static final Map<String, List<String>> OPTIONAL = Map.of(
            Columns.LA_NAME, List.of("la_name", "la name"),
            Columns.REGION_CODE, List.of("region_code"),
            INDICATOR_TEXT, List.of("indicator", "indicator_name"));

    private ScorecardLongTransform() {
    }

    /** Positions of the columns in this file; fails naming any required one that is missing. */
    public static Map<String, Integer> resolve(Header header) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        COLUMNS.forEach((name, aliases) -> {
            OptionalInt at = header.find(aliases);
            if (at.isPresent()) {
                positions.put(name, at.getAsInt());
            } else {
                missing.add(String.join(" or ", aliases));
            }
        });
        if (!missing.isEmpty()) {
            throw Errors.missingColumns(header.file(), missing, header.names());
        }
        OPTIONAL.forEach((name, aliases) -> header.find(aliases).ifPresent(at -> positions.put(name, at)));
        return positions;
    }

    /**
     * The rows parsed and checked once, for the caller to keep in memory: line number, raw fields, each cell's
     * reading ({@link #MONTH_START}, {@link #NUMBER}, {@link #STATUS}, {@link #SYMBOL}) and what is wrong with the
     * row on its own ({@link #ROW_ERRORS}). The line's text is kept only where its fields cannot give it back (a
     * blank or short line, or one with quotes).
     */
    public static Dataset<Row> parse(Dataset<Row> lines, Header header, Map<String, Integer> positions,
            SourceSpec source, KnownAuthorities authorities) {
        Column text = col(CsvLines.TEXT);
        List<Column> columns = new ArrayList<>(List.of(col(CsvLines.LINE), text, col(CsvLines.FIELD_COUNT)));
        for (int i = 0; i < header.size(); i++) {
            columns.add(col(CsvLines.field(i)));
        }
        Column month = named(positions, MONTH);
        Column value = named(positions, Columns.VALUE);
        columns.add(ScorecardCells.monthStart(month).as(MONTH_START));
        columns.add(ScorecardCells.value(value).as(NUMBER));
        columns.add(ScorecardCells.status(value).as(STATUS));
        columns.add(ScorecardCells.symbol(value).as(SYMBOL));
        Column blankLine = blank();
        Column unclosedQuote = CsvLines.hasUnclosedQuote();
        Column fieldsOk = wellFormed(header);
        Column la = named(positions, Columns.OLD_LA_CODE);
        Column ref = named(positions, REF);
        Column implausibleMonth = implausibleMonth(month, source);
        Column unit = mappedUnit(ref, source.measures(), value);
        RowErrors errors = new RowErrors()
                .add(blankLine, RowErrors.WHOLE_ROW, text, "empty line")
                .add(unclosedQuote, RowErrors.WHOLE_ROW, text, CsvLines.unclosedQuoteReason(header))
                .add(blankLine.unary_$bang().and(unclosedQuote.unary_$bang()).and(fieldsOk.unary_$bang()),
                        RowErrors.WHOLE_ROW, text,
                        concat(lit("expected " + header.size() + " fields as in the header, found "),
                                col(CsvLines.FIELD_COUNT).cast(DataTypes.StringType)))
                .add(fieldsOk.and(la.isNull().or(la.rlike(LA_CODE_PATTERN).unary_$bang())), published(header, positions,
                        Columns.OLD_LA_CODE), la, "not an LA code such as 352")
                .add(fieldsOk.and(la.rlike(LA_CODE_PATTERN)).and(authorities.isUnknown(la)),
                        published(header, positions, Columns.OLD_LA_CODE), la, authorities.reason(la))
                .add(fieldsOk.and(ref.isNull()), published(header, positions, REF), ref, "missing indicator reference")
                .add(fieldsOk.and(col(MONTH_START).isNull()).and(implausibleMonth.isNull()),
                        published(header, positions, MONTH), month,
                        "not a month like 2023-04 or Apr-23")
                .add(fieldsOk.and(implausibleMonth.isNotNull()), published(header, positions, MONTH), month,
                        implausibleMonth)
                .add(fieldsOk.and(col(STATUS).isNull()), published(header, positions, Columns.VALUE),
                        value, ScorecardCells.NOT_A_VALUE)
                .add(fieldsOk.and(ScorecardCells.outsideNaturalRange(col(NUMBER), unit)),
                        published(header, positions, Columns.VALUE), value, ScorecardCells.outOfRangeReason(unit));
        for (String name : List.of(Columns.OLD_LA_CODE, REF, Columns.LA_NAME, Columns.REGION_CODE, INDICATOR_TEXT)) {
            if (positions.containsKey(name)) {
                String column = published(header, positions, name);
                errors.add(fieldsOk.and(Cells.hasControlCharacter(named(positions, name))), column,
                        named(positions, name), Cells.controlCharacterReason(column));
            }
        }
        columns.add(col(CsvLines.UNCLOSED_QUOTE));
        return lines.select(columns.toArray(Column[]::new))
                .withColumn(ROW_ERRORS, errors.concatenated())
                .withColumn(CsvLines.TEXT, when(fieldsOk.unary_$bang().or(text.contains("\"")), text));
    }

    /**
     * {@link #parse}'s rows with the named columns and {@link RowErrors#ERRORS} (the row's own problems and a
     * repeated key); {@link CsvLines#TEXT} is the line as read for a quarantined row, null for a good one.
     */
    public static Dataset<Row> check(Dataset<Row> parsed, Header header, Map<String, Integer> positions,
            String delimiter) {
        List<Column> named = new ArrayList<>();
        List<Column> fields = new ArrayList<>();
        for (String column : parsed.columns()) {
            named.add(col(column));
        }
        for (int i = 0; i < header.size(); i++) {
            fields.add(coalesce(col(CsvLines.field(i)), lit("")));
        }
        for (String name : List.of(Columns.OLD_LA_CODE, REF, MONTH, Columns.VALUE, Columns.LA_NAME, Columns.REGION_CODE,
                INDICATOR_TEXT)) {
            named.add(named(positions, name).as(name));
        }
        // A kept line as read; otherwise its fields give it back exactly (no quotes, as many fields as the header).
        Column text = coalesce(col(CsvLines.TEXT), concat_ws(delimiter, fields.toArray(Column[]::new)));
        Column fieldsOk = wellFormed(header);
        Column firstLine = col(Duplicates.FIRST_LINE);
        Column repeated = new RowErrors()
                .add(fieldsOk.and(firstLine.isNotNull()).and(col(CsvLines.LINE).notEqual(firstLine)), RowErrors.WHOLE_ROW, text,
                        Duplicates.reason("same LA, indicator and month", "value", col(Columns.VALUE)))
                .toColumn();
        Dataset<Row> rows = Duplicates.withFirstLine(parsed.select(named.toArray(Column[]::new)),
                List.of(col(Columns.OLD_LA_CODE), lower(col(REF)), col(MONTH_START)), fieldsOk, col(Columns.VALUE));
        return rows.withColumn(RowErrors.ERRORS, when(firstLine.isNull(), col(ROW_ERRORS))
                        .otherwise(concat(col(ROW_ERRORS), repeated)))
                .drop(Duplicates.FIRST_LINE, Duplicates.FIRST_VALUE, ROW_ERRORS, CsvLines.UNCLOSED_QUOTE)
                .withColumn(CsvLines.TEXT, when(size(col(RowErrors.ERRORS)).gt(0), text));
    }

    /** True for a line with as many fields as the header that is not blank and has no unclosed quote. */
    private static Column wellFormed(Header header) {
        return col(CsvLines.FIELD_COUNT).equalTo(header.size()).and(blank().unary_$bang())
                .and(CsvLines.hasUnclosedQuote().unary_$bang());
    }

    /**
     * Why a month cell cannot be right (see {@link ScorecardCells#implausibleMonth}): after the source's report
     * month when it names one, otherwise after the current month.
     */
    private static Column implausibleMonth(Column month, SourceSpec source) {
        boolean reported = source.scorecard() != null && source.scorecard().reportMonth() != null;
        YearMonth last = reported ? source.scorecard().reportMonth() : YearMonth.now(ZoneOffset.UTC);
        return ScorecardCells.implausibleMonth(month, col(MONTH_START), last,
                reported ? "the report month " + last : "this month (" + last + "): a month in the future");
    }

    /** True for an empty or all-space line (such a line's text is always kept). */
    private static Column blank() {
        Column text = coalesce(col(CsvLines.TEXT), col(CsvLines.field(0)), lit(""));
        return col(CsvLines.FIELD_COUNT).equalTo(1).and(trim(text).equalTo(""));
    }

    /** The trimmed field a named column is read from (null when blank), or a null string when the file lacks it. */
    private static Column named(Map<String, Integer> positions, String name) {
        Integer at = positions.get(name);
        return at == null ? lit(null).cast(DataTypes.StringType) : Cells.cleanedSkippingAscii(col(CsvLines.field(at)));
    }

    /** The column of {@link #byRef}'s rows naming the ref (not {@link #REF}, which the rows it is joined to carry). */
    static final String LOOKUP_REF = "_lookup_ref";
    /** The column of {@link #byRef}'s rows naming the indicator the ref maps to. */
    static final String LOOKUP_INDICATOR = "_lookup_indicator";

    /**
     * One month observation per good row; {@code byRef} ({@link #byRef}: the indicator of each of the extract's refs)
     * names each row's indicator, or null to map each row's ref itself.
     */
    public static Dataset<Row> observations(Dataset<Row> checked, Dataset<Row> byRef, SourceSpec source) {
        Dataset<Row> good = checked.filter(size(col(RowErrors.ERRORS)).equalTo(0));
        Column indicator = measureId(col(REF), source.measures());
        if (byRef != null) {
            // Looked up among the extract's few distinct refs, not mapped row by row with a regular expression (a
            // ref missing from the lookup is still mapped); CompiledChecksTest compares the two.
            good = good.join(broadcast(byRef), col(REF).equalTo(col(LOOKUP_REF)), "left").drop(LOOKUP_REF);
            indicator = coalesce(col(LOOKUP_INDICATOR), indicator);
        }
        return monthObservations(good, col(Columns.OLD_LA_CODE), col(Columns.LA_NAME), col(Columns.REGION_CODE),
                col(REF), indicator, col(MONTH_START), col(Columns.VALUE), col(NUMBER), col(STATUS), col(SYMBOL),
                source);
    }

    /**
     * A checked row's {@link #REF} when the row is good, null when it is quarantined: collected while the rows are
     * counted, so that {@link #byRef} gives the extract's indicators without another pass over its millions of
     * rows (the refs are plain strings; mapping them row by row is what costs).
     */
    public static Column goodRef() {
        return when(size(col(RowErrors.ERRORS)).equalTo(0), col(REF));
    }

    /**
     * The indicator {@link #observations} gives rows with each of {@code refs}: {@link #LOOKUP_REF} and
     * {@link #LOOKUP_INDICATOR}, as many rows as refs.
     */
    public static Dataset<Row> byRef(SparkSession spark, List<String> refs, SourceSpec source) {
        List<Row> rows = refs.stream().map(ref -> RowFactory.create(ref)).toList();
        Dataset<Row> named = spark.createDataFrame(rows, new StructType().add(REF, DataTypes.StringType));
        return named.select(col(REF).as(LOOKUP_REF), measureId(col(REF), source.measures()).as(LOOKUP_INDICATOR));
    }

    /**
     * The indicators of {@link #byRef}'s refs (a query of as many rows as refs). {@code ScorecardLoadTest} checks
     * that a long extract sharing an indicator with another source is decided.
     */
    public static Set<String> indicators(Dataset<Row> byRef) {
        return new TreeSet<>(byRef.select(col(LOOKUP_INDICATOR)).as(Encoders.STRING()).collectAsList());
    }

    /** The observation columns for month values; shared with the wide scorecard. */
    static Dataset<Row> monthObservations(Dataset<Row> rows, Column laCode, Column laName, Column regionCode,
            Column ref, Column monthStart, Column raw, SourceSpec source) {
        return monthObservations(rows, laCode, laName, regionCode, ref, measureId(ref, source.measures()), monthStart,
                raw, ScorecardCells.value(raw), ScorecardCells.status(raw), ScorecardCells.symbol(raw), source);
    }

    /** As above, with the ref's indicator and the cell's number, status and symbol already read. */
    static Dataset<Row> monthObservations(Dataset<Row> rows, Column laCode, Column laName, Column regionCode,
            Column ref, Column indicator, Column monthStart, Column raw, Column number, Column status, Column symbol,
            SourceSpec source) {
        Column unit = mappedUnit(ref, source.measures(), raw);
        Column decimals = when(raw.rlike("\\.\\d+%?$"), length(regexp_extract(raw, "\\.(\\d+)%?$", 1))).otherwise(0);
        return rows.select(
                indicator.as(Columns.INDICATOR_ID),
                ref.as(Columns.SOURCE_COLUMN),
                unit.as(Columns.UNIT),
                date_format(monthStart, "yyyy-MM").as(Columns.TIME_PERIOD),
                lit("Month").as(Columns.TIME_IDENTIFIER),
                lit("month").as(Columns.PERIOD_TYPE),
                year(monthStart).as(Columns.YEAR),
                last_day(monthStart).as(Columns.PERIOD_END),
                lit(GeographicLevel.LOCAL_AUTHORITY.code()).as(Columns.GEOGRAPHIC_LEVEL),
                lit("E92000001").as(Columns.COUNTRY_CODE),
                regionCode.as(Columns.REGION_CODE),
                lit(null).cast(DataTypes.StringType).as(Columns.REGION_NAME),
                laCode.as(Columns.OLD_LA_CODE),
                lit(null).cast(DataTypes.StringType).as(Columns.NEW_LA_CODE),
                laName.as(Columns.LA_NAME),
                lit(null).cast(DataTypes.StringType).as(Columns.JOINT_RETURN_CODE),
                lit(null).cast(DataTypes.StringType).as(Columns.DIMENSION),
                number.as(Columns.VALUE),
                status.as(Columns.STATUS),
                symbol.as(Columns.STATUS_SYMBOL),
                raw.as(Columns.RAW_VALUE),
                when(number.isNull(), lit(null).cast(DataTypes.DoubleType))
                        .when(unit.equalTo(Unit.COUNT.code()), lit(0.0))
                        .otherwise(pow(lit(10.0), decimals.multiply(-1))).as(Columns.ROUNDING_UNIT),
                col(CsvLines.LINE));
    }

    /** The measure id a council reference maps to; an unmapped reference in lower snake case. */
    static Column measureId(Column ref, List<MeasureSpec> measures) {
        Column id = lower(regexp_replace(trim(ref), "[^A-Za-z0-9]+", "_"));
        for (MeasureSpec measure : measures) {
            id = when(lower(trim(ref)).isin(lowered(measure.columns())), lit(measure.indicator())).otherwise(id);
        }
        return id;
    }

    static Column mappedUnit(Column ref, List<MeasureSpec> measures, Column raw) {
        Column unit = when(ScorecardCells.isPercent(raw), lit(Unit.PERCENT.code())).otherwise(lit(Unit.COUNT.code()));
        for (MeasureSpec measure : measures) {
            unit = when(lower(trim(ref)).isin(lowered(measure.columns())), lit(measure.unit().code())).otherwise(unit);
        }
        return unit;
    }

    private static Object[] lowered(List<String> values) {
        return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toArray();
    }

    private static String published(Header header, Map<String, Integer> positions, String name) {
        return header.names().get(positions.get(name));
    }
}
