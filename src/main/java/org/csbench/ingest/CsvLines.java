package org.csbench.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.input_file_block_start;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.univocity.parsers.csv.CsvParser;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads a delimited text file as rows of string fields that keep their physical line number, using
 * Spark's own CSV parser ({@code from_csv}) line by line, so quarantine and lineage can point at the exact
 * line of the file.
 */
public final class CsvLines {
    /** 1-based physical line number in the file. */
    public static final String LINE = "_line";
    /** The line as read. */
    public static final String TEXT = "_text";
    /** How many fields the line holds (delimiters outside quotes, plus one). */
    public static final String FIELD_COUNT = "_field_count";
    /**
     * The 1-based column where a quote opens that the line never closes (the parser would read the rest of the line
     * into that field); null for a line whose quotes are balanced.
     */
    public static final String UNCLOSED_QUOTE = "_unclosed_quote";

    private CsvLines() {
    }

    /** The name of the field at {@code index} in {@link #read}'s output. */
    public static String field(int index) {
        return "_f" + index;
    }

    /**
     * Splits a header line into its column names with the parser Spark's CSV reader uses, set up by Spark's own CSV
     * options: the names it would read, without a Spark job for one line.
     */
    public static List<String> parseHeader(String headerLine, String delimiter) {
        CSVOptions csv = new CSVOptions(scala.collection.immutable.Map$.MODULE$.from(
                CollectionConverters.asScala(options(delimiter))), false, "UTC");
        String[] fields = new CsvParser(csv.asParserSettings()).parseLine(headerLine);
        List<String> names = new ArrayList<>();
        for (String field : fields == null ? new String[] {""} : fields) {
            names.add(field == null ? "" : field.trim());
        }
        return names;
    }

    /**
     * The data lines (line 2 onwards) of {@code file}: {@link #LINE}, {@link #TEXT}, {@link #FIELD_COUNT} and
     * {@code fields} string columns named by {@link #field(int)} (null where the line is short or the field empty).
     *
     * <p>A line without a quote character is split at its delimiters (the same fields Spark's CSV parser would
     * give, several times faster); only lines with quotes go through the parser.
     */
    public static Dataset<Row> read(SparkSession spark, SourceFile file, int fields, String delimiter) {
        StructType fieldSchema = new StructType();
        for (int i = 0; i < fields; i++) {
            fieldSchema = fieldSchema.add(field(i), DataTypes.StringType, true);
        }
        Dataset<Row> lines = numbered(spark, file.path(), file.bytes()).filter(col(LINE).gt(1));
        Column quoted = col(TEXT).contains("\"");
        Column pieces = col("_pieces");
        Column[] splitFields = new Column[fields];
        for (int i = 0; i < fields; i++) {
            splitFields[i] = nullif(get(pieces, lit(i)), lit("")).as(field(i));
        }
        Column unquoted = regexp_replace(col(TEXT), "\"[^\"]*\"", "");
        Column quotedCount = fieldsIn(unquoted, delimiter);
        Column unclosed = when(unquoted.contains("\""), fieldsIn(substring_index(unquoted, "\"", 1), delimiter));
        Column parsed = from_csv(col(TEXT), lit(fieldSchema.toDDL()), options(delimiter));
        return lines.select(col(LINE), col(TEXT), quoted.as("_quoted"),
                        when(quoted.unary_$bang(), split(col(TEXT), splitPattern(delimiter), -1)).as("_pieces"))
                .select(col(LINE), col(TEXT),
                        when(col("_quoted"), quotedCount).otherwise(size(pieces)).as(FIELD_COUNT),
                        when(col("_quoted"), parsed).otherwise(struct(splitFields)).as("_parsed"),
                        when(col("_quoted"), unclosed).as(UNCLOSED_QUOTE))
                .select(col(LINE), col(TEXT), col(FIELD_COUNT), col(UNCLOSED_QUOTE), col("_parsed.*"));
    }

