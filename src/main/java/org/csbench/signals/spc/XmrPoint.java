package org.csbench.signals.spc;

import java.io.Serializable;

/**
 * One point of an XmR chart.
 *
 * @param index position in the input series
 * @param value the input value (NaN when missing)
 * @param segment 0-based segment (baseline period) number; a rebase starts a new segment
 * @param mean centre line of the segment
 * @param movingRange |value - previous non-missing value of the segment|; NaN for the first point of a segment and
 *     for missing points (shown as computed, i.e. before screening)
 * @param rule the special-cause rule the point is labelled with
 * @param direction +1 when the special cause is upwards (above the mean, or an increasing trend), -1 downwards, 0 none
 * @param type the point type judged by polarity
 */
public record XmrPoint(int index, double value, int segment, double mean, double lowerLimit, double upperLimit,
        double lowerInner, double upperInner, double movingRange, SpcRule rule, int direction, PointType type)
        implements Serializable {}
