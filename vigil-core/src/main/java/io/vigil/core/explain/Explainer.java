package io.vigil.core.explain;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.ecdf.TailDetectorModel;
import io.vigil.core.hbos.HbosModel;
import io.vigil.core.iforest.IsolationForestModel;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.FeatureBaseline;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Explains scored rows by their top feature contributions. Contributions are shares of the row's anomaly: every
 * feature's credit (from the method that suits the model's detector, see {@link AttributionMethod}) is non-negative,
 * and a row's credits are divided by their sum, so over all features they add up to 1. A row no feature takes any
 * credit for (a perfectly ordinary row) spreads its share evenly, 1/d each; if some credits are infinite, those
 * features split the row evenly between them. Shares compare features within a row, not rows with each other: the
 * row's score says how anomalous it is, the shares say why.
 *
 * <p>Immutable and thread-safe. Rows are encoded rows, as {@link AnomalyModel#encoder()} makes them.
 */
public final class Explainer {
    private final List<String> featureNames;
    private final FeatureBaseline baseline;
    private final AttributionMethod method;
    private final Attribution attribution;
    private final int features;
    private final int threads;

    private Explainer(List<String> featureNames, FeatureBaseline baseline, AttributionMethod method,
                      Attribution attribution, int threads) {
        this.featureNames = featureNames;
        this.baseline = baseline;
        this.method = method;
        this.attribution = attribution;
        this.features = featureNames.size();
        this.threads = threads;
    }

    /**
     * An explainer for {@code model}, using the method that suits its detector: Local-DIFFI for Isolation Forest,
     * the per-dimension terms for ECOD, COPOD and HBOS, occlusion for every other detector.
     *
     * @param baseline the training medians of the model's encoded features, e.g. {@link FeatureBaseline#of(Matrix)}
     *                 of the training matrix
     */
    /** An explainer using the baseline stored in the model. */
    public static Explainer forModel(AnomalyModel model) {
        if (model.baseline() == null) {
            throw new IllegalArgumentException("this model has no feature baseline (it was saved without one, or trained without it): refit it to explain");
        }
        return forModel(model, model.baseline());
    }

    public static Explainer forModel(AnomalyModel model, FeatureBaseline baseline) {
        return forModel(model, baseline, methodFor(model.detector()));
    }

    /**
     * An explainer with a chosen method. {@link AttributionMethod#OCCLUSION} suits every detector; the others only
     * the detectors they are named for.
     *
     * @throws IllegalArgumentException when the method does not suit the model's detector, or the baseline has a
     *                                  different number of features than the model
     */
    public static Explainer forModel(AnomalyModel model, FeatureBaseline baseline, AttributionMethod method) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(method, "method");
        FittedDetector detector = model.detector();
        if (baseline.features() != detector.features()) {
            throw new IllegalArgumentException("the baseline has " + baseline.features()
                    + " features but the model has " + detector.features());
        }
        int threads = ParallelLoop.defaultThreads();
        double[] medians = baseline.medians();
        Attribution attribution = switch (method) {
            case OCCLUSION -> new OcclusionAttribution(detector, medians, threads);
            case PATH_DEPTH -> {
                if (!(detector instanceof IsolationForestModel forest)) {
                    throw new IllegalArgumentException(method + " explains isolation_forest models, not "
                            + detector.detectorName());
                }
                yield new PathDepthAttribution(forest, threads);
            }
            case DIMENSION_TERMS -> {
                if (detector instanceof TailDetectorModel tail) {
                    yield new DimensionTermAttribution(tail::contributions, medians);
                } else if (detector instanceof HbosModel hbos) {
                    yield new DimensionTermAttribution(hbos::contributions, medians);
                }
                throw new IllegalArgumentException(method + " explains ecod, copod and hbos models, not "
                        + detector.detectorName());
            }
        };
        return new Explainer(model.encoder().featureNames(), baseline, method, attribution, threads);
    }

    private static AttributionMethod methodFor(FittedDetector detector) {
        if (detector instanceof IsolationForestModel) {
            return AttributionMethod.PATH_DEPTH;
        }
        if (detector instanceof TailDetectorModel || detector instanceof HbosModel) {
            return AttributionMethod.DIMENSION_TERMS;
        }
        return AttributionMethod.OCCLUSION;
    }

    /** The method this explainer credits features with. */
    public AttributionMethod method() {
        return method;
    }

    public FeatureBaseline baseline() {
        return baseline;
    }

    /**
     * Every feature's share of every row's anomaly (rows x features): non-negative, each row summing to 1.
     */
    public Matrix contributions(Matrix encodedRows) {
        requireFeatures(encodedRows);
        double[] shares = attribution.credits(encodedRows);
        int d = features;
        ParallelLoop.run(threads, encodedRows.rows(), i -> normalise(shares, i * d, d));
        return new Matrix(shares, encodedRows.rows(), d);
    }

    /**
     * One explanation per row, in row order: the row's {@code k} largest contributions (all d when k exceeds the
     * number of features), largest first, ties in feature order.
     *
     * @throws InvalidParameterException when k is less than 1
     */
    public List<Explanation> explain(Matrix encodedRows, int k) {
        if (k < 1) {
            throw new InvalidParameterException("k", "k must be greater than 0, got " + k);
        }
        double[] shares = contributions(encodedRows).values();
        double[] x = encodedRows.values();
        int d = features;
        int top = Math.min(k, d);
        Explanation[] out = new Explanation[encodedRows.rows()];
        ParallelLoop.run(threads, out.length, i -> {
            int base = i * d;
            int[] order = ranking(shares, base, d);
            List<FeatureContribution> list = new ArrayList<>(top);
            for (int r = 0; r < top; r++) {
                int j = order[r];
                list.add(new FeatureContribution(featureNames.get(j), shares[base + j], x[base + j],
                        baseline.median(j)));
            }
            out[i] = new Explanation(list);
        });
        return List.of(out);
    }

    private void requireFeatures(Matrix rows) {
        if (rows.cols() != features) {
            throw new IllegalArgumentException("rows have " + rows.cols() + " features, the model expects "
                    + features);
        }
    }

    /** Turns credits[base, base + d) into shares summing to 1, in place; see the class comment. */
    static void normalise(double[] credits, int base, int d) {
        int infinite = 0;
        double sum = 0;
        for (int j = base; j < base + d; j++) {
            double c = credits[j];
            if (c == Double.POSITIVE_INFINITY) {
                infinite++;
            } else if (c > 0) {
                sum += c;
            }
        }
        for (int j = base; j < base + d; j++) {
            double c = credits[j];
            if (infinite > 0) {
                credits[j] = c == Double.POSITIVE_INFINITY ? 1.0 / infinite : 0.0;
            } else if (sum > 0) {
                credits[j] = c > 0 ? c / sum : 0.0;
            } else {
                credits[j] = 1.0 / d;
            }
        }
    }

    /** Feature indices by share, largest first, ties in index order: a stable merge sort of 0..d-1. */
    static int[] ranking(double[] shares, int base, int d) {
        int[] order = new int[d];
        for (int j = 0; j < d; j++) {
            order[j] = j;
        }
        int[] buffer = new int[d];
        for (int width = 1; width < d; width *= 2) {
            for (int lo = 0; lo < d - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, d);
                int a = lo;
                int b = mid;
                int o = lo;
                while (a < mid && b < hi) {
                    // Taking the left run on ties keeps equal shares in index order.
                    buffer[o++] = shares[base + order[a]] >= shares[base + order[b]] ? order[a++] : order[b++];
                }
                while (a < mid) {
                    buffer[o++] = order[a++];
                }
                while (b < hi) {
                    buffer[o++] = order[b++];
                }
                System.arraycopy(buffer, lo, order, lo, hi - lo);
            }
        }
        return order;
    }

    @Override
    public String toString() {
        return "Explainer[" + method + ", " + features + " features]";
    }
}
