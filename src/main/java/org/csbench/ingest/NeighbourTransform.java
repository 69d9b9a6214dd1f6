package org.csbench.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.config.NeighbourModelSpec;
import org.csbench.model.Columns;
import org.csbench.model.Errors;

/**
 * A statistical-neighbour model as published (one row per LA; neighbour codes in {@code SN1}/{@code SN_1}...
 * columns, each followed by its closeness label) -> one row per LA and neighbour, with the neighbour's rank,
 * its trimmed closeness label, and the years the model is in force.
 */
public final class NeighbourTransform {
    public static final String TABLE = "reference.statistical_neighbour";
    public static final String MODEL = "model";
    public static final String VALID_FROM = "valid_from_year";
    public static final String VALID_TO = "valid_to_year";
    public static final String RANK = "neighbour_rank";
    public static final String NEIGHBOUR_CODE = "neighbour_old_la_code";
    public static final String CLOSENESS = "closeness";

    private static final Pattern NEIGHBOUR = Pattern.compile("(?i)^SN_?(\\d+)$");
    private static final Pattern CLOSENESS_LABEL = Pattern.compile("(?i)^SN_?\\d*P$");
    private static final String CODE = "^\\d{3}$";

    private NeighbourTransform() {
    }

    /**
     * Where one neighbour's columns are.
     *
     * @param rank      the neighbour's rank (1 = closest)
     * @param code      position of its LA code
     * @param closeness position of its closeness label, or -1
     */
    public record Slot(int rank, int code, int closeness) {
    }

    /**
     * The columns of a model file.
     *
     * @param header the file's header
     * @param laCode position of the LA code
     * @param laName position of the LA name
     * @param slots  the neighbour columns
     */
    public record Layout(Header header, int laCode, int laName, List<Slot> slots) {
        public Layout {
            slots = List.copyOf(slots);
        }

        public static Layout resolve(Header header, NeighbourModelSpec spec) {
            OptionalInt code = header.find(spec.laCodeColumns());
            OptionalInt name = header.find(spec.laNameColumns());
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                Matcher m = NEIGHBOUR.matcher(header.names().get(i));
                if (m.matches()) {
                    boolean labelled = i + 1 < header.size() && CLOSENESS_LABEL.matcher(header.names().get(i + 1)).matches();
                    slots.add(new Slot(Integer.parseInt(m.group(1)), i, labelled ? i + 1 : -1));
                }
            }
            List<String> missing = new ArrayList<>();
            if (code.isEmpty()) {
                missing.add(String.join(" or ", spec.laCodeColumns()));
            }
            if (name.isEmpty()) {
                missing.add(String.join(" or ", spec.laNameColumns()));
            }
            if (slots.isEmpty()) {
                missing.add("neighbour columns SN1..SN10 (or SN_1..SN_10)");
            }
            if (!missing.isEmpty()) {
                throw Errors.missingColumns(header.file(), missing, header.names());
            }
            return new Layout(header, code.getAsInt(), name.getAsInt(), slots);
        }
    }

    /** The rows with their LA, neighbour codes and labels named, and {@link RowErrors#ERRORS}. */
    public static Dataset<Row> check(Dataset<Row> lines, Layout layout) {
        Column text = col(CsvLines.TEXT);
        Column blankLine = trim(text).equalTo("");
        Column unclosedQuote = CsvLines.hasUnclosedQuote();
        Column fieldsOk = col(CsvLines.FIELD_COUNT).equalTo(layout.header().size()).and(blankLine.unary_$bang())
                .and(unclosedQuote.unary_$bang());
        Column code = EesTransform.cleaned(col(CsvLines.field(layout.laCode())));
        Column firstLine = col(Duplicates.FIRST_LINE);
        List<Column> neighbours = new ArrayList<>();
        RowErrors errors = new RowErrors()
                .add(blankLine, RowErrors.WHOLE_ROW, text, "empty line")
                .add(unclosedQuote, RowErrors.WHOLE_ROW, text, CsvLines.unclosedQuoteReason(layout.header()))
                .add(blankLine.unary_$bang().and(unclosedQuote.unary_$bang()).and(fieldsOk.unary_$bang()),
                        RowErrors.WHOLE_ROW, text,
                        concat(lit("expected " + layout.header().size() + " fields as in the header, found "),
                                col(CsvLines.FIELD_COUNT).cast(DataTypes.StringType)))
                .add(fieldsOk.and(code.isNull().or(code.rlike(CODE).unary_$bang())),
                        layout.header().names().get(layout.laCode()), code,
                        "no 3-digit LA code (a blank row or a section label)")
                .add(fieldsOk.and(code.isNotNull()).and(firstLine.isNotNull()).and(col(CsvLines.LINE).notEqual(firstLine)),
                        RowErrors.WHOLE_ROW,
                        text, concat(lit("duplicate of line "), firstLine.cast(DataTypes.StringType)));
        for (Slot slot : layout.slots()) {
            Column neighbour = EesTransform.cleaned(col(CsvLines.field(slot.code())));
            errors.add(fieldsOk.and(neighbour.isNotNull()).and(neighbour.rlike(CODE).unary_$bang()),
                    layout.header().names().get(slot.code()), neighbour, "not a 3-digit LA code");
            Column closeness = slot.closeness() < 0 ? lit(null).cast(DataTypes.StringType)
                    : EesTransform.cleaned(col(CsvLines.field(slot.closeness())));
            neighbours.add(when(neighbour.isNotNull(), struct(lit(slot.rank()).as(RANK),
                    neighbour.as(NEIGHBOUR_CODE), closeness.as(CLOSENESS))));
        }
        return Duplicates.withFirstLine(lines, List.of(code), fieldsOk.and(code.isNotNull()))
                .select(col(CsvLines.LINE), col(CsvLines.TEXT), code.as(Columns.OLD_LA_CODE),
                EesTransform.cleaned(col(CsvLines.field(layout.laName()))).as(Columns.LA_NAME),
                filter(array(neighbours.toArray(Column[]::new)), Column::isNotNull).as("_neighbours"),
                errors.toColumn().as(RowErrors.ERRORS));
    }

    /** One row per LA and neighbour. */
    public static Dataset<Row> neighbours(Dataset<Row> checked, NeighbourModelSpec spec) {
        return checked.filter(size(col(RowErrors.ERRORS)).equalTo(0))
                .select(col(CsvLines.LINE), col(Columns.OLD_LA_CODE), col(Columns.LA_NAME),
                        explode(col("_neighbours")).as("_n"))
                .select(lit(spec.model()).as(MODEL),
                        lit(spec.validFrom()).as(VALID_FROM),
                        lit(spec.validTo()).cast(DataTypes.IntegerType).as(VALID_TO),
                        col(Columns.OLD_LA_CODE), col(Columns.LA_NAME),
                        col("_n." + RANK).as(RANK),
                        col("_n." + NEIGHBOUR_CODE).as(NEIGHBOUR_CODE),
                        col("_n." + CLOSENESS).as(CLOSENESS),
                        col(CsvLines.LINE));
    }

}
