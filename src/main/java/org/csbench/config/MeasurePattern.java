package org.csbench.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.csbench.model.Unit;

/**
 * Measures of an EES source found by column name rather than listed one by one ({@code measures_from}): every
 * column matching one of {@code columns} that is not an EES geography or time column, a dimension, a column of
 * the source's {@code measures} or one of {@code except} becomes a measure.
 *
 * @param columns   glob patterns over the header's names, matched case-insensitively ({@code *_percent},
 *                  {@code *} for every other column)
 * @param except    column names left out
 * @param indicator the indicator id template: {@code {column}} is replaced by the column's name in lower snake
 *                  case (e.g. {@code d5_{column}})
 * @param unit      the unit of every matched column
 * @param when      as {@link MeasureSpec#when()}
 */
public record MeasurePattern(List<String> columns, List<String> except, String indicator, Unit unit,
        Map<String, List<String>> when) {
    /** What a template puts the column's name in. */
    public static final String COLUMN = "{column}";

    public MeasurePattern {
        columns = List.copyOf(columns);
        except = List.copyOf(except);
        when = Map.copyOf(when);
    }

    /** Whether {@code column} matches one of the patterns and is not excepted. */
    public boolean matches(String column) {
        String name = column.replace("\uFEFF", "").trim();
        return except.stream().noneMatch(e -> e.trim().equalsIgnoreCase(name))
                && columns.stream().anyMatch(p -> glob(p).matcher(name).matches());
    }

    /** The indicator id of {@code column}: the template with the column's name in lower snake case. */
    public String indicatorFor(String column) {
        String snake = column.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return indicator.replace(COLUMN, snake);
    }

    /** The measure {@code column} is, as if listed under {@code measures}. */
    public MeasureSpec measureFor(String column) {
        return new MeasureSpec(indicatorFor(column), List.of(column), unit, when, false);
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(String.join(".*", java.util.Arrays.stream(pattern.trim().split("\\*", -1))
                .map(Pattern::quote).toList()), Pattern.CASE_INSENSITIVE);
    }
}
