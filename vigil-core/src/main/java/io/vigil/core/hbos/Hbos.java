package io.vigil.core.hbos;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorFactory;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HBOS, the Histogram-based Outlier Score (Goldstein and Dengel, KI 2012), as PyOD's {@code HBOS}: one static
 * equal-width histogram per feature, and a row's score is the sum over features of -log2(density + alpha) of the bin
 * its value falls in. Values just outside the training range (within {@code tol} bin widths) take the nearest edge
 * bin; values further out take the feature's worst bin. Features are treated as independent, which is what makes it
 * fast.
 */
public final class Hbos implements Detector {
    public static final String NAME = "hbos";
    /** Cap on bins per feature: beyond it a histogram says nothing more and only costs memory. */
    static final int MAX_BINS = 1_000_000;

    public static final DetectorFactory FACTORY = new DetectorFactory() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "HBOS (Goldstein and Dengel 2012): per-feature histogram densities, summed as -log2";
        }

        @Override
        public Detector create(DetectorParameters p) {
            Builder b = builder().threads(p.threads())
                    .alpha(p.doubleValue(0.1, "alpha"))
                    .tol(p.doubleValue(0.5, "tol"));
            Object bins = p.rawValue("bins", "n_bins");
            if (bins != null && "auto".equals(bins.toString().trim().toLowerCase(Locale.ROOT))) {
                b.autoBins();
            } else {
                b.bins(p.intValue(10, "bins", "n_bins"));
            }
            return b.build();
        }

        @Override
        public FittedDetector restore(DetectorState state) {
            return HbosModel.fromState(state);
        }
    };

    private final int bins;
    private final boolean autoBins;
    private final double alpha;
    private final double tol;
    private final int threads;

    private Hbos(Builder b) {
        this.bins = b.bins;
        this.autoBins = b.autoBins;
        this.alpha = b.alpha;
        this.tol = b.tol;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bins", autoBins ? "auto" : bins);
        m.put("alpha", alpha);
        m.put("tol", tol);
        return m;
    }

    /**
     * @throws IllegalArgumentException when {@code data} has no rows or columns or holds NaN or infinite values
     */
    @Override
    public HbosModel fit(Matrix data) {
        int n = data.rows();
        int d = data.cols();
        if (n == 0 || d == 0) {
            throw new IllegalArgumentException("cannot fit histograms on " + n + " rows of " + d + " features");
        }
        double[] x = data.values();
        // checked up front, on the calling thread, so the error reaches the caller unwrapped
        for (int p = 0; p < x.length; p++) {
            if (!Double.isFinite(x[p])) {
                throw new IllegalArgumentException("row " + p / d + ", column " + p % d + " is " + x[p]
                        + "; histograms need finite values");
            }
        }
        ColumnHistogram[] histograms = new ColumnHistogram[d];
        ParallelLoop.run(threads, d, j -> {
            double[] column = new double[n];
            for (int i = 0, p = j; i < n; i++, p += d) {
                column[i] = x[p];
            }
            int b = autoBins ? ColumnHistogram.birgeRozenblacBins(column) : bins;
            histograms[j] = ColumnHistogram.of(column, b);
        });
        int[] start = new int[d + 1];
        for (int j = 0; j < d; j++) {
            start[j + 1] = start[j] + histograms[j].bins();
        }
        double[] edges = new double[start[d] + d];
        double[] density = new double[start[d]];
        for (int j = 0; j < d; j++) {
            ColumnHistogram h = histograms[j];
            System.arraycopy(h.edges(), 0, edges, start[j] + j, h.bins() + 1);
            System.arraycopy(h.density(), 0, density, start[j], h.bins());
        }
        return new HbosModel(start, edges, density, alpha, tol, parameters(), threads);
    }

    /** Validating builder; {@link #build()} checks every field. */
    public static final class Builder {
        private int bins = 10;
        private boolean autoBins;
        private double alpha = 0.1;
        private double tol = 0.5;
        private int threads = ParallelLoop.defaultThreads();

        /** Equal-width bins per feature (PyOD's {@code n_bins}); default 10. */
        public Builder bins(int bins) {
            this.bins = bins;
            this.autoBins = false;
            return this;
        }

        /** Chooses each feature's bin count by the Birge-Rozenblac rule, as PyOD's {@code n_bins="auto"}. */
        public Builder autoBins() {
            this.autoBins = true;
            return this;
        }

        /** Added to every density before the logarithm so that empty bins score finitely; default 0.1. */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** How far outside the edges, in bin widths, a value still takes the edge bin; default 0.5. */
        public Builder tol(double tol) {
            this.tol = tol;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Hbos build() {
            if (!autoBins && bins <= 0) {
                throw new InvalidParameterException("bins", "bins must be greater than 0");
            }
            if (!autoBins && bins > MAX_BINS) {
                throw new InvalidParameterException("bins", "bins must be at most " + MAX_BINS);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new InvalidParameterException("alpha", "alpha must be in (0, 1), got " + alpha);
            }
            if (!(tol > 0 && tol < 1)) {
                throw new InvalidParameterException("tol", "tol must be in (0, 1), got " + tol);
            }
            if (threads <= 0) {
                throw new InvalidParameterException("threads", "threads must be greater than 0");
            }
            return new Hbos(this);
        }
    }
}
