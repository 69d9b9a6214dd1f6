package org.csbench.publish.report;

import java.time.LocalDate;

/**
 * One period of an authority's indicator with its comparators (a row of {@code gold.fact_benchmark} with the
 * value of {@code gold.fact_indicator_value}); codes as their labels ({@code gold.dim_code}).
 */
public record Observation(String periodType, LocalDate end, String label, Double value, String status,
        Double snAverage, Integer snCount, Double region, Double england, Integer rank, Integer rankCount, Double q25,
        Double q50, Double q75, String band, Double targetLow, Double targetHigh, String rag, String previousLabel,
        Double previousValue, String direction, String vsSn, String vsRegion, String vsEngland) {

    /** A value, its label and comparators only: for tests and the other fields left empty. */
    public static Observation of(LocalDate end, String label, Double value, Double snAverage, Double region,
            Double england) {
        return new Observation("reporting_year", end, label, value, value == null ? "missing" : "available",
                snAverage, null, region, england, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public boolean available() {
        return value != null && "available".equals(status);
    }
}
