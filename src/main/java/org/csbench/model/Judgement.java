package org.csbench.model;

/**
 * The polarity-aware reading of a signal's direction (see {@link Polarity#judge(double)}).
 *
 * <p>FAVOURABLE and UNFAVOURABLE are used for directional indicators ("improvement"/"concern",
 * "better"/"worse"); HIGH and LOW only for {@link Polarity#NEUTRAL} indicators; NONE when there is no signal.
 */
public enum Judgement {
    FAVOURABLE,
    UNFAVOURABLE,
    HIGH,
    LOW,
    NONE
}
