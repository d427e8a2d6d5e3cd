package io.vigil.core.modelfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.DetectorState;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.Calibration;
import io.vigil.core.score.FeatureBaseline;
import io.vigil.core.score.ThresholdRule;
import io.vigil.core.score.Provenance;
import io.vigil.core.score.ScoreNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link AnomalyModel}s as model files. The document:
 * <pre>{ "format": "vigil-model", "format_version": 1,
 *   "detector": {name, version, parameters, arrays: {name: {type, length, base64}}, members: [...]},
 *   "encoder": {...}, "normalizer": {median, spread}, "threshold", "contamination",
 *   "threshold_rule": "auto" (only when not learned from the contamination),
 *   "calibration": {type, length, base64} (only for calibrated models),
 *   "baseline": {version, medians, mads} (training statistics for explanations),
 *   "provenance": {detector, parameters, rows, features, feature_names, seed, vigil_version, fitted_at} }</pre>
 * A file of a newer format version is refused with a message saying so, never half-read.
 */
public final class ModelFile {
    public static final String FORMAT = "vigil-model";
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Sorted keys: state maps come from Map.copyOf, whose iteration order changes from run to run.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final DetectorRegistry registry;

    public ModelFile(DetectorRegistry registry) {
        this.registry = registry;
    }

    public static ModelFile standard() {
        return new ModelFile(DetectorRegistry.standard());
    }

    public void write(Path file, AnomalyModel model) throws IOException {
        AtomicFiles.write(file, toBytes(model));
    }

    public AnomalyModel read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("model file " + file + " does not exist");
        }
        return fromBytes(bytes);
    }

    public byte[] toBytes(AnomalyModel model) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("format_version", FORMAT_VERSION);
        doc.put("detector", detectorToJson(model.detector().state()));
        doc.put("encoder", model.encoder().state());
        doc.put("normalizer", Map.of("median", model.normalizer().median(), "spread", model.normalizer().spread()));
        doc.put("threshold", model.threshold());
        doc.put("contamination", model.contamination());
        // Written only when they differ from the defaults, so files without them keep their exact bytes.
        if (model.thresholdRule() != ThresholdRule.CONTAMINATION) {
            doc.put("threshold_rule", model.thresholdRule().jsonName());
        }
        if (model.calibration() != null) {
            doc.put("calibration", ArrayCodec.encode(model.calibration().sortedScores()));
        }
        if (model.baseline() != null) {
            doc.put("baseline", model.baseline().state());
        }
        doc.put("provenance", provenanceToJson(model.provenance()));
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model state is not JSON-compatible", e);
        }
    }

    @SuppressWarnings("unchecked")
    public AnomalyModel fromBytes(byte[] bytes) {
        Map<String, Object> doc;
        try {
            doc = JSON.readValue(bytes, Map.class);
        } catch (IOException e) {
            throw new ModelFormatException("not a Vigil model file: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(doc.get("format"))) {
            throw new ModelFormatException("not a Vigil model file (format is " + doc.get("format") + ")");
        }
        int version = number(doc, "format_version").intValue();
        if (version > FORMAT_VERSION) {
            throw new ModelFormatException("the model file has format version " + version
                    + ", newer than this Vigil reads (" + FORMAT_VERSION + "); upgrade Vigil to load it");
        }
        if (version < 1) {
            throw new ModelFormatException("the model file has an invalid format version " + version);
        }
        try {
            DetectorState state = detectorFromJson(map(doc, "detector"));
            FittedDetector detector = registry.restore(state);
            SchemaEncoder encoder = SchemaEncoder.fromState(map(doc, "encoder"));
            Map<String, Object> norm = map(doc, "normalizer");
            ScoreNormalizer normalizer = new ScoreNormalizer(number(norm, "median").doubleValue(),
                    number(norm, "spread").doubleValue());
            ThresholdRule rule = ThresholdRule.CONTAMINATION;
            Object ruleName = doc.get("threshold_rule");
            if (ruleName != null) {
                rule = ThresholdRule.valueOf(String.valueOf(ruleName).toUpperCase(java.util.Locale.ROOT));
            }
            Calibration calibration = null;
            if (doc.get("calibration") != null) {
                calibration = new Calibration((double[]) ArrayCodec.decode("calibration", map(doc, "calibration")));
            }
            FeatureBaseline baseline = doc.get("baseline") == null ? null
                    : FeatureBaseline.fromState(map(doc, "baseline"));
            return new AnomalyModel(encoder, detector, normalizer, number(doc, "threshold").doubleValue(),
                    number(doc, "contamination").doubleValue(), rule, calibration, baseline,
                    provenanceFromJson(map(doc, "provenance")));
        } catch (ModelFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFormatException("the model file is damaged: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> detectorToJson(DetectorState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.detector());
        out.put("version", s.version());
        out.put("parameters", s.parameters());
        Map<String, Object> arrays = new LinkedHashMap<>();
        s.arrays().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> arrays.put(e.getKey(), ArrayCodec.encode(e.getValue())));
        out.put("arrays", arrays);
        List<Object> members = new ArrayList<>();
        for (DetectorState m : s.members()) {
            members.add(detectorToJson(m));
        }
        out.put("members", members);
        return out;
    }

    @SuppressWarnings("unchecked")
    static DetectorState detectorFromJson(Map<String, Object> node) {
        Object name = node.get("name");
        if (!(name instanceof String)) {
            throw new ModelFormatException("detector has no name");
        }
        Map<String, Object> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(node, "arrays").entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> m)) {
                throw new ModelFormatException("array '" + e.getKey() + "' is not an object");
            }
            arrays.put(e.getKey(), ArrayCodec.decode(e.getKey(), m));
        }
        List<DetectorState> members = new ArrayList<>();
        Object list = node.getOrDefault("members", List.of());
        if (!(list instanceof List<?> l)) {
            throw new ModelFormatException("detector members is not a list");
        }
        for (Object m : l) {
            if (!(m instanceof Map<?, ?>)) {
                throw new ModelFormatException("detector member is not an object");
            }
            members.add(detectorFromJson((Map<String, Object>) m));
        }
        return new DetectorState((String) name, number(node, "version").intValue(), map(node, "parameters"), arrays,
                members);
    }

    private static Map<String, Object> provenanceToJson(Provenance p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("detector", p.detector());
        out.put("parameters", p.parameters());
        out.put("rows", p.rows());
        out.put("features", p.features());
        out.put("feature_names", p.featureNames());
        out.put("seed", p.seed());
        out.put("vigil_version", p.vigilVersion());
        out.put("fitted_at", p.fittedAt().toString());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Provenance provenanceFromJson(Map<String, Object> n) {
        Object names = n.get("feature_names");
        return new Provenance(String.valueOf(n.get("detector")), map(n, "parameters"),
                number(n, "rows").intValue(), number(n, "features").intValue(),
                names instanceof List<?> ? (List<String>) names : List.of(), number(n, "seed").longValue(),
                String.valueOf(n.get("vigil_version")), Instant.parse(String.valueOf(n.get("fitted_at"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String key) {
        Object v = node.get(key);
        if (!(v instanceof Map<?, ?>)) {
            throw new ModelFormatException("'" + key + "' is missing or not an object");
        }
        return (Map<String, Object>) v;
    }

    private static Number number(Map<String, Object> node, String key) {
        Object v = node.get(key);
        if (!(v instanceof Number n)) {
            throw new ModelFormatException("'" + key + "' is missing or not a number");
        }
        return n;
    }
}
