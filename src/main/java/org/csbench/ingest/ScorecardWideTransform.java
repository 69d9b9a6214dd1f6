package org.csbench.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.config.MeasureSpec;
import org.csbench.config.SourceSpec;
import org.csbench.model.Columns;
import org.csbench.model.Unit;

/**
 * A council's monthly scorecard as published (one row per indicator; see {@link ScorecardWideLayout}) ->
 * month observations for {@code silver.observation} and one row per indicator for
 * {@code silver.scorecard_indicator} (current and previous-year values, target, comparator averages, RAG and
 * direction of travel as published).
 *
 * <p>It copes with what PDF extraction leaves: section header rows repeated with comparator years in their
 * names (kept as each row's comparator labels); rows shorter than the header (months, Current and Previous Year
 * are read from the left, Last 12 Months, Performance and Direction of Travel from the right; a short row whose
 * target or comparator cells cannot be aligned is quarantined); RAG look-alike letters; arrows as glyphs or
 * LaTeX; sparkline debris (ignored). A row without a usable Ref (missing, or damaged like {@code I UN24}) is
 * quarantined unless the source's measures map its Ref or its indicator text.
 */
public final class ScorecardWideTransform {
    public static final String TABLE = "silver.scorecard_indicator";
    public static final String REPORT_MONTH = "report_month";
    public static final String CURRENT_VALUE = "current_value";
    public static final String CURRENT_STATUS = "current_status";
    public static final String PREVIOUS_YEAR_VALUE = "previous_year_value";
    public static final String PREVIOUS_YEAR_STATUS = "previous_year_status";
    public static final String TARGET_TEXT = "target_text";
    public static final String TARGET_LOW = "target_low";
    public static final String TARGET_HIGH = "target_high";
    public static final String COMPARATORS = "comparators";
    public static final String SN_AVERAGE = "statistical_neighbour_average";
    public static final String REGION_AVERAGE = "region_average";
    public static final String ENGLAND_AVERAGE = "england_average";
    public static final String PERFORMANCE = "performance";
    public static final String DIRECTION = "direction";
    public static final String DIRECTION_RAW = "direction_raw";
    public static final String PERFORMANCE_RAW = "performance_raw";
    /** What an indicator reference looks like: a council's (FD1, FD2a, CIN10a, CF16) or a measure id (referrals). */
    public static final String REF_PATTERN = "^[A-Za-z]{1,6}\\d{1,3}[A-Za-z]?$|^[a-z][a-z0-9_]*$";
    static final String TARGET_PATTERN =
            "^(\\d+(\\.\\d+)?)%?(\\s*[-\u2013]\\s*(\\d+(\\.\\d+)?)%?)?$";

    private static final String FIELDS = "_fields";
    private static final String IS_HEADER = "_is_header";
    private static final String TEXT = "indicator_text";

    private ScorecardWideTransform() {
    }

    /** The rows with every column named and {@link RowErrors#ERRORS}. */
    public static Dataset<Row> check(Dataset<Row> lines, ScorecardWideLayout l, SourceSpec source) {
        int size = l.header().size();
        List<Column> fields = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            fields.add(col(CsvLines.field(i)));
        }
        Dataset<Row> rows = lines.withColumn(FIELDS, array(fields.toArray(Column[]::new)));
        Column fc = col(CsvLines.FIELD_COUNT);
        Column ref = EesTransform.cleaned(col(CsvLines.field(l.ref())));
        Column text = EesTransform.cleaned(col(CsvLines.field(l.indicator())));
        Column isHeader = lower(coalesce(ref, lit(""))).equalTo("ref").and(lower(coalesce(text, lit(""))).equalTo("indicator"));
        WindowSpec upToHere = Window.orderBy(col(CsvLines.LINE)).rowsBetween(Window.unboundedPreceding(), Window.currentRow());

