package org.csbench.signals.spc;

import org.csbench.model.Judgement;

/** The "Making Data Count" type of one point of an XmR chart. MISSING marks a NaN input value. */
public enum PointType {
    MISSING,
    COMMON_CAUSE,
    SPECIAL_CAUSE_IMPROVEMENT,
    SPECIAL_CAUSE_CONCERN,
    SPECIAL_CAUSE_NEUTRAL_HIGH,
    SPECIAL_CAUSE_NEUTRAL_LOW;

    /** The special-cause type for a polarity judgement ({@link Judgement#NONE} gives COMMON_CAUSE). */
    public static PointType of(Judgement judgement) {
        return switch (judgement) {
            case FAVOURABLE -> SPECIAL_CAUSE_IMPROVEMENT;
            case UNFAVOURABLE -> SPECIAL_CAUSE_CONCERN;
            case HIGH -> SPECIAL_CAUSE_NEUTRAL_HIGH;
            case LOW -> SPECIAL_CAUSE_NEUTRAL_LOW;
            case NONE -> COMMON_CAUSE;
        };
    }
}
