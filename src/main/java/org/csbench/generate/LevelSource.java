package org.csbench.generate;

/** Where an LA's calibrated level came from. */
public enum LevelSource {
    /** The LA's own figure in the latest DfE release. */
    PUBLISHED,
    /** The LA's figure was a symbol ({@code c}, {@code x} ...) or absent: England's rate times its population. */
    SCALED_FROM_POPULATION,
    /** A synthetic LA (codes {@code S001} ...): England's rate times a synthetic population. */
    SYNTHETIC
}
