package io.vigil.core.sample;

import java.util.SplittableRandom;

/**
 * Which rows of a block are planted anomalies. Real incidents last a while (a sensor drifts for an hour, a service
 * fails for a minute), so anomalies come as runs: consecutive rows of one lane, where a lane is one interleaved
 * stream within the block (row {@code r} belongs to lane {@code r % lanes}, e.g. one sensor of several read in
 * turn). Exactly the requested number of rows is marked, so the file's anomaly rate is the one asked for.
 */
final class AnomalyPlan {
    /** Tries at placing a run in free space before the rest is filled one row at a time. */
    private static final int MAX_MISSES = 64;

    private final int[] run;
    private final int[] step;
    private final int[] length;

    private AnomalyPlan(int rows) {
        run = new int[rows];
        step = new int[rows];
        length = new int[rows];
    }

    /**
     * Marks {@code count} of {@code rows} rows in runs of {@code minRun..maxRun} rows (shorter where a run meets
     * another or the end of the block).
     */
    static AnomalyPlan place(SplittableRandom random, int rows, int lanes, int count, int minRun, int maxRun) {
        if (count < 0 || count > rows) {
            throw new IllegalArgumentException("count must be in [0, " + rows + "], got " + count);
        }
        AnomalyPlan plan = new AnomalyPlan(rows);
        int placed = 0;
        int runs = 0;
        int misses = 0;
        while (placed < count && misses < MAX_MISSES) {
            int wanted = Math.min(count - placed, minRun + random.nextInt(maxRun - minRun + 1));
            int lane = random.nextInt(lanes);
            int positions = (rows - lane + lanes - 1) / lanes;
            int start = positions > 0 ? random.nextInt(positions) : 0;
            int free = 0;
            while (free < wanted && start + free < positions && plan.run[(start + free) * lanes + lane] == 0) {
                free++;
            }
            if (free == 0) {
                misses++;
                continue;
            }
            runs++;
            for (int k = 0; k < free; k++) {
                plan.mark((start + k) * lanes + lane, runs, k, free);
            }
            placed += free;
        }
        // A crowded block (high rates) leaves gaps too small to hit by chance: take free rows in turn.
        int offset = random.nextInt(rows);
        for (int i = 0; i < rows && placed < count; i++) {
            int row = (offset + i) % rows;
            if (plan.run[row] == 0) {
                plan.mark(row, ++runs, 0, 1);
                placed++;
            }
        }
        return plan;
    }

    private void mark(int row, int runNumber, int stepInRun, int runLength) {
        run[row] = runNumber;
        step[row] = stepInRun;
        length[row] = runLength;
    }

    boolean anomalous(int row) {
        return run[row] != 0;
    }

    /** The run a row belongs to, numbered from 1 within the block; 0 for normal rows. */
    int run(int row) {
        return run[row];
    }

    /** How far into its run a row is, from 0. */
    int step(int row) {
        return step[row];
    }

    /** The length of a row's run. */
    int length(int row) {
        return length[row];
    }
}
