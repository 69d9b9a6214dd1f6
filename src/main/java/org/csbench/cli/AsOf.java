package org.csbench.cli;

import org.csbench.delta.Warehouse;

/** {@code --as-of}: the warehouse as readers see it, now or as an earlier run published it. */
final class AsOf {
    private AsOf() {
    }

    /** The last complete run's tables, or those of {@code asOf} (a run id or a release label) when given. */
    static Warehouse open(Csbench parent, String asOf) {
        Warehouse warehouse = Session.open(parent);
        return asOf == null || asOf.isBlank() ? warehouse.published() : warehouse.publishedAsOf(asOf.trim());
    }
}
