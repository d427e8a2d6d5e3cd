package io.vigil.core.stream;

import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.stream.bollinger.EmaBollinger;
import io.vigil.core.stream.cad.ContextualAnomalyDetector;
import io.vigil.core.stream.complexity.PayloadComplexity;
import io.vigil.core.stream.knncad.KnnConformal;
import io.vigil.core.stream.rcf.RandomCutForestStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stream detector types by name, built from the JSON-compatible spec {@code {"type": ..., "settings": {...}}}
 * that a REST body or a command line carries, and restored from snapshots.
 */
public final class StreamRegistry {
    private final Map<String, StreamDetectorFactory> factories = new LinkedHashMap<>();

    public StreamRegistry(List<StreamDetectorFactory> factories) {
        for (StreamDetectorFactory f : factories) {
            this.factories.put(f.type(), f);
        }
    }

    public static StreamRegistry standard() {
        return new StreamRegistry(List.of(PayloadComplexity.FACTORY, EmaBollinger.FACTORY,
                RandomCutForestStream.FACTORY, KnnConformal.FACTORY, ContextualAnomalyDetector.FACTORY));
    }

    public List<StreamDetectorFactory> factories() {
        return List.copyOf(factories.values());
    }

    /** Builds from {@code {"type": "complexity", "settings": {"depth": 3}}}; settings may be absent. */
    public StreamDetector create(Map<String, ?> spec) {
        Object type = spec.get("type");
        if (!(type instanceof String name)) {
            throw new InvalidParameterException("type", "type must name a stream detector: " + factories.keySet());
        }
        for (String key : spec.keySet()) {
            if (!key.equals("type") && !key.equals("settings")) {
                throw new InvalidParameterException(key, "unknown field " + key + "; expected type and settings");
            }
        }
        Object settings = spec.get("settings");
        if (settings != null && !(settings instanceof Map)) {
            throw new InvalidParameterException("settings", "settings must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> s = settings == null ? Map.of() : (Map<String, ?>) settings;
        return create(name, s);
    }

    /** Builds a detector of the named type; unknown settings are an error naming them. */
    public StreamDetector create(String type, Map<String, ?> settings) {
        StreamDetectorFactory f = factory(type);
        DetectorParameters p = DetectorParameters.of(settings);
        StreamDetector d = f.create().apply(p);
        p.requireAllRead("setting", type);
        return d;
    }

    /** Rebuilds a detector from {@link StreamDetector#snapshot()} bytes. */
    public StreamDetector restore(byte[] snapshot) {
        StreamSnapshot s = StreamSnapshot.parse(snapshot);
        DetectorParameters p = DetectorParameters.of(s.settings());
        StreamDetector d = factory(s.type()).restore().apply(p, s.state());
        p.requireAllRead("setting", s.type());
        return d;
    }

    public StreamDetector restore(Path file) throws IOException {
        return restore(Files.readAllBytes(file));
    }

    private StreamDetectorFactory factory(String type) {
        StreamDetectorFactory f = factories.get(type);
        if (f == null) {
            throw new InvalidParameterException("type", "unknown stream detector '" + type + "'; known: "
                    + String.join(", ", factories.keySet()));
        }
        return f;
    }
}
