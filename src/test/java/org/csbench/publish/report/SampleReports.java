package org.csbench.publish.report;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.publish.ServiceAreas;
import org.csbench.SampleRun;
import org.csbench.SparkTestSession;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Star;
import org.csbench.contract.Star.DimArea;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactBenchmark;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.delta.Warehouse;
import org.csbench.publish.disclosure.DisclosureLevel;
import org.csbench.publish.disclosure.DisclosureRules;
import org.csbench.model.Seqs;

/**
 * The reports of Manchester (352, annual figures) and the City of London (201, with the synthetic monthly extract's
 * SPC charts) made once per test JVM from the sample run's warehouse, shared read-only by the report tests; and the
 * gold tables' own figures to check them against.
 */
final class SampleReports {
    static final List<String> CODES = List.of("352", "201");
    private static Path folder;
    private static List<String> progress;

    private SampleReports() {
    }

    static synchronized Path folder() {
        if (folder == null) {
            Path out = SparkTestSession.newTempDir("reports").resolve("out");
            List<String> lines = new ArrayList<>();
            new ReportJob(SampleRun.warehouse(), ServiceAreas.load(ServiceAreas.DEFAULT),
                    DisclosureRules.load(DisclosureRules.DEFAULT_FILE))
                    .run(new ReportJob.Options(CODES, null, DisclosureLevel.PUBLIC, out), lines::add);
            progress = lines;
            folder = out;
        }
        return folder;
    }

    static synchronized List<String> progress() {
        folder();
        return progress;
    }

    /**
     * An authority's latest benchmark row of an indicator, read from the gold tables by the test itself: value,
     * statistical-neighbour average, period label, the comparisons with neighbours and England.
     */
    static Row latestBenchmark(String code, String indicatorId) {
        Warehouse w = SampleRun.warehouse();
        Dataset<Row> rows = w.read(FactBenchmark.TABLE.name())
                .join(w.read(DimArea.TABLE.name()), Star.AREA_KEY)
                .join(w.read(DimIndicator.TABLE.name()), Star.INDICATOR_KEY)
                .join(w.read(DimPeriod.TABLE.name()), Star.PERIOD_KEY)
                .join(w.read(FactIndicatorValue.TABLE.name()).select(Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY,
                        FactIndicatorValue.VALUE), Seqs.of(Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY))
                .filter(col(DimArea.AREA_CODE).equalTo(code).and(col(DimIndicator.INDICATOR_ID).equalTo(indicatorId)))
                .orderBy(col(DimPeriod.END).desc())
                .select(col(FactIndicatorValue.VALUE), col(FactBenchmark.SN_AVERAGE), col(DimPeriod.LABEL),
                        CodeSet.COMPARISON.decode(col(FactBenchmark.versus("sn"))).as("vs_sn"),
                        CodeSet.COMPARISON.decode(col(FactBenchmark.versus("england"))).as("vs_england"));
        return rows.first();
    }
}
