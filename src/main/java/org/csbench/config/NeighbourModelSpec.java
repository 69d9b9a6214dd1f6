package org.csbench.config;

import java.util.List;

/**
 * A statistical-neighbour model file ({@link SourceFormat#SN_WIDE}).
 *
 * @param model         the model's label, e.g. {@code 2021}
 * @param validFrom     first reporting year the model is in force
 * @param validTo       last reporting year the model is in force, or null while it is current
 * @param laCodeColumns names of the LA code column (first match wins)
 * @param laNameColumns names of the LA name column (first match wins)
 */
public record NeighbourModelSpec(String model, int validFrom, Integer validTo, List<String> laCodeColumns,
        List<String> laNameColumns) {
    public NeighbourModelSpec {
        laCodeColumns = List.copyOf(laCodeColumns);
        laNameColumns = List.copyOf(laNameColumns);
    }
}
