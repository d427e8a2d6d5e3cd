package io.vigil.core.ensemble;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.detect.InvalidParameterException;
import java.util.Locale;

/**
 * How an ensemble turns its members' raw scores into one score. Every rule first puts the members on a common
 * scale through each member's own {@link MemberCalibration}, because raw scores of different detectors (path-length
 * ratios, log tail probabilities, distances) are not comparable.
 */
public enum Combination {
    /** Average of the members' normalised 0..1 scores. */
    MEAN("mean"),
    /** Average of each member's empirical CDF value: the share of that member's training scores below the score. */
    RANK("rank"),
    /** Largest normalised score: a row is as anomalous as the member that finds it most anomalous. */
    MAX("max"),
    /**
     * Share of members whose normalised score exceeds their own threshold, plus 1e-3 times the mean normalised
     * score. The share alone takes only m + 1 values, so the small term breaks ties to keep rankings informative;
     * it never lifts a row past one more vote because it stays below 1e-3 while a vote is worth 1/m.
     */
    VOTE("vote");

    /** Weight of the mean normalised score that breaks ties between equal vote shares. */
    static final double VOTE_TIE_BREAK = 1e-3;
    private static final int BLOCK = 4096;

    private final String parameterName;

    Combination(String parameterName) {
        this.parameterName = parameterName;
    }

    public String parameterName() {
        return parameterName;
    }

    /** Parses the {@code combine} parameter of the {@code ensemble} detector: mean, rank or max. */
    public static Combination parseScoreRule(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Combination c : values()) {
            if (c != VOTE && c.parameterName.equals(v)) {
                return c;
            }
        }
        throw new InvalidParameterException("combine", "combine must be mean, rank or max, got '" + value + "'");
    }

    /** Reads a stored name, including {@code vote}. */
    static Combination fromStored(String value) {
        for (Combination c : values()) {
            if (c.parameterName.equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown ensemble combination '" + value + "'");
    }

    /**
     * Combines per-member raw scores {@code raw[m][i]} row by row. Each row's value depends on that row only and
     * members are summed in a fixed order, so the result does not depend on {@code threads}.
     */
    double[] combine(double[][] raw, MemberCalibration[] calibrations, int threads) {
        int n = raw[0].length;
        double[] out = new double[n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        ParallelLoop.run(threads, blocks, b -> {
            int from = b * BLOCK;
            int to = Math.min(n, from + BLOCK);
            combineRows(raw, calibrations, from, to, out);
        });
        return out;
    }

    private void combineRows(double[][] raw, MemberCalibration[] cal, int from, int to, double[] out) {
        int m = raw.length;
        for (int i = from; i < to; i++) {
            double acc = 0;
            double votes = 0;
            for (int k = 0; k < m; k++) {
                double r = raw[k][i];
                switch (this) {
                    case MEAN -> acc += cal[k].normalized(r);
                    case RANK -> acc += cal[k].rank(r);
                    case MAX -> acc = Math.max(acc, cal[k].normalized(r));
                    case VOTE -> {
                        double z = cal[k].normalized(r);
                        acc += z;
                        if (z > cal[k].threshold()) {
                            votes++;
                        }
                    }
                }
            }
            out[i] = switch (this) {
                case MEAN, RANK -> acc / m;
                case MAX -> acc;
                case VOTE -> votes / m + VOTE_TIE_BREAK * (acc / m);
            };
        }
    }
}
