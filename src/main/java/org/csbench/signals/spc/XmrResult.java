package org.csbench.signals.spc;

import java.io.Serializable;
import java.util.List;

/**
 * The XmR chart of one series: one {@link XmrPoint} per input value, the summary icons and warnings (e.g. a segment
 * shorter than recommended).
 */
public record XmrResult(List<XmrPoint> points, VariationIcon variation, AssuranceIcon assurance,
        List<String> warnings) implements Serializable {

    public XmrResult {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
    }
}
