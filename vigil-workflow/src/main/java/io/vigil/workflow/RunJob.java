package io.vigil.workflow;

import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.encode.IdentifierColumns;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.eval.Evaluation;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.ScoreDistribution;
import io.vigil.core.score.ScoreNormalizer;
import io.vigil.core.score.ThresholdRule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One run on the service's executor: load, fit, score in chunks, evaluate, write. Cancel is cooperative: it is
 * checked between phases and between scoring chunks, and the run then ends {@code cancelled}.
 */
final class RunJob implements Runnable {
    static final int CHUNK = 10_000;
    /**
     * Detectors whose score of a training row does not depend on how rows are batched. k-NN and LOF (and the
     * ensembles that may hold them) leave a training row out of its own neighbourhood only when handed the whole
     * training matrix, so they are scored in one call.
     */
    private static final Set<String> ROW_INDEPENDENT = Set.of("isolation_forest", "one_class_svm", "autoencoder",
            "ecod", "copod", "hbos");

    private final Path runDir;
    private final Datasets datasets;
    private final Detectors detectors;
    private final Clock clock;
    private final int threads;
    private final Consumer<RunInfo> persist;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    final CompletableFuture<RunInfo> done = new CompletableFuture<>();
    private volatile RunInfo info;

    RunJob(RunInfo info, Path runDir, Datasets datasets, Detectors detectors, Clock clock, int threads,
           Consumer<RunInfo> persist) {
        this.info = info;
        this.runDir = runDir;
        this.datasets = datasets;
        this.detectors = detectors;
        this.clock = clock;
        this.threads = threads;
        this.persist = persist;
    }

    RunInfo info() {
        return info;
    }

