package org.csbench.model;

/**
 * Which direction of an indicator counts as better.
 *
 * <p>Used by every signal to turn a direction of change or deviation (up/down, above/below) into a
 * {@link Judgement}, following the NHS England "Making Data Count" convention that improvement and
 * concern are defined by the indicator's polarity and that a NEUTRAL indicator is only "high" or "low".
 */
public enum Polarity {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEUTRAL;

    /**
     * Judges a direction.
     *
     * @param direction the sign of the deviation or change: positive = high/up, negative = low/down, zero = none
     * @return FAVOURABLE/UNFAVOURABLE for a directional polarity, HIGH/LOW for NEUTRAL, NONE for zero or NaN
     */
    public Judgement judge(double direction) {
        if (Double.isNaN(direction) || direction == 0) {
            return Judgement.NONE;
        }
        boolean up = direction > 0;
        return switch (this) {
            case HIGHER_IS_BETTER -> up ? Judgement.FAVOURABLE : Judgement.UNFAVOURABLE;
            case LOWER_IS_BETTER -> up ? Judgement.UNFAVOURABLE : Judgement.FAVOURABLE;
            case NEUTRAL -> up ? Judgement.HIGH : Judgement.LOW;
        };
    }
}
