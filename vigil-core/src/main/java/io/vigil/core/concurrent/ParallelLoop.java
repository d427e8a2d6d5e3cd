package io.vigil.core.concurrent;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs {@code task(i)} for every i in [0, n) on up to {@code threads} threads.
 * Work is split into chunks; callers make results independent of the split (each index writes its own
 * slot), which is what keeps detectors deterministic whatever the thread count.
 */
public final class ParallelLoop {
    private static final int AVAILABLE = Runtime.getRuntime().availableProcessors();
    /** Worker threads of a ForkJoinPool are daemons, so this pool never keeps the JVM alive. */
    private static final ForkJoinPool SHARED = new ForkJoinPool(AVAILABLE);

    private ParallelLoop() {
    }

    /** The default thread count: every core. */
    public static int defaultThreads() {
        return AVAILABLE;
    }

    public static void run(int threads, int n, IntConsumer task) {
        if (threads <= 1 || n <= 1) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        int chunks = Math.min(n, threads * 4);
        if (threads == AVAILABLE) {
            SHARED.invoke(new Chunk(task, n, 0, chunks, chunks));
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.invoke(new Chunk(task, n, 0, chunks, chunks));
            } finally {
                pool.shutdown();
            }
        }
    }

    private static final class Chunk extends RecursiveAction {
        private final IntConsumer task;
        private final int n;
        private final int lo;
        private final int hi;
        private final int chunks;

        Chunk(IntConsumer task, int n, int lo, int hi, int chunks) {
            this.task = task;
            this.n = n;
            this.lo = lo;
            this.hi = hi;
            this.chunks = chunks;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                int from = (int) ((long) n * lo / chunks);
                int to = (int) ((long) n * hi / chunks);
                for (int i = from; i < to; i++) {
                    task.accept(i);
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Chunk(task, n, lo, mid, chunks), new Chunk(task, n, mid, hi, chunks));
        }
    }
}
