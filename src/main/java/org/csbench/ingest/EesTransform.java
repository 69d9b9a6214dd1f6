package org.csbench.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.config.PeriodSpec;
import org.csbench.config.SourceSpec;
import org.csbench.model.Columns;
import org.csbench.model.GeographicLevel;
import org.csbench.model.Unit;

/**
 * DfE Explore Education Statistics tidy CSV -> checked rows -> long typed observations. Pure transforms: no
 * I/O. {@link #check} names the columns and lists each row's problems; {@link #observations} turns the good
 * rows into one row per measure (and per authority, for joint returns such as {@code 940 / 941}).
 */
public final class EesTransform {
    /** True for a good row the source's {@code ignore} leaves out: neither loaded nor quarantined, counted. */
    public static final String IGNORED = "_ignored";
    private static final String MEASURE = "_m";
    private static final String DIMENSION = "_dim";
    private static final String OBS = "_obs";
    private static final String CODES = "_codes";
    private static final String POS = "_pos";
    private static final String LA_CODE_PATTERN = "^\\d{3}(\\s*/\\s*\\d{3})*$";
    private static final String JOINT_SEPARATOR = "\\s*/\\s*";

    private EesTransform() {
    }

    static String measureColumn(int k) {
        return MEASURE + k;
    }

    static String dimensionColumn(int k) {
        return DIMENSION + k;
    }

    /**
     * The file's rows with trimmed, named columns ({@link EesLayout#REQUIRED}, {@link EesLayout#OPTIONAL},
     * dimensions, measures) and {@link RowErrors#ERRORS}: the reasons a row cannot be loaded.
     */
    public static Dataset<Row> check(Dataset<Row> lines, EesLayout layout) {
        return check(lines, layout, KnownAuthorities.standard());
    }

