package org.csbench.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The status of one published value. DfE statistics publish symbols in place of numbers; each symbol
 * is kept as a status next to a null value, never dropped and never turned into 0.
 */
public enum Status {
    /** A number was published. */
    AVAILABLE(""),
    /** {@code c}: suppressed to protect confidentiality (small number, or secondary suppression). */
    SUPPRESSED("c"),
    /** {@code x}: not available. */
    NOT_AVAILABLE("x"),
    /** {@code :}: the older form of not available. */
    NOT_AVAILABLE_OLD(":"),
    /** {@code z}: not applicable. */
    NOT_APPLICABLE("z"),
    /** {@code k}: rounds to zero, but is not zero. */
    ROUNDS_TO_ZERO("k"),
    /** {@code low}: rounds to zero, but is not zero (workforce files). */
    LOW("low"),
    /** {@code u}: low reliability. */
    LOW_RELIABILITY("u"),
    /** A blank cell: nothing was published. */
    MISSING("");

    private static final Map<String, Status> BY_SYMBOL = Arrays.stream(values())
            .filter(s -> !s.symbol.isEmpty())
            .collect(Collectors.toUnmodifiableMap(s -> s.symbol, Function.identity()));

    private final String symbol;

    Status(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol as published ({@code c}, {@code x}, ...), empty for a number or a blank. */
    public String symbol() {
        return symbol;
    }

    /** The name stored in tables: lower snake case, e.g. {@code suppressed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every published symbol and the status it stands for (symbols are matched case-insensitively). */
    public static Map<String, Status> bySymbol() {
        return BY_SYMBOL;
    }
}
