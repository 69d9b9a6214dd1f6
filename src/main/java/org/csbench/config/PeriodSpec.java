package org.csbench.config;

import java.time.MonthDay;

/**
 * What a source's {@code time_period} means. {@code 2025} or {@code 202425} name the year that ends on
 * {@code end} in 2025: 31 March for DfE reporting years, 30 September for the workforce census, 30 June
 * for ONS mid-year estimates.
 *
 * @param type a label stored with each observation, e.g. {@code reporting_year}, {@code census}, {@code mid_year}
 * @param end  the day the period ends
 */
public record PeriodSpec(String type, MonthDay end) {
    public static final PeriodSpec REPORTING_YEAR = new PeriodSpec("reporting_year", MonthDay.of(3, 31));
}