        List<Column> named = new ArrayList<>(List.of(col(CsvLines.LINE), col(CsvLines.TEXT), fc, col(CsvLines.UNCLOSED_QUOTE),
                ref.as(ScorecardLongTransform.REF), text.as(TEXT), isHeader.as(IS_HEADER)));
        for (int m = 0; m < l.months().size(); m++) {
            named.add(at(l, l.months().get(m).index()).as("_month" + m));
        }
        named.add(at(l, l.current()).as("_current"));
        named.add(at(l, l.previousYear()).as("_previous"));
        named.add(at(l, l.target()).as(TARGET_TEXT));
        for (int c = 0; c < l.comparators().size(); c++) {
            ScorecardWideLayout.ComparatorColumn comparator = l.comparators().get(c);
            named.add(at(l, comparator.index()).as("_cmp" + c));
            named.add(coalesce(last(when(isHeader, trim(col(CsvLines.field(comparator.index())))), true).over(upToHere),
                    lit(comparator.label())).as("_cmp_label" + c));
        }
        named.add(at(l, l.performance()).as(PERFORMANCE_RAW));
        named.add(at(l, l.direction()).as(DIRECTION_RAW));
        int tailSize = size - l.tailStart();
        Column middleLength = greatest(fc.minus(tailSize).minus(l.leftEnd() + 1), lit(0));
        named.add(when(fc.lt(size), exists(slice(col(FIELDS), lit(l.leftEnd() + 2), middleLength),
                x -> trim(x).notEqual(""))).otherwise(lit(false)).as("_misaligned"));
        Dataset<Row> namedRows = rows.select(named.toArray(Column[]::new));

        List<Column> valueCells = new ArrayList<>();
        for (int m = 0; m < l.months().size(); m++) {
            valueCells.add(col("_month" + m));
        }
        valueCells.add(col("_current"));
        valueCells.add(col("_previous"));
        Column hasValues = lit(false);
        for (Column cell : valueCells) {
            hasValues = hasValues.or(Cells.isBlank(cell).unary_$bang());
        }
        Column refCol = col(ScorecardLongTransform.REF);
        Column mapped = isMapped(refCol, source.measures()).or(isMapped(col(TEXT), source.measures()));
        Column refOk = refCol.rlike(REF_PATTERN).or(mapped);
        Column blankLine = trim(col(CsvLines.TEXT)).equalTo("");
        Column unclosedQuote = CsvLines.hasUnclosedQuote();
        Column data = col(IS_HEADER).unary_$bang().and(blankLine.unary_$bang()).and(fc.leq(size))
                .and(unclosedQuote.unary_$bang());
        WindowSpec sameRef = Window.partitionBy(lower(refCol));
        Column firstLine = min(when(data.and(refOk), col(CsvLines.LINE))).over(sameRef);
        int valueColumn = l.current() >= 0 ? l.current() : l.months().get(l.months().size() - 1).index();
        String valueName = l.header().names().get(valueColumn);
        Column valueCell = col(l.current() >= 0 ? "_current" : "_month" + (l.months().size() - 1));
        Column firstValue = min_by(when(data.and(refOk), valueCell), when(data.and(refOk), col(CsvLines.LINE)))
                .over(sameRef);

