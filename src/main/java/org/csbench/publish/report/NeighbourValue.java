package org.csbench.publish.report;

/** A statistical neighbour's value in the latest period (rank 1 = closest neighbour). */
public record NeighbourValue(int rank, String code, String name, Double value, String status) {
}
