package io.vigil.core.neighbors;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import java.util.Arrays;

/**
 * A k-d tree in flat arrays. Each node splits its rows at the median of the dimension where they spread most
 * (scikit-learn's rule) until at most {@link #LEAF_SIZE} rows remain; every node keeps its rows' bounding box, and a
 * query visits a node only when the box is no farther than its current k-th neighbour. Rows are copied in tree
 * order, each leaf as one contiguous column-major block.
 */
public final class KdTree extends NeighborIndex {
    static final int LEAF_SIZE = 32;
    /** Queries handed to one task: enough to amortise its heap, few enough to balance the threads. */
    private static final int QUERY_BLOCK = 128;

    private final int d;
    /** Row index at each tree position. */
    private final int[] order;
    /** The rows in tree order, each leaf's block stored column-major: leaf rows [s, e) put column t of its
     *  j-th row at s*d + t*(e-s) + j. */
    private final double[] points;
    /** Rows in the largest leaf (leaves of identical rows can exceed LEAF_SIZE): the scratch a scan needs. */
    private final int widestLeaf;
    private final int[] start;
    private final int[] end;
    /** First child (the second is the next node), or -1 at a leaf. */
    private final int[] left;
    private final double[] lower;
    private final double[] upper;

    private KdTree(Matrix data, int[] order, double[] points, int[] start, int[] end, int[] left, double[] lower,
                   double[] upper, int widestLeaf) {
        super(data);
        this.widestLeaf = widestLeaf;
        this.d = data.cols();
        this.order = order;
        this.points = points;
        this.start = start;
        this.end = end;
        this.left = left;
        this.lower = lower;
        this.upper = upper;
    }

    public static KdTree build(Matrix data) {
        if (data.rows() == 0 || data.cols() == 0) {
            throw new IllegalArgumentException(
                    "cannot index " + data.rows() + " rows of " + data.cols() + " columns");
        }
        Builder b = new Builder(data);
        b.split(b.newNode(0, data.rows()));
        int nodes = b.nodes;
        int d = data.cols();
        // Each leaf's rows are stored column by column, so that a scan computes all of a leaf's distances with
        // loops over contiguous lanes, which the JIT vectorises.
        double[] points = new double[data.values().length];
        int widest = 1;
        for (int node = 0; node < nodes; node++) {
            if (b.left[node] >= 0) {
                continue;
            }
            int from = b.start[node];
            int size = b.end[node] - from;
            widest = Math.max(widest, size);
            for (int j = 0; j < size; j++) {
                int row = b.order[from + j] * d;
                for (int t = 0; t < d; t++) {
                    points[from * d + t * size + j] = data.values()[row + t];
                }
            }
        }
        return new KdTree(data, b.order, points, Arrays.copyOf(b.start, nodes), Arrays.copyOf(b.end, nodes),
                Arrays.copyOf(b.left, nodes), Arrays.copyOf(b.lower, nodes * d), Arrays.copyOf(b.upper, nodes * d),
                widest);
    }

    /** Number of tree nodes, leaves included. */
    public int nodes() {
        return start.length;
    }

    @Override
    void search(Matrix queries, int k, boolean excludeSelf, int threads, int[] indices, double[] distances) {
        int n = queries.rows();
        // Querying the indexed rows themselves in tree order keeps neighbouring queries on the same leaves.
        boolean treeOrder = queries.values() == data.values();
        double[] q = queries.values();
        int blocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
        ParallelLoop.run(threads, blocks, b -> {
            NeighborHeap heap = new NeighborHeap(k);
            double[] scratch = new double[widestLeaf];
            for (int p = b * QUERY_BLOCK, to = Math.min(n, p + QUERY_BLOCK); p < to; p++) {
                int row = treeOrder ? order[p] : p;
                visit(0, q, row * d, excludeSelf ? row : -1, heap, scratch);
                heap.drainSorted(indices, distances, row * k);
            }
        });
    }

    private void visit(int node, double[] q, int qo, int self, NeighborHeap heap, double[] scratch) {
        int l = left[node];
        if (l < 0) {
            scanLeaf(node, q, qo, self, heap, scratch);
            return;
        }
        double dl = boxDistance(l, q, qo);
        double dr = boxDistance(l + 1, q, qo);
        // Equal distances are still visited: a row there may win a tie by its lower index.
        if (dl <= dr) {
            if (dl <= heap.bound()) {
                visit(l, q, qo, self, heap, scratch);
            }
            if (dr <= heap.bound()) {
                visit(l + 1, q, qo, self, heap, scratch);
            }
        } else {
            if (dr <= heap.bound()) {
                visit(l + 1, q, qo, self, heap, scratch);
            }
            if (dl <= heap.bound()) {
                visit(l, q, qo, self, heap, scratch);
            }
        }
    }