        RowErrors errors = new RowErrors()
                .add(blankLine, RowErrors.WHOLE_ROW, col(CsvLines.TEXT), "empty line")
                .add(unclosedQuote, RowErrors.WHOLE_ROW, col(CsvLines.TEXT), CsvLines.unclosedQuoteReason(l.header()))
                .add(fc.gt(size).and(unclosedQuote.unary_$bang()), RowErrors.WHOLE_ROW, col(CsvLines.TEXT),
                        concat(lit("more fields (" ), fc.cast("string"), lit(") than the header (" + size + ")")))
                .add(data.and(hasValues.unary_$bang()).and(refOk.unary_$bang()), RowErrors.WHOLE_ROW, col(CsvLines.TEXT),
                        "a section label or a row without values")
                .add(data.and(hasValues.unary_$bang()).and(refOk), RowErrors.WHOLE_ROW, col(CsvLines.TEXT),
                        "no values in any month, Current or Previous Year")
                .add(data.and(hasValues).and(refCol.isNull()).and(mapped.unary_$bang()), l.header().names().get(l.ref()),
                        col(TEXT), "missing Ref: the indicator cannot be identified; map its text in the source's measures")
                .add(data.and(hasValues).and(refCol.isNotNull()).and(refOk.unary_$bang()),
                        l.header().names().get(l.ref()), refCol,
                        "not a scorecard reference like CIN4 (damaged in extraction?); map it in the source's measures")
                .add(data.and(hasValues).and(col("_misaligned")), RowErrors.WHOLE_ROW, col(CsvLines.TEXT),
                        concat(lit("the row has "), fc.cast("string"), lit(" fields for " + size
                                + " columns: its target and comparator averages cannot be aligned")))
                .add(data.and(hasValues).and(refOk).and(col(CsvLines.LINE).notEqual(firstLine)), RowErrors.WHOLE_ROW,
                        col(CsvLines.TEXT), concat(lit("duplicate of line "), firstLine.cast("string"),
                                lit(" (same Ref; " + valueName + " "), coalesce(firstValue, lit("(blank)")),
                                lit("); this line's " + valueName + " "), coalesce(valueCell, lit("(blank)"))));
        Column checkedData = data.and(hasValues);
        errors.add(data.and(Cells.hasControlCharacter(refCol)), l.header().names().get(l.ref()), refCol,
                Cells.controlCharacterReason(l.header().names().get(l.ref())));
        errors.add(data.and(Cells.hasControlCharacter(col(TEXT))), l.header().names().get(l.indicator()), col(TEXT),
                Cells.controlCharacterReason(l.header().names().get(l.indicator())));
        YearMonth reportMonth = source.scorecard().reportMonth();
        for (int m = 0; m < l.months().size(); m++) {
            String name = l.header().names().get(l.months().get(m).index());
            cellCheck(errors, checkedData, col("_month" + m), name, source.measures());
            YearMonth month = l.months().get(m).month();
            if (month.isAfter(reportMonth)) {
                errors.add(checkedData.and(Cells.isBlank(col("_month" + m)).unary_$bang()), name, col("_month" + m),
                        String.format("column '%s' read as %s, after the report month %s", name,
                                month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)),
                                reportMonth));
            }
        }
        if (l.current() >= 0) {
            cellCheck(errors, checkedData, col("_current"), l.header().names().get(l.current()), source.measures());
        }
        if (l.previousYear() >= 0) {
            cellCheck(errors, checkedData, col("_previous"), l.header().names().get(l.previousYear()), source.measures());
        }
        for (int c = 0; c < l.comparators().size(); c++) {
            cellCheck(errors, checkedData, col("_cmp" + c), l.comparators().get(c).label(), source.measures());
        }
        if (l.target() >= 0) {
            Column target = col(TARGET_TEXT);
            errors.add(checkedData.and(Cells.isBlank(target).unary_$bang())
                    .and(target.rlike(TARGET_PATTERN).unary_$bang()), l.header().names().get(l.target()), target,
                    "not a target like 85%, 1,200 or a range like 20-24%");
        }
        if (l.performance() >= 0) {
            Column rag = col(PERFORMANCE_RAW);
            errors.add(checkedData.and(Cells.isBlank(rag).unary_$bang()).and(ScorecardCells.rag(rag).isNull()),
                    l.header().names().get(l.performance()), rag, "not a RAG rating R, A or G");
        }
        return namedRows.withColumn(RowErrors.ERRORS, errors.toColumn()).drop(CsvLines.UNCLOSED_QUOTE);
    }

    /** Month observations of the good rows: each month column, and Current for the report month. */
    public static Dataset<Row> observations(Dataset<Row> checked, ScorecardWideLayout l, SourceSpec source) {
        List<Column> cells = new ArrayList<>();
        boolean reportMonthListed = false;
        for (int m = 0; m < l.months().size(); m++) {
            YearMonth month = l.months().get(m).month();
            if (month.isAfter(source.scorecard().reportMonth())) {
                continue; // a month after the report month: its values are quarantined by check, its blanks left out
            }
            reportMonthListed |= month.equals(source.scorecard().reportMonth());
            cells.add(struct(lit(Date.valueOf(month.atDay(1))).as("_start"), col("_month" + m).as("_raw")));
        }
        if (!reportMonthListed && l.current() >= 0) {
            cells.add(struct(lit(Date.valueOf(source.scorecard().reportMonth().atDay(1))).as("_start"),
                    col("_current").as("_raw")));
        }
        Dataset<Row> perMonth = good(checked)
                .withColumn("_ref_or_text", refOrText(source.measures()))
                .select(col("*"), explode(array(cells.toArray(Column[]::new))).as("_cell"));
        return ScorecardLongTransform.monthObservations(perMonth, lit(source.scorecard().laCode()),
                lit(source.scorecard().laName()), lit(null).cast(DataTypes.StringType), col("_ref_or_text"),
                col("_cell._start"), col("_cell._raw"), source);
    }

    /** A comparator column's cell: its header label, kind, value and cell as written. */
    private static final StructType COMPARATOR = new StructType()
            .add("label", DataTypes.StringType).add("kind", DataTypes.StringType)
            .add(Columns.VALUE, DataTypes.DoubleType).add(Columns.RAW_VALUE, DataTypes.StringType);

    /**
     * One row per indicator with the scorecard's own columns, for {@link #TABLE}; a scorecard with no comparator
     * columns gets an empty list of them, typed (Delta cannot store a list of nulls).
     */
    /** The last day of a {@link #REPORT_MONTH} ({@code yyyy-MM}): the period the extract's comparators are for. */
    public static Column reportMonthEnd(Column reportMonth) {
        return last_day(to_date(concat(reportMonth, lit("-01"))));
    }

    public static Dataset<Row> indicators(Dataset<Row> checked, ScorecardWideLayout l, SourceSpec source) {
        List<Column> comparators = new ArrayList<>();
        Column sn = lit(null).cast(DataTypes.DoubleType);
        Column region = lit(null).cast(DataTypes.DoubleType);
        Column england = lit(null).cast(DataTypes.DoubleType);
        for (int c = 0; c < l.comparators().size(); c++) {
            ScorecardWideLayout.ComparatorColumn comparator = l.comparators().get(c);
            Column value = ScorecardCells.value(col("_cmp" + c));
            comparators.add(struct(col("_cmp_label" + c).as("label"), lit(comparator.kind()).as("kind"),
                    value.as(Columns.VALUE), col("_cmp" + c).as(Columns.RAW_VALUE)));
            switch (comparator.kind()) {
                case "statistical_neighbours" -> sn = coalesce(value, sn);
                case "england" -> england = coalesce(value, england);
                default -> region = coalesce(value, region);
            }
        }
        Column anyPercent = ScorecardCells.isPercent(l.months().isEmpty() ? coalesce(col("_current"), col("_previous"))
                : coalesce(col("_current"), col("_previous"), col("_month0")));
        Column unit = when(anyPercent, lit(Unit.PERCENT.code())).otherwise(lit(Unit.COUNT.code()));
        Column refOrText = refOrText(source.measures());
        for (MeasureSpec measure : source.measures()) {
            unit = when(lower(trim(refOrText)).isin(lowered(measure.columns())), lit(measure.unit().code())).otherwise(unit);
        }
        Column target = col(TARGET_TEXT);
        Column low = regexp_extract(target, TARGET_PATTERN, 1);
        Column high = regexp_extract(target, TARGET_PATTERN, 4);
        return good(checked).select(
                lit(source.scorecard().laCode()).as(Columns.OLD_LA_CODE),
                lit(source.scorecard().laName()).as(Columns.LA_NAME),
                lit(source.scorecard().reportMonth().toString()).as(REPORT_MONTH),
                col(ScorecardLongTransform.REF).as(ScorecardLongTransform.REF),
                ScorecardLongTransform.measureId(refOrText, source.measures()).as(Columns.INDICATOR_ID),
                col(TEXT).as(TEXT),
                unit.as(Columns.UNIT),
                ScorecardCells.value(col("_current")).as(CURRENT_VALUE),
                ScorecardCells.status(col("_current")).as(CURRENT_STATUS),
                ScorecardCells.value(col("_previous")).as(PREVIOUS_YEAR_VALUE),
                ScorecardCells.status(col("_previous")).as(PREVIOUS_YEAR_STATUS),
                target.as(TARGET_TEXT),
                when(low.notEqual(""), low.try_cast(DataTypes.DoubleType)).as(TARGET_LOW),
                when(high.notEqual(""), high.try_cast(DataTypes.DoubleType))
                        .when(low.notEqual(""), low.try_cast(DataTypes.DoubleType)).as(TARGET_HIGH),
                (comparators.isEmpty() ? filter(array(lit(null).cast(COMPARATOR)), x -> x.isNotNull())
                        : array(comparators.toArray(Column[]::new))).as(COMPARATORS),
                sn.as(SN_AVERAGE), region.as(REGION_AVERAGE), england.as(ENGLAND_AVERAGE),
                ScorecardCells.rag(col(PERFORMANCE_RAW)).as(PERFORMANCE),
                col(PERFORMANCE_RAW),
                ScorecardCells.direction(col(DIRECTION_RAW)).as(DIRECTION),
                col(DIRECTION_RAW),
                col(CsvLines.LINE));
    }

    /** Data rows without problems (header rows carry no values). */
    private static Dataset<Row> good(Dataset<Row> checked) {
        return checked.filter(size(col(RowErrors.ERRORS)).equalTo(0).and(col(IS_HEADER).unary_$bang()));
    }

    /** The field at header position {@code p}: short rows read from the left up to Previous Year, tail from the right. */
    private static Column at(ScorecardWideLayout l, int p) {
        if (p < 0) {
            return lit(null).cast(DataTypes.StringType);
        }
        int size = l.header().size();
        Column fc = col(CsvLines.FIELD_COUNT);
        if (p <= l.leftEnd()) {
            return EesTransform.cleaned(col(CsvLines.field(p)));
        }
        if (p >= l.tailStart()) {
            Column index = fc.minus(size - p).plus(1);
            return when(index.gt(l.leftEnd() + 1), EesTransform.cleaned(element_at(col(FIELDS), index)));
        }
        return when(fc.equalTo(size), EesTransform.cleaned(col(CsvLines.field(p))));
    }

    /** A value cell: a number (within its unit's natural range), a percentage, a symbol or blank. */
    private static void cellCheck(RowErrors errors, Column applies, Column cell, String column,
            List<MeasureSpec> measures) {
        errors.add(applies.and(ScorecardCells.isValid(cell).unary_$bang()), column, cell, ScorecardCells.NOT_A_VALUE);
        Column unit = ScorecardLongTransform.mappedUnit(refOrText(measures), measures, cell);
        errors.add(applies.and(ScorecardCells.outsideNaturalRange(ScorecardCells.value(cell), unit)), column, cell,
                ScorecardCells.outOfRangeReason(unit));
    }

    private static Column refOrText(List<MeasureSpec> measures) {
        Column ref = col(ScorecardLongTransform.REF);
        Column text = col(TEXT);
        return when(isMapped(ref, measures), ref).when(isMapped(text, measures), text).otherwise(ref);
    }

    private static Column isMapped(Column value, List<MeasureSpec> measures) {
        Column mapped = lit(false);
        for (MeasureSpec measure : measures) {
            mapped = mapped.or(lower(trim(value)).isin(lowered(measure.columns())));
        }
        return coalesce(mapped, lit(false));
    }

    private static Object[] lowered(List<String> values) {
        return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toArray();
    }

}