    /** How many fields {@code text} holds when split at {@code delimiter}. */
    private static Column fieldsIn(Column text, String delimiter) {
        return length(text).minus(length(replace(text, lit(delimiter), lit("")))).divide(delimiter.length())
                .cast(DataTypes.IntegerType).plus(1);
    }

    /** True for a line with a quote it never closes. */
    public static Column hasUnclosedQuote() {
        return col(UNCLOSED_QUOTE).isNotNull();
    }

    /** Why a line with an unclosed quote cannot be read: the column, by position and by its name in the header. */
    public static Column unclosedQuoteReason(Header header) {
        Column names = array(header.names().stream().map(n -> lit(n)).toArray(Column[]::new));
        return concat(lit("unclosed quote in column "), col(UNCLOSED_QUOTE).cast(DataTypes.StringType), lit(" ("),
                coalesce(try_element_at(names, col(UNCLOSED_QUOTE)), lit("beyond the header")),
                lit("): the rest of the line would be read as that one field"));
    }

    /** A regular expression matching the delimiter literally, in the form Java splits without a regex engine. */
    static String splitPattern(String delimiter) {
        if (delimiter.length() == 1 && ".$|()[{^?*+\\".indexOf(delimiter.charAt(0)) < 0) {
            return delimiter;
        }
        return delimiter.length() == 1 ? "\\" + delimiter : Pattern.quote(delimiter);
    }

    /** Every line of a text file of {@code bytes} with its 1-based line number. */
    static Dataset<Row> numbered(SparkSession spark, String path, long bytes) {
        if (oneBlock(spark, bytes)) { // one task reads the file in order from id 0: no counting pass
            return spark.read().text(path)
                    .select(monotonically_increasing_id().plus(1).as(LINE), col("value").as(TEXT));
        }
        return numberedByBlocks(spark, path);
    }

    /**
     * Whether Spark reads a file of {@code bytes} in one block: it splits a file at the larger of the open cost and
     * the bytes per core, but never above the largest partition, so a file no bigger than both is never split.
     */
    static boolean oneBlock(SparkSession spark, long bytes) {
        SQLConf conf = ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().conf();
        return bytes <= Math.min(conf.filesOpenCostInBytes(), conf.filesMaxPartitionBytes());
    }

    /**
     * {@link #numbered} for a file of any size, without leaving Spark's columnar engine: a first, light pass counts the
     * lines of each file block (a block is read whole by one task, in order), the driver turns the few counts into
     * offsets, and each line's number is its block's offset plus its place in the block.
     */
    static Dataset<Row> numberedByBlocks(SparkSession spark, String path) {
        Dataset<Row> text = spark.read().text(path)
                .withColumn("_block", input_file_block_start())
                .withColumn("_id", monotonically_increasing_id());
        List<Row> blocks = text.groupBy("_block").agg(count(lit(1)), min("_id")).orderBy("_block").collectAsList();
        List<Column> offsets = new ArrayList<>();
        long before = 0;
        for (Row block : blocks) {
            // line = lines in earlier blocks + (id - first id of this block) + 1
            offsets.add(lit(block.getLong(0)));
            offsets.add(lit(before - block.getLong(2) + 1));
            before += block.getLong(1);
        }
        Column shift = offsets.isEmpty() ? lit(0L) : element_at(map(offsets.toArray(Column[]::new)), col("_block"));
        return text.select(col("_id").plus(shift).as(LINE), col("value").as(TEXT));
    }

    private static Map<String, String> options(String delimiter) {
        Map<String, String> options = new HashMap<>();
        options.put("sep", delimiter);
        options.put("quote", "\"");
        options.put("escape", "\"");
        options.put("mode", "PERMISSIVE");
        options.put("ignoreLeadingWhiteSpace", "false");
        options.put("ignoreTrailingWhiteSpace", "false");
        return options;
    }
}
