package org.csbench.metrics;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.ReleaseSpecs;
import org.csbench.SparkTestSession;
import org.csbench.config.CatalogueLoader;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.LoadJob;
import org.csbench.ingest.ReferenceTables;
import org.csbench.model.Columns;

/**
 * Published figures win where csbench cannot compute, and a source whose rounding is unknown says so: real rows of
 * the bundled files (workforce, child protection plans D3, the 2024 release of B1 with its published rates).
 */
class PublishedFiguresTest {
    private static Dataset<Row> values;

    @BeforeAll
    static void load() {
        Path dfe = Path.of("data-samples/dfe").toAbsolutePath();
        Warehouse warehouse = SparkTestSession.newWarehouse("published-figures");
        new LoadJob(warehouse, message -> { }).run(ReleaseSpecs.spec(
                ReleaseSpecs.b1("cin_b1", ReleaseSpecs.B1_2024, "    release: \"2024\"\n")
                        .replace("rounded_to: { national: 10, regional: 10 }", "rounded_to: unknown"),
                ReleaseSpecs.POPULATION,
                "  - id: workforce_csww\n    format: ees\n    path: " + dfe.resolve("csww_indicators_2017_to_2025.csv")
                        + "\n    period: { type: census, end: \"09-30\" }\n    measures:\n"
                        + "      - { column: inpost_fte, indicator: sw_fte, unit: fte }\n"
                        + "      - { column: agency_fte, indicator: sw_agency_fte, unit: fte }\n"
                        + "      - { column: agency_rate_fte, indicator: sw_agency_rate_fte, unit: percent }\n",
                "  - id: cpp_subsequent_d3\n    format: ees\n    path: " + dfe.resolve("d3_cpps_subsequent_plan_2013_to_2025.csv")
                        + "\n    rounded_to: { national: 10, regional: 10 }\n    measures:\n"
                        + "      - { column: CPP_start, indicator: cpp_started, unit: count }\n"
                        + "      - { column: CPP_subsequent, indicator: cpp_subsequent, unit: count }\n"
                        + "      - { column: CPP_subsequent_percent, indicator: cpp_subsequent_pct, unit: percent }\n"));
        values = IndicatorValues.compute(warehouse.read(LoadJob.OBSERVATION),
                warehouse.read(ReferenceTables.POPULATION),
                CatalogueLoader.load(Path.of("pipelines/indicators.yaml"))).cache();
    }

    private static Row value(String indicator, String la, int year) {
        List<Row> rows = values.filter(col(Columns.INDICATOR_ID).equalTo(indicator)
                .and(col(Columns.OLD_LA_CODE).equalTo(la)).and(col(Columns.YEAR).equalTo(year))).collectAsList();
        assertEquals(1, rows.size(), indicator + " " + la + " " + year);
        return rows.get(0);
    }

    @Test
    void aLowNumeratorGivesTheFigureItsWholeRangeRoundsTo() {
        // Sunderland (394), agency FTE published as 'low' (0 to 0.05) beside 233.7, 227.4 and 229.5 FTE in post:
        // at most 0.05 / 227.4 * 100 = 0.022%, which rounds to 0.0 at one decimal place.
        for (int year : new int[] {2023, 2024, 2025}) {
            Row rate = value("sw_agency_rate", "394", year);
            assertEquals(0.0, rate.<Double>getAs(Columns.VALUE), "Sunderland " + year);
            assertEquals("low", rate.getAs(Columns.STATUS));
            assertTrue(rate.<String>getAs(IndicatorValues.STATUS_REASON).contains("sw_agency_fte is low"));
        }
        // 2022: 1 agency FTE, 233.6 in post: 1 / 234.6 * 100 = 0.426 -> 0.4, as published.
        Row y2022 = value("sw_agency_rate", "394", 2022);
        assertEquals(0.4, y2022.<Double>getAs(Columns.VALUE));
        assertEquals("available", y2022.getAs(Columns.STATUS));
        assertEquals("matches", y2022.getAs(IndicatorValues.PUBLISHED_CHECK));
    }

    @Test
    void aPublishedPercentageStaysWhenItsDenominatorIsSuppressed() {
        // Isles of Scilly (420) and City of London (201), 2025: plans starting 'c', second plans 0, published 0%.
        for (String la : new String[] {"420", "201"}) {
            Row pct = value("cpp_subsequent_pct", la, 2025);
            assertEquals(0.0, pct.<Double>getAs(Columns.VALUE), la);
            assertEquals("available", pct.getAs(Columns.STATUS));
            assertEquals("published", pct.getAs(IndicatorValues.VALUE_SOURCE));
            assertEquals("published_input_suppressed", pct.getAs(IndicatorValues.PUBLISHED_CHECK));
        }
        // Rutland (857) 2023: 39 plans, second plans 'c' and the percentage 'c' too: nothing to show.
        Row rutland = value("cpp_subsequent_pct", "857", 2023);
        assertNull(rutland.getAs(Columns.VALUE));
        assertEquals("suppressed", rutland.getAs(Columns.STATUS));
    }

    @Test
    void aDifferenceFromASourceOfUnknownRoundingSaysSo() {
        // Manchester (352) 2024 in the 2024 release of B1: 5,600 children in need at 31 March, published 431.5 per
        // 10,000; with today's ONS mid-2023 estimate of 130,700: 5,600 / 130,700 * 10,000 = 428.46 -> 428.5.
        Row rate = value("cin_rate", "352", 2024);
        assertEquals(5600.0, rate.<Double>getAs(IndicatorValues.NUMERATOR));
        assertEquals(130700.0, rate.<Double>getAs(IndicatorValues.DENOMINATOR));
        assertEquals(431.5, rate.<Double>getAs(IndicatorValues.PUBLISHED_VALUE));
        assertEquals(428.5, rate.<Double>getAs(Columns.VALUE));
        assertEquals("rounding_unknown", rate.getAs(IndicatorValues.PUBLISHED_CHECK));
        assertTrue(rate.<String>getAs(IndicatorValues.EXPLANATION).startsWith("rounding unknown"));
    }
}