    /**
     * Distances to all of a leaf's rows, column by column over contiguous lanes; each row's sum still runs over its
     * columns in order, exactly as {@link NeighborIndex#squaredDistance}.
     */
    private void scanLeaf(int node, double[] q, int qo, int self, NeighborHeap heap, double[] s) {
        int from = start[node];
        int size = end[node] - from;
        int base = from * d;
        double[] pts = points;
        double q0 = q[qo];
        for (int j = 0; j < size; j++) {
            double diff = q0 - pts[base + j];
            s[j] = diff * diff;
        }
        for (int t = 1; t < d; t++) {
            double qt = q[qo + t];
            int column = base + t * size;
            for (int j = 0; j < size; j++) {
                double diff = qt - pts[column + j];
                s[j] += diff * diff;
            }
        }
        double bound = heap.bound();
        for (int j = 0; j < size; j++) {
            if (s[j] <= bound) {
                int row = order[from + j];
                if (row != self) {
                    heap.offer(s[j], row);
                    bound = heap.bound();
                }
            }
        }
    }

    /** Squared distance from the query to the node's bounding box. */
    private double boxDistance(int node, double[] q, int qo) {
        double s = 0;
        int o = node * d;
        for (int t = 0; t < d; t++) {
            double v = q[qo + t];
            double gap = Math.max(Math.max(lower[o + t] - v, v - upper[o + t]), 0.0);
            s += gap * gap;
        }
        return s;
    }

    /** Grows the tree depth first; arrays are sized for the most nodes median splits can make. */
    private static final class Builder {
        final double[] x;
        final int d;
        final int[] order;
        final int[] start;
        final int[] end;
        final int[] left;
        final double[] lower;
        final double[] upper;
        int nodes;

        Builder(Matrix data) {
            x = data.values();
            d = data.cols();
            int n = data.rows();
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // Median splits leave at least LEAF_SIZE / 2 rows per leaf, so there are at most 2n/16 + 1 leaves.
            int capacity = 2 * (n / (LEAF_SIZE / 2) + 1) + 1;
            start = new int[capacity];
            end = new int[capacity];
            left = new int[capacity];
            lower = new double[capacity * d];
            upper = new double[capacity * d];
        }

        int newNode(int from, int to) {
            int node = nodes++;
            start[node] = from;
            end[node] = to;
            left[node] = -1;
            int o = node * d;
            Arrays.fill(lower, o, o + d, Double.POSITIVE_INFINITY);
            Arrays.fill(upper, o, o + d, Double.NEGATIVE_INFINITY);
            for (int p = from; p < to; p++) {
                int r = order[p] * d;
                for (int t = 0; t < d; t++) {
                    double v = x[r + t];
                    if (v < lower[o + t]) {
                        lower[o + t] = v;
                    }
                    if (v > upper[o + t]) {
                        upper[o + t] = v;
                    }
                }
            }
            return node;
        }

        void split(int node) {
            int from = start[node];
            int to = end[node];
            if (to - from <= LEAF_SIZE) {
                return;
            }
            int o = node * d;
            int dim = 0;
            double widest = -1;
            for (int t = 0; t < d; t++) {
                double spread = upper[o + t] - lower[o + t];
                if (spread > widest) {
                    widest = spread;
                    dim = t;
                }
            }
            if (!(widest > 0)) {
                return; // all rows identical: nothing to split
            }
            int mid = (from + to) >>> 1;
            select(from, to, mid, dim);
            int l = newNode(from, mid);
            newNode(mid, to);
            left[node] = l;
            split(l);
            split(l + 1);
        }

        /** Reorders order[from, to) so position kth holds its median by column dim (three-way quickselect). */
        private void select(int from, int to, int kth, int dim) {
            while (to - from > 1) {
                double a = key(from, dim);
                double b = key((from + to) >>> 1, dim);
                double c = key(to - 1, dim);
                double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
                int lt = from;
                int i = from;
                int gt = to;
                while (i < gt) {
                    double v = key(i, dim);
                    if (v < pivot) {
                        swap(lt++, i++);
                    } else if (v > pivot) {
                        swap(i, --gt);
                    } else {
                        i++;
                    }
                }
                if (kth < lt) {
                    to = lt;
                } else if (kth >= gt) {
                    from = gt;
                } else {
                    return;
                }
            }
        }

        private double key(int p, int dim) {
            return x[order[p] * d + dim];
        }

        private void swap(int i, int j) {
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
