package io.vigil.core.neighbors;

/**
 * A bounded max-heap of (squared distance, index) pairs keeping the k best seen so far. "Worse" means a larger
 * distance, or an equal distance and a larger index, so the kept set is unique whatever the visiting order:
 * that is what makes the k-d tree and the brute-force scan agree exactly.
 */
final class NeighborHeap {
    private final double[] dist;
    private final int[] index;
    private final int capacity;
    private int size;

    NeighborHeap(int capacity) {
        this.capacity = capacity;
        this.dist = new double[capacity];
        this.index = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    boolean full() {
        return size == capacity;
    }

    /** The squared distance a candidate must not exceed to have a chance; infinite until the heap is full. */
    double bound() {
        return size == capacity ? dist[0] : Double.POSITIVE_INFINITY;
    }

    void offer(double d, int i) {
        if (size < capacity) {
            int c = size++;
            while (c > 0) {
                int p = (c - 1) >>> 1;
                if (!worse(d, i, dist[p], index[p])) {
                    break;
                }
                dist[c] = dist[p];
                index[c] = index[p];
                c = p;
            }
            dist[c] = d;
            index[c] = i;
            return;
        }
        if (!worse(dist[0], index[0], d, i)) {
            return;
        }
        siftDown(d, i, size);
    }

    private void siftDown(double d, int i, int n) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= n) {
                break;
            }
            int r = l + 1;
            int m = r < n && worse(dist[r], index[r], dist[l], index[l]) ? r : l;
            if (!worse(dist[m], index[m], d, i)) {
                break;
            }
            dist[c] = dist[m];
            index[c] = index[m];
            c = m;
        }
        dist[c] = d;
        index[c] = i;
    }

    /** Empties the heap into {@code out*} at {@code offset}, nearest first, taking square roots. */
    void drainSorted(int[] outIndex, double[] outDist, int offset) {
        for (int n = size; n > 0; n--) {
            outIndex[offset + n - 1] = index[0];
            outDist[offset + n - 1] = Math.sqrt(dist[0]);
            siftDown(dist[n - 1], index[n - 1], n - 1);
        }
        size = 0;
    }

    private static boolean worse(double d1, int i1, double d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }
}
