package org.csbench.publish.disclosure;

/**
 * How one publication's figures are protected when they leave the warehouse (pipelines/disclosure.yaml).
 *
 * @param suppressMin   a local authority's count from this ... (null: no small-count suppression)
 * @param suppressMax   ... to this becomes {@value Disclosure#SYMBOL}
 * @param roundNational England's counts are shown rounded to the nearest this (null: exact)
 * @param roundRegional the regions' counts likewise
 * @param secondary     whether a suppressed count that a published total would reveal by subtraction takes the next
 *                      smallest count of that total with it
 */
public record DisclosureRule(Integer suppressMin, Integer suppressMax, Integer roundNational, Integer roundRegional,
        boolean secondary) {
    public DisclosureRule {
        if ((suppressMin == null) != (suppressMax == null)) {
            throw new IllegalArgumentException("suppress needs both ends, or neither");
        }
        if (suppressMin != null && (suppressMin < 1 || suppressMax < suppressMin)) {
            throw new IllegalArgumentException("Invalid suppress range: [" + suppressMin + ", " + suppressMax + "]");
        }
        for (Integer unit : new Integer[] {roundNational, roundRegional}) {
            if (unit != null && unit < 1) {
                throw new IllegalArgumentException("Invalid rounding unit: " + unit);
            }
        }
    }

    /** The DfE's children in need census convention: LA counts 1-5 suppressed, England and regions to 10. */
    public static final DisclosureRule DFE = new DisclosureRule(1, 5, 10, 10, true);

    /** Nothing suppressed or rounded (e.g. the workforce census: staff, not children). */
    public static final DisclosureRule NONE = new DisclosureRule(null, null, null, null, false);
}
