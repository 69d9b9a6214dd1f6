/**
 * Pure-Java statistics for benchmarking local authorities' children's services: performance signals and, kept
 * apart, data-quality checks. No Spark dependency; commons-math3 supplies the distributions.
 *
 * <h2>Contracts</h2>
 * <ul>
 *   <li>Series input is {@code double[]} in time order, {@code Double.NaN} = missing or suppressed.</li>
 *   <li>Every detector is an immutable record holding only its options (built by validating factories and
 *       {@code withX} copies), stateless, thread-safe and {@link java.io.Serializable}; results are serialisable
 *       records of primitives, Strings, enums and lists, so a distributed adapter can call a detector per group
 *       inside executors.</li>
 *   <li>{@link org.csbench.model.Polarity} (HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL) turns a direction into a
 *       {@link org.csbench.model.Judgement} (FAVOURABLE/UNFAVOURABLE, or HIGH/LOW when neutral).</li>
 * </ul>
 *
 * <h2>Families, one small interface each</h2>
 * <ul>
 *   <li>{@link org.csbench.signals.SeriesSignal}{@code <R>} {@code R detect(double[] series)}: one unit over time.
 *     <ul>
 *       <li>{@link org.csbench.signals.spc.XmrChart}: SPC XmR chart with the NHS England "Making Data Count" /
 *           NHSRplotthedots rules, icons and warnings.</li>
 *       <li>{@link org.csbench.signals.trend.MannKendall}: Mann&ndash;Kendall test with Sen's slope
 *           (pymannkendall conventions).</li>
 *     </ul></li>
 *   <li>{@link org.csbench.signals.CrossSectionSignal}{@code <U, R>} {@code R detect(List<U> units)}: all units of
 *       one indicator and period.
 *     <ul>
 *       <li>{@link org.csbench.signals.funnel.FunnelPlot}: Spiegelhalter (2005) funnel plots for proportions
 *           (normal approximation) and rates (exact Poisson), with overdispersion adjustment.</li>
 *       <li>{@link org.csbench.signals.outlier.ModifiedZScore}: Iglewicz&ndash;Hoaglin robust outliers.</li>
 *     </ul></li>
 *   <li>{@link org.csbench.signals.quality.QualityCheck} {@code List<QualityIssue> check(QualitySeries)}: whether a
 *       published value looks wrong or newly unavailable, not whether performance changed:
 *       {@link org.csbench.signals.quality.RelativeJumpCheck}, {@link org.csbench.signals.quality.NewlyMissingCheck},
 *       {@link org.csbench.signals.quality.RangeCheck}.</li>
 * </ul>
 *
 * <h2>Conventions where published definitions vary</h2>
 * Each detector's Javadoc states the definition it follows and where it departs from a reference implementation
 * (e.g. {@link org.csbench.signals.spc.XmrChart} judges a trend by its direction, not by its side of the mean).
 */
package org.csbench.signals;