    /** As above, with the authority codes a Local authority row may carry. */
    public static Dataset<Row> check(Dataset<Row> lines, EesLayout layout, KnownAuthorities authorities) {
        List<Column> named = new ArrayList<>(List.of(col(CsvLines.LINE), col(CsvLines.TEXT), col(CsvLines.FIELD_COUNT),
                col(CsvLines.UNCLOSED_QUOTE)));
        for (String name : joined(EesLayout.REQUIRED, EesLayout.OPTIONAL)) {
            named.add(layout.position(name).isPresent()
                    ? cleaned(col(CsvLines.field(layout.position(name).getAsInt()))).as(name)
                    : lit(null).cast(DataTypes.StringType).as(name));
        }
        List<String> dimensionNames = new ArrayList<>(layout.dimensions().keySet());
        for (int d = 0; d < dimensionNames.size(); d++) {
            named.add(cleaned(col(CsvLines.field(layout.dimensions().get(dimensionNames.get(d))))).as(dimensionColumn(d)));
        }
        for (int k = 0; k < layout.measures().size(); k++) {
            named.add(cleaned(col(CsvLines.field(layout.measures().get(k).index()))).as(measureColumn(k)));
        }
        Dataset<Row> rows = lines.select(named.toArray(Column[]::new));

        Column text = col(CsvLines.TEXT);
        Column blankLine = trim(text).equalTo("");
        Column unclosedQuote = CsvLines.hasUnclosedQuote();
        Column fieldsOk = col(CsvLines.FIELD_COUNT).equalTo(layout.header().size()).and(blankLine.unary_$bang())
                .and(unclosedQuote.unary_$bang());
        Column timePeriod = col(Columns.TIME_PERIOD);
        Column level = lower(col(Columns.GEOGRAPHIC_LEVEL));
        Column isLa = level.equalTo(GeographicLevel.LOCAL_AUTHORITY.label().toLowerCase(Locale.ROOT));

        List<Column> rowKey = new ArrayList<>(List.of(timePeriod, level, col(Columns.REGION_CODE),
                col(Columns.OLD_LA_CODE), col(Columns.NEW_LA_CODE)));
        for (int d = 0; d < dimensionNames.size(); d++) {
            rowKey.add(lower(col(dimensionColumn(d))));
        }
        rows = Duplicates.withFirstLine(rows, rowKey, fieldsOk, measureValues(layout));
        Column firstLine = col(Duplicates.FIRST_LINE);
        Column year = substring(timePeriod, 1, 4).try_cast(DataTypes.IntegerType);

        RowErrors errors = new RowErrors()
                .add(blankLine, RowErrors.WHOLE_ROW, text, "empty line")
                .add(unclosedQuote, RowErrors.WHOLE_ROW, text, CsvLines.unclosedQuoteReason(layout.header()))
                .add(blankLine.unary_$bang().and(unclosedQuote.unary_$bang()).and(fieldsOk.unary_$bang()),
                        RowErrors.WHOLE_ROW, text,
                        concat(lit("expected " + layout.header().size() + " fields as in the header, found "),
                                col(CsvLines.FIELD_COUNT).cast(DataTypes.StringType)))
                .add(fieldsOk.and(validPeriod(timePeriod).unary_$bang()), Columns.TIME_PERIOD, timePeriod,
                        "not a year like 2025 or a financial year like 202425")
                .add(fieldsOk.and(validPeriod(timePeriod)).and(Cells.plausibleYear(year).unary_$bang()),
                        Columns.TIME_PERIOD, timePeriod, Cells.implausibleYearReason())
                .add(fieldsOk.and(levelKnown(level).unary_$bang()), Columns.GEOGRAPHIC_LEVEL,
                        col(Columns.GEOGRAPHIC_LEVEL), "unknown geographic level; expected National, Regional or Local authority")
                .add(fieldsOk.and(isLa).and(col(Columns.OLD_LA_CODE).isNull()
                        .or(col(Columns.OLD_LA_CODE).rlike(LA_CODE_PATTERN).unary_$bang())), Columns.OLD_LA_CODE,
                        col(Columns.OLD_LA_CODE), "a Local authority row needs a 3-digit old_la_code")
                .add(fieldsOk.and(isLa).and(col(Columns.OLD_LA_CODE).rlike(LA_CODE_PATTERN))
                        .and(authorities.isUnknown(col(Columns.OLD_LA_CODE))), Columns.OLD_LA_CODE,
                        col(Columns.OLD_LA_CODE), authorities.reason(col(Columns.OLD_LA_CODE)))
                .add(fieldsOk.and(level.equalTo("regional")).and(col(Columns.REGION_CODE).isNull()),
                        Columns.REGION_CODE, col(Columns.REGION_CODE), "a Regional row needs a region_code")
                .add(fieldsOk.and(firstLine.isNotNull()).and(col(CsvLines.LINE).notEqual(firstLine)), RowErrors.WHOLE_ROW, text,
                        Duplicates.reason("same period, geography and dimensions", "values", measureValues(layout)));
        for (String name : joined(EesLayout.REQUIRED, EesLayout.OPTIONAL)) {
            if (layout.position(name).isPresent()) {
                errors.add(fieldsOk.and(Cells.hasControlCharacter(col(name))), name, col(name),
                        Cells.controlCharacterReason(name));
            }
        }
        for (int d = 0; d < dimensionNames.size(); d++) {
            String published = layout.header().names().get(layout.dimensions().get(dimensionNames.get(d)));
            errors.add(fieldsOk.and(Cells.hasControlCharacter(col(dimensionColumn(d)))), published,
                    col(dimensionColumn(d)), Cells.controlCharacterReason(published));
        }
        boolean mapped = layout.measures().stream().anyMatch(m -> !m.spec().when().isEmpty());
        Column anyApplies = lit(false);
        for (int k = 0; k < layout.measures().size(); k++) {
            anyApplies = anyApplies.or(applies(layout, k, dimensionNames));
        }
        anyApplies = coalesce(anyApplies, lit(false)); // a blank dimension value matches no measure's 'when'

        Column ignored = ignored(layout, dimensionNames, anyApplies);
        Column kept = ignored.unary_$bang();
        if (mapped && !dimensionNames.isEmpty()) {
            // With several dimensions the reason names them all and their values, e.g. "19 to 21 | In custody".
            List<String> headerNames = dimensionNames.stream()
                    .map(d -> layout.header().names().get(layout.dimensions().get(d))).toList();
            List<Column> values = new ArrayList<>();
            for (int d = 0; d < dimensionNames.size(); d++) {
                values.add(col(dimensionColumn(d)));
            }
            errors.add(fieldsOk.and(kept).and(anyApplies.unary_$bang()), String.join(" | ", headerNames),
                    values.size() == 1 ? values.get(0) : concat_ws(" | ", values.toArray(Column[]::new)),
                    "no measure is mapped to this value; add it to a measure's 'when', or to 'ignore', in the source entry");
        }
        for (int k = 0; k < layout.measures().size(); k++) {
            Column cell = col(measureColumn(k));
            errors.add(fieldsOk.and(kept).and(applies(layout, k, dimensionNames)).and(Cells.isValid(cell).unary_$bang()),
                    layout.measures().get(k).column(), cell, Cells.NOT_A_VALUE);
            Unit unit = layout.measures().get(k).spec().unit();
            errors.add(fieldsOk.and(kept).and(applies(layout, k, dimensionNames)).and(Cells.outsideNaturalRange(cell, unit)),
                    layout.measures().get(k).column(), cell, unit.outOfRangeReason());
        }
        return rows.withColumn(RowErrors.ERRORS, errors.toColumn())
                .withColumn(IGNORED, size(col(RowErrors.ERRORS)).equalTo(0).and(ignored))
                .drop(Duplicates.FIRST_LINE, Duplicates.FIRST_VALUE, CsvLines.UNCLOSED_QUOTE);
    }

