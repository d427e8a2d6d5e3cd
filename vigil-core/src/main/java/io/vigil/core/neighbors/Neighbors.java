package io.vigil.core.neighbors;

/**
 * The k nearest neighbours of each query row, flattened row-major: row i's neighbours are at [i*k, (i+1)*k),
 * nearest first, ties broken by the lower training row index.
 *
 * @param rows number of query rows
 * @param k neighbours per row
 * @param indices training row indices, {@code rows * k} of them
 * @param distances Euclidean distances matching {@code indices}
 */
public record Neighbors(int rows, int k, int[] indices, double[] distances) {

    public Neighbors {
        if (indices.length != (long) rows * k || distances.length != indices.length) {
            throw new IllegalArgumentException("indices and distances must hold rows*k entries");
        }
    }

    public int index(int row, int j) {
        return indices[row * k + j];
    }

    public double distance(int row, int j) {
        return distances[row * k + j];
    }

    /** The distance to the k-th (farthest kept) neighbour of {@code row}. */
    public double kthDistance(int row) {
        return distances[row * k + k - 1];
    }
}
