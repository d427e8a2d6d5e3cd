package io.vigil.server;

import io.javalin.http.Context;
import io.vigil.core.encode.Schema;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.Provenance;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code /v1/anomaly} endpoints. Each handler only parses and validates the request, calls
 * {@link AnomalyService}, and writes the response; errors propagate to {@link ErrorMapper}.
 */
final class AnomalyRoutes {
    /** Fit fields that are not detector parameters; every other top-level field is one. */
    static final Set<String> FIT_FIELDS = Set.of("model", "backend", "data", "schema", "contamination", "seed",
            "random_state", "calibration_fraction");
    static final Set<String> SCORE_FIELDS = Set.of("model", "backend", "data", "schema", "threshold", "explain");
    static final Set<String> SAVE_FIELDS = Set.of("model", "backend");
    static final Set<String> LOAD_FIELDS = Set.of("model", "backend", "version");

    private final AnomalyService service;
    private final long maxBodyBytes;

    AnomalyRoutes(AnomalyService service, long maxBodyBytes) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
    }

    void fit(Context ctx) throws IOException {
        JsonRequest req = body(ctx);
        String model = modelName(req);
        String backend = req.string("backend");
        if (backend == null || backend.isEmpty()) {
            backend = service.defaultBackend();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        req.fields().forEach((k, v) -> {
            if (!FIT_FIELDS.contains(k) && v != null) {
                parameters.put(k, v);
            }
        });
        if (req.has("seed") && req.has("random_state")) {
            throw new InvalidRequestException("random_state", "give only one of seed and random_state");
        }
        Long seed = req.has("seed") ? req.whole("seed") : req.whole("random_state");
        Double calibration = req.number("calibration_fraction");
        FitRequest fit = new FitRequest(model, backend, req.data(), schema(req), contamination(req),
                seed == null ? 0L : seed, calibration == null ? 0 : calibration, parameters);
        FitResult result = service.fit(fit);
        AnomalyModel m = result.anomalyModel();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "fit_result");
        out.put("model", result.model());
        out.put("backend", result.backend());
        out.put("samples_fitted", result.samples());
        out.put("training_time_ms", Math.round(result.trainingMillis() * 100) / 100.0);
        out.put("model_params", m.provenance().parameters());
        out.put("encoder", Map.of("schema", m.encoder().schema().toJson(), "features", m.encoder().featureNames()));
        out.put("threshold", m.threshold());
        out.put("status", "fitted");
        ResponseWriter.json(ctx, 200, out);
    }

    void score(Context ctx) throws IOException {
        ResponseWriter.scores(ctx, service.score(scoreRequest(body(ctx)), false), false);
    }

    void detect(Context ctx) throws IOException {
        ResponseWriter.scores(ctx, service.score(scoreRequest(body(ctx)), true), true);
    }

    void save(Context ctx) throws IOException {
        JsonRequest req = body(ctx);
        req.requireOnly(SAVE_FIELDS);
        String model = modelName(req);
        ModelStore.SaveResult saved = service.save(model, backendOrNull(req));
        AnomalyModel m = service.model(model, null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "save_result");
        out.put("model", model);
        out.put("backend", m.provenance().detector());
        out.put("filename", saved.filename());
        out.put("path", saved.path().toString());
        out.put("encoder_path", saved.encoderPath().toString());
        out.put("version", saved.version());
        out.put("status", "saved");
        ResponseWriter.json(ctx, 200, out);
    }

    void load(Context ctx) throws IOException {
        JsonRequest req = body(ctx);
        req.requireOnly(LOAD_FIELDS);
        String model = modelName(req);
        Long version = req.whole("version");
        if (version != null && (version < 1 || version > Integer.MAX_VALUE)) {
            throw new InvalidRequestException("version", "version must be 1 or more, got " + version);
        }
        AnomalyModel m = service.load(model, backendOrNull(req), version == null ? null : version.intValue());
        String backend = m.provenance().detector();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "load_result");
        out.put("model", model);
        out.put("backend", backend);
        String filename = version == null ? ModelStore.latestName(model, backend)
                : ModelStore.versionName(model, backend, version.intValue());
        out.put("filename", filename);
        out.put("path", service.store().dir().resolve(filename).toString());
        out.put("version", version);
        out.put("threshold", m.threshold());
        out.put("status", "loaded");
        ResponseWriter.json(ctx, 200, out);
    }

    void list(Context ctx) throws IOException {
        List<Map<String, Object>> data = service.store().list().stream().map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("filename", f.filename());
            row.put("size_bytes", f.sizeBytes());
            row.put("modified", f.modifiedEpochSeconds());
            row.put("backend", f.backend());
            row.put("model", f.model());
            row.put("version", f.version());
            return row;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", data);
        out.put("models_dir", service.store().dir().toString());
        out.put("total", data.size());
        ResponseWriter.json(ctx, 200, out);
    }

    void delete(Context ctx) throws IOException {
        String filename = ctx.pathParam("name");
        service.deleteFile(filename);
        ResponseWriter.json(ctx, 200, Map.of("object", "delete_result", "filename", filename, "status", "deleted"));
    }

    void describe(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        ModelStore.checkModelName(name, "model");
        AnomalyModel m = service.model(name, null);
        Provenance p = m.provenance();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("rows", p.rows());
        provenance.put("features", p.features());
        provenance.put("seed", p.seed());
        provenance.put("vigil_version", p.vigilVersion());
        provenance.put("fitted_at", p.fittedAt().toString());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "model");
        out.put("model", name);
        out.put("backend", p.detector());
        out.put("model_params", p.parameters());
        out.put("schema", m.encoder().schema().toJson());
        out.put("features", m.encoder().featureNames());
        out.put("threshold", m.threshold());
        out.put("threshold_rule", m.thresholdRule().jsonName());
        out.put("contamination", m.contamination());
        out.put("calibrated", m.calibration() != null);
        out.put("explainable", m.baseline() != null);
        out.put("provenance", provenance);
        out.put("saved_versions", service.store().list().stream()
                .filter(f -> f.model().equals(name) && f.version() != null).map(ModelStore.SavedFile::version)
                .sorted().toList());
        ResponseWriter.json(ctx, 200, out);
    }

    private ScoreRequest scoreRequest(JsonRequest req) {
        req.requireOnly(SCORE_FIELDS);
        String model = modelName(req);
        Double threshold = req.number("threshold");
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new InvalidRequestException("threshold", "threshold must be between 0 and 1, got " + threshold);
        }
        Long explain = req.whole("explain");
        if (explain != null && (explain < 1 || explain > 10_000)) {
            throw new InvalidRequestException("explain", "explain is the number of top features to report per "
                    + "point, at least 1; got " + explain);
        }
        return new ScoreRequest(model, backendOrNull(req), req.data(), schema(req), threshold,
                explain == null ? 0 : explain.intValue());
    }

    /** Oversized bodies up to this size are read and dropped before the 413 goes out. */
    private static final long DRAIN_LIMIT = 256L << 20;

    private JsonRequest body(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            // Read what the client is still sending (up to a bound) so it receives the 413 instead of a reset
            // connection; a body beyond the bound is cut off with the connection.
            if (declared <= DRAIN_LIMIT) {
                ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            }
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        return RequestReader.read(new BoundedInputStream(ctx.req().getInputStream(), maxBodyBytes));
    }

    private static String modelName(JsonRequest req) {
        String model = req.string("model");
        if (model == null || model.isEmpty()) {
            throw new InvalidRequestException("model", "model is required: the name to keep the model under, "
                    + "e.g. \"sensor-monitor\"");
        }
        ModelStore.checkModelName(model, "model");
        return model;
    }

    private String backendOrNull(JsonRequest req) {
        String backend = req.string("backend");
        if (backend == null || backend.isEmpty()) {
            return null;
        }
        if (!service.registry().contains(backend)) {
            throw new InvalidRequestException("backend", "unknown backend '" + backend + "'; choose one of "
                    + String.join(", ", service.registry().names()));
        }
        return backend;
    }

    private static Schema schema(JsonRequest req) {
        Map<String, Object> json = req.object("schema");
        return json == null ? null : Schema.parse(json);
    }

    /** A number in (0, 0.5], or "auto" (NaN); 0.1 when absent. */
    private static double contamination(JsonRequest req) {
        Object v = req.fields().get("contamination");
        if (v == null) {
            return 0.1;
        }
        double c;
        if (v instanceof String s && s.trim().equalsIgnoreCase("auto")) {
            return Double.NaN;
        } else if (v instanceof Number n) {
            c = n.doubleValue();
        } else {
            throw new InvalidRequestException("contamination", "contamination must be a number in (0, 0.5] or "
                    + "\"auto\", got " + JsonRequest.describe(v));
        }
        if (!(c > 0 && c <= 0.5)) {
            throw new InvalidRequestException("contamination", "contamination must be greater than 0 and at most "
                    + "0.5, got " + c);
        }
        return c;
    }
}