    /**
     * Whether the source's {@code ignore} leaves the row out: one of its dimension values is listed there, or
     * {@code unmapped} is set and no measure applies to it.
     */
    private static Column ignored(EesLayout layout, List<String> dimensionNames, Column anyApplies) {
        Column ignored = layout.ignore().unmapped() ? anyApplies.unary_$bang() : lit(false);
        for (Map.Entry<String, List<String>> entry : layout.ignore().values().entrySet()) {
            ignored = ignored.or(isIn(col(dimensionColumn(indexIgnoringCase(dimensionNames, entry.getKey()))),
                    entry.getValue()));
        }
        return coalesce(ignored, lit(false));
    }

    /** Whether the trimmed dimension value is one of {@code values}, ignoring case. */
    private static Column isIn(Column dimension, List<String> values) {
        return lower(dimension).isin(values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toArray());
    }

    /**
     * One observation per good row, applicable measure and authority, in the {@code silver.observation}
     * layout (without lineage; see {@link Lineage}).
     */
    public static Dataset<Row> observations(Dataset<Row> checked, EesLayout layout, SourceSpec source) {
        PeriodSpec period = source.period();
        List<String> dimensionNames = new ArrayList<>(layout.dimensions().keySet());
        List<Column> measures = new ArrayList<>();
        for (int k = 0; k < layout.measures().size(); k++) {
            EesLayout.Measure m = layout.measures().get(k);
            measures.add(when(applies(layout, k, dimensionNames), struct(
                    lit(m.spec().indicator()).as(Columns.INDICATOR_ID),
                    lit(m.column()).as(Columns.SOURCE_COLUMN),
                    lit(m.spec().unit().code()).as(Columns.UNIT),
                    col(measureColumn(k)).as(Columns.RAW_VALUE))));
        }
        List<Column> dimensionValues = new ArrayList<>();
        for (int d = 0; d < dimensionNames.size(); d++) {
            dimensionValues.add(col(dimensionColumn(d)));
        }
        Column oldCode = col(Columns.OLD_LA_CODE);
        Dataset<Row> perMeasure = checked.filter(size(col(RowErrors.ERRORS)).equalTo(0).and(col(IGNORED).unary_$bang()))
                .withColumn(Columns.DIMENSION, dimensionValues.isEmpty() ? lit(null).cast(DataTypes.StringType)
                        : concat_ws(" | ", dimensionValues.toArray(Column[]::new)))
                .withColumn(CODES, when(oldCode.isNull(), array(lit(null).cast(DataTypes.StringType)))
                        .otherwise(split(oldCode, JOINT_SEPARATOR)))
                .withColumn(OBS, explode(filter(array(measures.toArray(Column[]::new)), Column::isNotNull)));
        Dataset<Row> perAuthority = perMeasure.select(col("*"), posexplode(col(CODES)).as(new String[] {POS, "_code"}));

        Column tp = col(Columns.TIME_PERIOD);
        Column year = when(tp.rlike("^\\d{4}$"), tp.try_cast(DataTypes.IntegerType))
                .otherwise(substring(tp, 1, 4).try_cast(DataTypes.IntegerType).plus(1));
        Column joint = size(col(CODES)).gt(1);
        Column raw = col(OBS + "." + Columns.RAW_VALUE);
        return perAuthority.select(
                col(OBS + "." + Columns.INDICATOR_ID).as(Columns.INDICATOR_ID),
                col(OBS + "." + Columns.SOURCE_COLUMN).as(Columns.SOURCE_COLUMN),
                col(OBS + "." + Columns.UNIT).as(Columns.UNIT),
                tp.as(Columns.TIME_PERIOD),
                col(Columns.TIME_IDENTIFIER),
                lit(period.type()).as(Columns.PERIOD_TYPE),
                year.as(Columns.YEAR),
                make_date(year, lit(period.end().getMonthValue()), lit(period.end().getDayOfMonth())).as(Columns.PERIOD_END),
                levelCode(lower(col(Columns.GEOGRAPHIC_LEVEL))).as(Columns.GEOGRAPHIC_LEVEL),
                col(Columns.COUNTRY_CODE),
                col(Columns.REGION_CODE),
                col(Columns.REGION_NAME),
                col("_code").as(Columns.OLD_LA_CODE),
                jointPart(col(Columns.NEW_LA_CODE), joint).as(Columns.NEW_LA_CODE),
                jointPart(col(Columns.LA_NAME), joint).as(Columns.LA_NAME),
                when(joint, oldCode).as(Columns.JOINT_RETURN_CODE),
                col(Columns.DIMENSION),
                Cells.value(raw).as(Columns.VALUE),
                Cells.status(raw).as(Columns.STATUS),
                Cells.symbol(raw).as(Columns.STATUS_SYMBOL),
                raw.as(Columns.RAW_VALUE),
                roundingUnit(raw, col(OBS + "." + Columns.UNIT), lower(col(Columns.GEOGRAPHIC_LEVEL)), source)
                        .as(Columns.ROUNDING_UNIT),
                col(CsvLines.LINE));
    }

