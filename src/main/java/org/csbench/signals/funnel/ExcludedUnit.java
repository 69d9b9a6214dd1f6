package org.csbench.signals.funnel;

import java.io.Serializable;

/** A unit left out of a funnel plot, with the reason. */
public record ExcludedUnit(String id, ExclusionReason reason) implements Serializable {}