    /** Asks the run to stop; a run that has not started yet is cancelled at once. */
    synchronized RunInfo cancel() {
        cancelRequested.set(true);
        if (info.state() == RunState.QUEUED) {
            finish(RunState.CANCELLED, "cancelled before it started", null, null);
        }
        return info;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (info.state() != RunState.QUEUED) {
                return;
            }
            info = info.started(clock.instant().toString()).with(RunState.RUNNING, new RunProgress("loading", 0, 0, 0));
            persist.accept(info);
        }
        try {
            execute();
        } catch (Cancelled c) {
            finish(RunState.CANCELLED, "cancelled during " + info.progress().phase(), null, null);
        } catch (Throwable e) {
            // Whatever goes wrong, the run must end: a run left "running" would be waited on forever.
            String why = e instanceof OutOfMemoryError ? "out of memory; give the JVM more heap (-Xmx) or use "
                    + "fewer rows or columns" : e.getMessage() == null ? e.getClass().getSimpleName()
                    : e instanceof RuntimeException ? e.getMessage() : e.getClass().getSimpleName() + ": "
                    + e.getMessage();
            finish(RunState.FAILED, why, null, null);
        }
    }

    private void execute() {
        long t0 = System.nanoTime();
        DetectorSpec spec = info.detectorSpec();
        long expected = datasets.get(info.dataset()).rows();
        LoadedDataset data = datasets.load(info.dataset(), spec.columns(), spec.exclude(), read -> {
            checkCancel();
            progress("loading", read, expected, 5.0 * read / Math.max(1, expected));
        });
        long rows = data.info().rows();
        String labelColumn = data.info().labelColumn();
        progress("loading", rows, rows, 5);
        Table features = data.features();
        List<String> ignored = spec.columns() == null || spec.columns().isEmpty()
                ? IdentifierColumns.find(features) : List.of();
        if (ignored.size() == features.columns().size()) {
            ignored = List.of(); // nothing but identifiers: better a noisy run than no features at all
        }
        features = features.without(Set.copyOf(ignored));
        SchemaEncoder encoder = SchemaEncoder.fit(features, null);
        Matrix matrix = encoder.encode(features);
        features = null;
        boolean[] labels = data.labels();
        data = null;
        long t1 = System.nanoTime();
        checkCancel();
        progress("fitting", 0, rows, 10);
        Detector detector = detectors.build(spec, threads);
        FittedDetector fitted = detector.fit(matrix);
        long t2 = System.nanoTime();
        checkCancel();
        progress("scoring", 0, rows, 40);
        double[] raw = score(fitted, matrix, rows);
        long t3 = System.nanoTime();
        checkCancel();
        progress("evaluating", rows, rows, 90);
        ScoreDistribution distribution = ScoreDistribution.of(raw);
        ScoreNormalizer normalizer = ScoreNormalizer.fit(distribution);
        double[] normalized = normalizer.normalize(raw);
        // The same threshold AnomalyModel.train learns; runs score in chunks, so they cannot call train itself.
        double threshold = spec.contamination() == null ? ThresholdRule.autoThreshold(distribution, normalizer)
                : AnomalyModel.normalizedQuantile(distribution, normalizer, 1.0 - spec.contamination());
        boolean[] flags = new boolean[raw.length];
        long anomalies = 0;
        for (int i = 0; i < raw.length; i++) {
            flags[i] = normalized[i] > threshold;
            anomalies += flags[i] ? 1 : 0;
        }
        RunMetrics metrics = labels == null ? null : metrics(labelColumn, normalized, flags, labels);
        RunCharts charts = new RunCharts(info.id(), ScoreCharts.histogram(normalized, flags, threshold),
                labels == null ? null : ScoreCharts.roc(normalized, labels), null);
        checkCancel();
        long explaining = Math.min(anomalies, RunExplanations.MAX_EXPLAINED);
        progress("explaining", 0, explaining, 92);
        String[] topFeatures = RunExplanations.explain(encoder, fitted, normalizer, threshold, spec, matrix,
                normalized, flags, clock, done -> {
                    checkCancel();
                    progress("explaining", done, explaining, 92 + 3.0 * done / Math.max(1, explaining));
                });
        checkCancel();
        progress("writing", rows, rows, 95);
        ResultsStore.write(runDir, raw, normalized, flags, topFeatures);
        WorkflowJson.write(runDir.resolve(Runs.CHARTS_FILE), charts);
        List<String> names = encoder.featureNames();
        RunSummary summary = new RunSummary(rows, matrix.cols(), names.subList(0, Math.min(100, names.size())),
                ignored, anomalies, (double) anomalies / Math.max(1, rows), threshold,
                spec.contamination() == null ? (double) anomalies / Math.max(1, rows) : spec.contamination(),
                spec.thresholdRule(), millis(t0, t1), millis(t1, t2), millis(t2, t3), millis(t0, System.nanoTime()));
        finish(RunState.SUCCEEDED, null, summary, metrics);
    }

    private double[] score(FittedDetector fitted, Matrix matrix, long rows) {
        int n = matrix.rows();
        if (!ROW_INDEPENDENT.contains(fitted.detectorName()) || n <= CHUNK) {
            double[] raw = fitted.score(matrix);
            progress("scoring", n, rows, 90);
            return raw;
        }
        double[] raw = new double[n];
        for (int from = 0; from < n; from += CHUNK) {
            checkCancel();
            int to = Math.min(n, from + CHUNK);
            double[] part = fitted.score(matrix.slice(from, to));
            System.arraycopy(part, 0, raw, from, part.length);
            progress("scoring", to, rows, 40 + 50.0 * to / n);
        }
        return raw;
    }

    /** From the dataset as it was loaded: deleting the dataset while the run scores must not fail it. */
    private RunMetrics metrics(String labelColumn, double[] normalized, boolean[] flags, boolean[] labels) {
        Evaluation e = Evaluation.of(normalized, flags, labels);
        return new RunMetrics(labelColumn, e.truePositives() + e.falseNegatives(), e.precision(), e.recall(),
                e.f1(), finite(e.rocAuc()), finite(e.averagePrecision()), new RunMetrics.ConfusionMatrix(
                e.truePositives(), e.falsePositives(), e.trueNegatives(), e.falseNegatives()));
    }

    private void progress(String phase, long done, long total, double percent) {
        RunInfo now = info;
        boolean phaseChanged = !phase.equals(now.progress().phase());
        info = now.with(RunState.RUNNING, new RunProgress(phase, done, total, Math.round(percent * 10) / 10.0));
        if (phaseChanged) {
            persist.accept(info);
        }
    }

    private void checkCancel() {
        if (cancelRequested.get()) {
            throw new Cancelled();
        }
    }

    private synchronized void finish(RunState end, String message, RunSummary summary, RunMetrics metrics) {
        if (info.state().finished()) {
            return;
        }
        info = info.finished(end, message, clock.instant().toString(), summary, metrics);
        persist.accept(info);
        done.complete(info);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Unwinds a run whose cancel was requested. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
