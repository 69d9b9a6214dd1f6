package org.csbench.generate;

import java.util.Objects;

import org.csbench.model.Errors;

/**
 * An LA's calibrated level for one {@link Measure}: an annual count, a count at 31 March, or a ratio.
 *
 * @param value  the level, never negative
 * @param source where it came from
 */
public record Level(double value, LevelSource source) {
    public Level {
        Objects.requireNonNull(source, "source");
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw Errors.invalidArgument(String.format("Invalid calibrated level: %s (must be a number >= 0)", value));
        }
    }
}
