package io.vigil.server;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.detect.UnknownDetectorException;
import io.vigil.core.encode.Schema;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.explain.Explainer;
import io.vigil.core.explain.Explanation;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.Scores;
import io.vigil.core.score.TrainingOptions;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models a server holds, by name, and everything done to them. Models are immutable, so the map swaps whole
 * models: a fit that replaces a model is one {@code put}, and a request scoring concurrently sees the old model or
 * the new, never a mix. A name not in memory is looked up among the saved files on first use, so saved models
 * serve again after a restart without an explicit load.
 */
public final class AnomalyService {
    /** What a fit uses when the request names no backend: "auto" once such a detector is registered. */
    public static final String PREFERRED_DEFAULT_BACKEND = "auto";
    public static final String FALLBACK_BACKEND = "isolation_forest";

    private final DetectorRegistry registry;
    private final ModelStore store;
    private final Clock clock;
    private final ServerMetrics metrics;
    private final Map<String, AnomalyModel> models = new ConcurrentHashMap<>();

    public AnomalyService(DetectorRegistry registry, ModelStore store, Clock clock, ServerMetrics metrics) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
        metrics.gaugeModelsLoaded(models);
    }

    public DetectorRegistry registry() {
        return registry;
    }

    public ModelStore store() {
        return store;
    }

    public String defaultBackend() {
        return registry.contains(PREFERRED_DEFAULT_BACKEND) ? PREFERRED_DEFAULT_BACKEND : FALLBACK_BACKEND;
    }

    public int loadedCount() {
        return models.size();
    }

    public FitResult fit(FitRequest r) {
        long t0 = System.nanoTime();
        double contamination = r.contamination();
        DetectorParameters params = new DetectorParameters(r.parameters(), r.seed(),
                Double.isNaN(contamination) ? 0.1 : contamination, ParallelLoop.defaultThreads());
        Detector detector;
        try {
            detector = registry.create(r.backend(), params);
        } catch (UnknownDetectorException e) {
            throw new InvalidRequestException("backend", e.getMessage());
        }
        TrainingOptions options = new TrainingOptions(contamination, r.seed(), r.calibrationFraction(), clock);
        List<String> names = r.schema() == null ? null : List.copyOf(r.schema().fields().keySet());
        if (names != null && r.data() instanceof RequestData.Positional p && p.width() != names.size()) {
            throw new InvalidRequestException("data", "rows have " + p.width() + " values but the schema has "
                    + names.size() + " fields " + names + "; number arrays map onto the schema's fields in order");
        }
        Table table = r.data().table(names);
        SchemaEncoder encoder = SchemaEncoder.fit(table, r.schema());
        Matrix encoded = encoder.encode(table);
        AnomalyModel.Training training = AnomalyModel.train(detector, encoder, encoded, options);
        models.put(r.model(), training.model());
        metrics.fitted(r.backend(), table.rows());
        return new FitResult(r.model(), r.backend(), table.rows(), (System.nanoTime() - t0) / 1e6,
                training.model());
    }

    public ScoreResult score(ScoreRequest r, boolean onlyAnomalies) {
        AnomalyModel model = model(r.model(), r.backend());
        SchemaEncoder encoder = model.encoder();
        if (r.schema() != null && !r.schema().equals(encoder.schema())) {
            throw new InvalidRequestException("schema", "model '" + r.model() + "' was fitted with schema "
                    + encoder.schema().toJson() + "; leave schema out to use it, or refit to change it");
        }
        Matrix encoded = encode(r.model(), encoder, r.data());
        Scores scores;
        try {
            scores = model.scoreEncoded(encoded, r.threshold() == null ? model.threshold() : r.threshold());
        } catch (InvalidParameterException e) {
            throw new InvalidRequestException(e.parameter(), e.getMessage());
        }
        metrics.scored(encoded.rows());
        if (r.explain() <= 0) {
            return new ScoreResult(scores, null, null);
        }
        int[] rows = onlyAnomalies ? flagged(scores.anomalous()) : allRows(scores.size());
        Explainer explainer;
        try {
            explainer = Explainer.forModel(model);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("explain", "model '" + r.model() + "' cannot be explained: "
                    + e.getMessage());
        }
        List<Explanation> explanations = rows.length == 0 ? List.of()
                : explainer.explain(rows.length == scores.size() ? encoded : encoded.selectRows(rows), r.explain());
        return new ScoreResult(scores, rows, explanations);
    }

    /** Positional rows map onto the model's fields in order; records must carry every field of its schema. */
    private static Matrix encode(String name, SchemaEncoder encoder, RequestData data) {
        List<String> fields = List.copyOf(encoder.schema().fields().keySet());
        if (data instanceof RequestData.Positional p) {
            if (p.width() != fields.size()) {
                throw new InvalidRequestException("data", "rows have " + p.width() + " values but model '" + name
                        + "' expects " + fields.size() + (fields.size() == 1 ? " value" : " values")
                        + (positional(fields) ? "" : " (fields " + fields + ", in that order)"));
            }
            return encoder.encode(p.table(fields));
        }
        Table table = data.table(null);
        List<String> absent = new ArrayList<>();
        for (String f : fields) {
            if (table.column(f) == null) {
                absent.add(f);
            }
        }
        if (!absent.isEmpty()) {
            throw new InvalidRequestException("data", "no row has the field" + (absent.size() == 1 ? " " : "s ")
                    + absent + " that model '" + name + "' was fitted on; its fields are " + fields
                    + (positional(fields) ? " (it was fitted on number arrays: send number arrays)" : ""));
        }
        return encoder.encode(table);
    }

    private static boolean positional(List<String> fields) {
        for (int j = 0; j < fields.size(); j++) {
            if (!fields.get(j).equals(Integer.toString(j))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The model serving under {@code name}, loading its latest save from disk when it is not in memory.
     *
     * @param backend the backend the caller expects, or null
     * @throws ModelNotFoundException  when it is neither in memory nor saved
     * @throws InvalidRequestException when it uses another backend than expected, or several saves match
     */
    public AnomalyModel model(String name, String backend) {
        AnomalyModel model = models.get(name);
        if (model == null) {
            model = loadLazily(name, backend);
        }
        String actual = model.provenance().detector();
        if (backend != null && !backend.equals(actual)) {
            throw new InvalidRequestException("backend", "model '" + name + "' uses backend " + actual + ", not "
                    + backend + "; leave backend out or name " + actual);
        }
        return model;
    }

    private AnomalyModel loadLazily(String name, String backend) {
        try {
            String chosen = backend;
            if (chosen == null) {
                List<String> saved = store.savedBackends(name);
                if (saved.size() > 1) {
                    throw new InvalidRequestException("backend", "model '" + name + "' is not loaded and is saved "
                            + "with several backends " + saved + "; give backend to choose one");
                }
                chosen = saved.isEmpty() ? null : saved.get(0);
            }
            if (chosen == null || !registry.contains(chosen)
                    || !store.savedBackends(name).contains(chosen)) {
                throw new ModelNotFoundException("model", "no model named '" + name + "'"
                        + (backend == null ? "" : " with backend " + backend) + " is fitted or saved; fit it "
                        + "with POST /v1/anomaly/fit (or load a saved one with POST /v1/anomaly/load)");
            }
            AnomalyModel loaded = store.read(name, chosen, null);
            AnomalyModel raced = models.putIfAbsent(name, loaded);
            return raced != null ? raced : loaded;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public ModelStore.SaveResult save(String name, String backend) throws IOException {
        AnomalyModel model = models.get(name);
        if (model == null) {
            throw new ModelNotFoundException("model", "no fitted model named '" + name + "' to save; fit it first "
                    + "with POST /v1/anomaly/fit");
        }
        String actual = model.provenance().detector();
        if (backend != null && !backend.equals(actual)) {
            throw new InvalidRequestException("backend", "model '" + name + "' uses backend " + actual + ", not "
                    + backend);
        }
        return store.save(name, actual, model);
    }

    /** Loads a saved model (the latest save or a given version) and serves it under its name. */
    public AnomalyModel load(String name, String backend, Integer version) throws IOException {
        String chosen = backend;
        if (chosen == null) {
            List<String> saved = store.savedBackends(name);
            if (saved.size() != 1) {
                throw saved.isEmpty()
                        ? new ModelNotFoundException("model", "no saved model named '" + name + "' in " + store.dir())
                        : new InvalidRequestException("backend", "model '" + name + "' is saved with several "
                        + "backends " + saved + "; give backend to choose one");
            }
            chosen = saved.get(0);
        } else if (!registry.contains(chosen)) {
            throw new InvalidRequestException("backend", "unknown backend '" + chosen + "'; choose one of "
                    + String.join(", ", registry.names()));
        }
        AnomalyModel model = store.read(name, chosen, version);
        models.put(name, model);
        return model;
    }

    /** Forgets nothing in memory: deleting a file only removes the saved copy. */
    public void deleteFile(String filename) throws IOException {
        store.delete(filename);
    }

    public Set<String> loadedNames() {
        return Set.copyOf(models.keySet());
    }

    private static int[] flagged(boolean[] anomalous) {
        int c = 0;
        for (boolean b : anomalous) {
            if (b) {
                c++;
            }
        }
        int[] out = new int[c];
        for (int i = 0, k = 0; i < anomalous.length; i++) {
            if (anomalous[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static int[] allRows(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