    /**
     * How finely the published value was rounded: counts as the source declares for the level (e.g. national
     * and regional counts to the nearest 10; exact otherwise), other units by the decimals printed ({@code 421.5}
     * is to the nearest 0.1). Null for a symbol.
     */
    private static Column roundingUnit(Column raw, Column unit, Column level, SourceSpec source) {
        Column declared = lit(0.0);
        for (Map.Entry<String, Double> entry : source.roundedTo().entrySet()) {
            String label = GeographicLevel.valueOf(entry.getKey().toUpperCase(Locale.ROOT)).label().toLowerCase(Locale.ROOT);
            declared = when(level.equalTo(label), lit(entry.getValue())).otherwise(declared);
        }
        Column decimals = when(raw.rlike("\\.\\d+$"), length(regexp_extract(raw, "\\.(\\d+)$", 1))).otherwise(0);
        return when(Cells.value(raw).isNull(), lit(null).cast(DataTypes.DoubleType))
                .when(unit.equalTo(Unit.COUNT.code()), declared)
                .otherwise(pow(lit(10.0), decimals.multiply(-1)));
    }

    /** For a joint return, the part of {@code value} that belongs to the authority at this position. */
    private static Column jointPart(Column value, Column joint) {
        Column parts = split(value, JOINT_SEPARATOR);
        return when(joint.and(size(parts).equalTo(size(col(CODES)))), element_at(parts, col(POS).plus(1)))
                .otherwise(value);
    }

    /** A row's measure cells as they read, for a duplicate's reason: {@code referral_count 6342, ...}. */
    private static Column measureValues(EesLayout layout) {
        List<Column> parts = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int k = 0; k < layout.measures().size(); k++) {
            if (seen.add(layout.measures().get(k).index())) {
                parts.add(concat(lit(layout.measures().get(k).column() + " "),
                        coalesce(col(measureColumn(k)), lit("(blank)"))));
            }
        }
        return parts.isEmpty() ? lit("") : concat_ws(", ", parts.toArray(Column[]::new));
    }

    private static Column applies(EesLayout layout, int k, List<String> dimensionNames) {
        Map<String, List<String>> when = layout.measures().get(k).spec().when();
        Column applies = lit(true);
        for (Map.Entry<String, List<String>> entry : when.entrySet()) {
            applies = applies.and(isIn(col(dimensionColumn(indexIgnoringCase(dimensionNames, entry.getKey()))),
                    entry.getValue()));
        }
        return applies;
    }

    private static int indexIgnoringCase(List<String> names, String wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown dimension: " + wanted);
    }

    private static Column validPeriod(Column tp) {
        Column financialYear = tp.rlike("^\\d{6}$").and(substring(tp, 5, 2).try_cast(DataTypes.IntegerType)
                .equalTo(substring(tp, 3, 2).try_cast(DataTypes.IntegerType).plus(1).mod(100)));
        return tp.isNotNull().and(tp.rlike("^\\d{4}$").or(financialYear));
    }

    private static Column levelKnown(Column level) {
        Column known = lit(false);
        for (GeographicLevel l : GeographicLevel.values()) {
            known = known.or(level.equalTo(l.label().toLowerCase(Locale.ROOT)));
        }
        return level.isNotNull().and(known);
    }

    private static Column levelCode(Column level) {
        Column code = lit(null).cast(DataTypes.StringType);
        for (GeographicLevel l : GeographicLevel.values()) {
            code = when(level.equalTo(l.label().toLowerCase(Locale.ROOT)), lit(l.code())).otherwise(code);
        }
        return code;
    }

    /** Trimmed, with blanks as null and invisible characters removed (see {@link Cells#cleaned}). */
    static Column cleaned(Column field) {
        return Cells.cleaned(field);
    }

    private static List<String> joined(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
