package org.csbench.generate;

import java.util.Objects;
import java.util.Optional;

import org.csbench.model.Errors;

/**
 * One generated monthly series: its id ({@code ref}), the text a council prints, what it measures, its
 * target if the council sets one, and, for {@code syn_*} series, how it is drawn.
 */
public record IndicatorDef(String ref, String name, SeriesKind kind, Optional<Target> target,
        Optional<SyntheticSpec> synthetic) {
    public IndicatorDef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(synthetic, "synthetic");
        if (ref == null || !ref.matches("[a-z][a-z0-9_]*")) {
            throw Errors.invalidArgument(String.format(
                    "Invalid indicator ref: '%s' (expected lower snake case, e.g. referrals)", ref));
        }
        if (name == null || name.isBlank() || name.contains("\t") || name.contains("\n")) {
            throw Errors.invalidArgument(String.format(
                    "Indicator %s: invalid name '%s' (must be non-blank, without tabs or line breaks)", ref, name));
        }
    }

    static IndicatorDef observed(String ref, String name, SeriesKind kind) {
        return new IndicatorDef(ref, name, kind, Optional.empty(), Optional.empty());
    }

    IndicatorDef withTarget(Target value) {
        return new IndicatorDef(ref, name, kind, Optional.of(value), synthetic);
    }
}
