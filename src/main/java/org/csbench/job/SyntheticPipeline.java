package org.csbench.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.csbench.config.Catalogue;
import org.csbench.config.Indicator;
import org.csbench.config.PipelineSpec;
import org.csbench.config.SourceSpec;
import org.csbench.generate.IndicatorDef;
import org.csbench.generate.Indicators;
import org.csbench.generate.SeriesKind;
import org.csbench.model.Polarity;
import org.csbench.model.Unit;

/**
 * The pipeline run on generated monthly extracts ({@code csbench bench}, the incremental-refresh tests): the default
 * spec's reference sources (population, neighbour models, code changes) and its long scorecard source read from the
 * generated files, with a catalogue that has one monthly indicator per synthetic series.
 */
public final class SyntheticPipeline {
    /** The default spec's sources kept: population, neighbour models, code changes. */
    private static final List<String> REFERENCE_SOURCES = List.of("population_ons", "sn_model_2021", "sn_model_2025",
            "la_code_change");
    /** The default spec's long scorecard source, the generated files' layout. */
    private static final String MONTHLY = "monthly_scorecards";

    private SyntheticPipeline() {
    }

    /**
     * {@code base}'s reference sources and one long scorecard source per file of {@code monthlyFiles}: the first is
     * {@value #MONTHLY}, each later one {@code monthly_scorecards_<n>} (a further extract, e.g. the next month).
     */
    public static PipelineSpec spec(PipelineSpec base, List<Path> monthlyFiles) {
        List<SourceSpec> sources = new ArrayList<>();
        for (SourceSpec source : base.sources()) {
            if (REFERENCE_SOURCES.contains(source.id())) {
                sources.add(source);
            }
            if (source.id().equals(MONTHLY)) {
                for (int i = 0; i < monthlyFiles.size(); i++) {
                    SourceSpec file = source.withPath(monthlyFiles.get(i).toString());
                    sources.add(i == 0 ? file : file.withId(MONTHLY + "_" + (i + 1)));
                }
            }
        }
        return new PipelineSpec("bench", "Generated monthly extracts", base.specFile(), base.dataDir(), sources,
                base.catalogue());
    }

    /** {@code catalogue} plus one monthly indicator per synthetic series of the generator's {@code indicators}. */
    public static Catalogue catalogue(Catalogue catalogue, int indicators, long seed) {
        List<Indicator> all = new ArrayList<>(catalogue.indicators());
        for (IndicatorDef def : Indicators.catalogue(indicators, seed)) {
            if (def.synthetic().isEmpty()) {
                continue;
            }
            boolean percent = def.kind() == SeriesKind.PERCENT;
            boolean flow = def.kind() == SeriesKind.COUNT_IN_MONTH;
            all.add(new Indicator(def.ref() + "_month", null, def.name(), null, percent ? Unit.PERCENT : Unit.COUNT,
                    Polarity.NEUTRAL, Indicator.Frequency.MONTHLY, def.ref(), List.of(), 1, percent ? 1 : 0,
                    Indicator.Rounding.HALF_UP, Indicator.ComparatorMethod.MEAN, 0.0, percent ? 100.0 : null, null, 2,
                    null, flow ? Indicator.Aggregation.SUM : Indicator.Aggregation.MEAN));
        }
        return new Catalogue(catalogue.file() + " + synthetic", all);
    }
}
