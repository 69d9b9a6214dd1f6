package org.csbench.cli;

import picocli.CommandLine.Option;

import org.csbench.delta.Warehouse;

/** {@code --as-of} (a picocli mixin for every reader): the warehouse now, or as an earlier run published it. */
final class AsOf {
    @Option(names = "--as-of", paramLabel = "RUN_ID|RELEASE", description = "As published then: the tables as the "
            + "run with this id left them, or as the last complete run that loaded this release (default: the last "
            + "complete run).")
    String asOf;

    /** The last complete run's tables, or those of {@code --as-of} (a run id or a release label) when given. */
    Warehouse open(Csbench parent) {
        Warehouse warehouse = Session.open(parent);
        return asOf == null || asOf.isBlank() ? warehouse.published() : warehouse.publishedAsOf(asOf.trim());
    }
}
