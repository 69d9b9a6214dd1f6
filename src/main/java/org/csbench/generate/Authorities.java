package org.csbench.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Picks a run's LAs: the first {@code n} real ones by {@code old_la_code}, then, if more are asked for,
 * synthetic ones coded {@code S001}, {@code S002} ... (DfE's {@code 9xx} codes are taken). A synthetic LA
 * borrows a real LA's population (times a random factor, from the seed), takes the regions in turn, and
 * gets England's rates as its levels.
 */
public final class Authorities {
    static final String SYNTHETIC_PREFIX = "S";

    private Authorities() {
    }

    public static List<Authority> select(Calibration calibration, int n, long seed) {
        List<Authority> real = calibration.authorities();
        List<Authority> out = new ArrayList<>(real.subList(0, Math.min(n, real.size())));
        Map<String, String> regions = new TreeMap<>();
        for (Authority la : real) {
            regions.putIfAbsent(la.regionCode(), la.regionName());
        }
        List<String> regionCodes = new ArrayList<>(regions.keySet());
        for (int i = 1; out.size() < n; i++) {
            String code = String.format("%s%03d", SYNTHETIC_PREFIX, i);
            RandomGenerator random = Seeds.random(seed, "authority", code);
            Authority template = real.get(random.nextInt(real.size()));
            double population = Math.max(1000, Math.round(template.population()
                    * Math.exp(0.2 * random.nextGaussian())));
            String regionCode = regionCodes.get((i - 1) % regionCodes.size());
            Map<Measure, Level> levels = new EnumMap<>(Measure.class);
            for (Measure measure : Measure.values()) {
                levels.put(measure, new Level(
                        Calibration.fallback(measure, calibration.england().get(measure), population),
                        LevelSource.SYNTHETIC));
            }
            out.add(new Authority(code, "", "Synthetic Authority " + code, regionCode, regions.get(regionCode),
                    population, levels));
        }
        return List.copyOf(out);
    }
}
