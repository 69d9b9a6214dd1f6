package org.csbench.config;

import java.time.YearMonth;

/**
 * Whose scorecard a wide extract is and which month it reports: the extract itself names neither.
 *
 * @param laCode      the council's DfE LA number
 * @param laName      its name
 * @param reportMonth the month the scorecard reports ({@code Current} is that month's value)
 */
public record ScorecardSpec(String laCode, String laName, YearMonth reportMonth) {
    public ScorecardSpec {
        if (laCode == null || !laCode.matches("\\d{3}")) {
            throw new IllegalArgumentException(String.format("Invalid la_code: '%s'; expected a 3-digit DfE LA number", laCode));
        }
    }
}
