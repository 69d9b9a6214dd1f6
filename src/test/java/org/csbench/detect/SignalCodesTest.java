package org.csbench.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.csbench.contract.CodeSet;
import org.csbench.model.Judgement;
import org.csbench.signals.funnel.ExclusionReason;
import org.csbench.signals.funnel.FunnelFlag;
import org.csbench.signals.funnel.FunnelModel;
import org.csbench.signals.outlier.OutlierFlag;
import org.csbench.signals.outlier.ScaleMethod;
import org.csbench.signals.quality.IssueKind;
import org.csbench.signals.spc.AssuranceIcon;
import org.csbench.signals.spc.PointType;
import org.csbench.signals.spc.SpcRule;
import org.csbench.signals.spc.VariationIcon;
import org.csbench.signals.trend.TrendVerdict;

/** Every value a signal can take has a code, so nothing the statistics say is lost on the way to the star. */
class SignalCodesTest {
    private static final Map<CodeSet, Class<? extends Enum<?>>> SETS = Map.ofEntries(
            Map.entry(CodeSet.SPC_POINT_TYPE, PointType.class), Map.entry(CodeSet.SPC_RULE, SpcRule.class),
            Map.entry(CodeSet.VARIATION_ICON, VariationIcon.class),
            Map.entry(CodeSet.ASSURANCE_ICON, AssuranceIcon.class), Map.entry(CodeSet.TREND, TrendVerdict.class),
            Map.entry(CodeSet.FUNNEL_MODEL, FunnelModel.class), Map.entry(CodeSet.FUNNEL_POSITION, FunnelFlag.class),
            Map.entry(CodeSet.JUDGEMENT, Judgement.class), Map.entry(CodeSet.FUNNEL_EXCLUSION, ExclusionReason.class),
            Map.entry(CodeSet.OUTLIER_FLAG, OutlierFlag.class), Map.entry(CodeSet.OUTLIER_SCALE, ScaleMethod.class),
            Map.entry(CodeSet.ANOMALY, IssueKind.class));

    @Test
    void everySignalValueHasACodeAndEveryCodeASignalValue() {
        SETS.forEach((set, type) -> {
            List<String> labels = new ArrayList<>();
            for (Enum<?> value : type.getEnumConstants()) {
                labels.add(Labels.label(value));
                assertEquals(set.code(Labels.label(value)), Labels.code(set, value), set + " " + value);
            }
            assertEquals(labels, set.labels().stream().map(CodeSet.Label::label).toList(), set.id());
        });
        assertEquals(Byte.valueOf((byte) 3), Labels.code(CodeSet.SPC_POINT_TYPE, PointType.SPECIAL_CAUSE_IMPROVEMENT));
        assertEquals(null, Labels.code(CodeSet.JUDGEMENT, null));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Labels.code(CodeSet.TREND, Judgement.FAVOURABLE));
        assertEquals("Code set trend has no label 'favourable'", unknown.getMessage());
    }
}
