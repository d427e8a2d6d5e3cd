/**
 * Exact k-nearest-neighbour search under Euclidean distance. {@link io.vigil.core.neighbors.NeighborIndex#build}
 * picks a k-d tree (J. L. Bentley, "Multidimensional binary search trees used for associative searching",
 * CACM 1975; median splits on the widest dimension, as in scikit-learn's {@code KDTree}) for
 * low dimension and a blocked brute-force scan for high dimension. Both return the same answer bit for bit:
 * neighbours sorted by distance, ties broken by the lower row index, distances recomputed exactly as
 * sqrt(sum((a-b)^2)) in column order.
 */
package io.vigil.core.neighbors;
