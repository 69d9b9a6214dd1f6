package org.csbench.signals.funnel;

import java.io.Serializable;
import org.csbench.model.Judgement;

/**
 * One unit of a funnel plot. Values and limits are on the reporting scale (unit scale &times; multiplier).
 *
 * @param value numerator / denominator &times; multiplier
 * @param zScore (y - &theta;0) / &radic;(s&sup2; + &tau;&sup2;) on the unit scale (&tau;&sup2; = 0 when not
 *     overdispersed); 0 when both numerator and spread are 0
 * @param flag95 position against the 95% limits (z = 1.959964)
 * @param flag998 position against the 99.8% limits (z = 3.090232)
 * @param judgement95 polarity judgement of flag95 (NONE when inside)
 * @param judgement998 polarity judgement of flag998 (NONE when inside)
 */
public record FunnelPoint(String id, double numerator, double denominator, double value, double zScore,
        double lower95, double upper95, double lower998, double upper998, FunnelFlag flag95, FunnelFlag flag998,
        Judgement judgement95, Judgement judgement998) implements Serializable {}
