package org.csbench.generate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.csbench.model.Errors;

/**
 * A local authority the generator writes series for, with its calibrated levels.
 *
 * @param code       the 3-digit DfE code ({@code old_la_code}), or {@code S001} ... for a synthetic LA
 * @param gssCode    the ONS GSS code ({@code new_la_code}), empty for a synthetic LA
 * @param name       the LA's name as published, e.g. {@code Bristol, City of}
 * @param regionCode the region's GSS code, e.g. {@code E12000009}
 * @param regionName the region's name
 * @param population children aged 0-17 (ONS mid-year estimate)
 * @param levels     a level for every {@link Measure}
 */
public record Authority(String code, String gssCode, String name, String regionCode, String regionName,
        double population, Map<Measure, Level> levels) {
    public Authority {
        Objects.requireNonNull(gssCode, "gssCode");
        Objects.requireNonNull(regionName, "regionName");
        if (code == null || !code.matches("[0-9A-Za-z]{1,8}")) {
            throw Errors.invalidArgument(String.format(
                    "Invalid LA code: '%s' (expected letters and digits only, e.g. 352 or S001)", code));
        }
        if (name == null || name.isBlank()) {
            throw Errors.invalidArgument(String.format("LA %s: the name is blank", code));
        }
        if (regionCode == null || regionCode.isBlank()) {
            throw Errors.invalidArgument(String.format("LA %s (%s): the region code is blank", code, name));
        }
        if (!(population > 0)) {
            throw Errors.invalidArgument(String.format("LA %s (%s): invalid population aged 0-17: %s", code, name,
                    population));
        }
        EnumMap<Measure, Level> copy = new EnumMap<>(Measure.class);
        copy.putAll(levels);
        for (Measure measure : Measure.values()) {
            if (!copy.containsKey(measure)) {
                throw Errors.invalidArgument(String.format("LA %s (%s): no level for %s", code, name, measure));
            }
        }
        levels = java.util.Collections.unmodifiableMap(copy);
    }

    /** The calibrated level of {@code measure}. */
    public double level(Measure measure) {
        return levels.get(measure).value();
    }

    /** Whether this is a synthetic LA rather than a real one. */
    public boolean isSynthetic() {
        return levels.values().stream().anyMatch(l -> l.source() == LevelSource.SYNTHETIC);
    }
}
