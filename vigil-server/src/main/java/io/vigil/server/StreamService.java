package io.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.stream.Observation;
import io.vigil.core.stream.StreamDetector;
import io.vigil.core.stream.StreamRegistry;
import io.vigil.core.stream.StreamResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Named stream detectors: created or replaced by PUT, fed by observe calls, snapshotted to
 * {@code <data-dir>/streams/<name>.stream.json} on shutdown and on a timer, and restored at start, so a restart
 * forgets nothing. Each detector applies observations one at a time in the order its lock is taken (see
 * {@link StreamDetector}); a batch is applied as one uninterrupted run.
 */
public final class StreamService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String SUFFIX = ".stream.json";
    /** Results the live chart shows: five minutes at two observations a second. */
    public static final int RECENT_RESULTS = 600;

    private final StreamRegistry registry;
    private final Path dir;
    private final Map<String, StreamDetector> streams = new ConcurrentHashMap<>();
    /** The latest results per stream, for the UI's live chart; kept in memory only, so a restart starts it empty. */
    private final Map<String, java.util.ArrayDeque<Map<String, Object>>> recent = new ConcurrentHashMap<>();

    public StreamService(StreamRegistry registry, Path dir) throws IOException {
        this.registry = registry;
        this.dir = dir;
        Files.createDirectories(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String file = f.getFileName().toString();
                streams.put(file.substring(0, file.length() - SUFFIX.length()), registry.restore(f));
            }
        }
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", "stream names are 1 to 128 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit");
        }
        return name;
    }

    /** Creates or replaces a stream from {@code {"type", "settings"}}; replacing starts it afresh. */
    public Map<String, Object> put(String name, Map<String, Object> spec) {
        StreamDetector detector = registry.create(spec);
        streams.put(checkName(name), detector);
        recent.remove(name);
        save(name, detector);
        return describe(name, detector);
    }

    public Map<String, Object> get(String name) {
        return describe(name, find(name));
    }

    public List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        new TreeMap<>(streams).forEach((n, d) -> out.add(describe(n, d)));
        return out;
    }

    public void delete(String name) throws IOException {
        recent.remove(checkName(name));
        if (streams.remove(name) == null) {
            throw new ModelNotFoundException("name", "no stream named '" + name + "'; create it with PUT first");
        }
        Files.deleteIfExists(dir.resolve(name + SUFFIX));
    }

    public Map<String, Object> observe(String name, Observation observation) {
        StreamDetector d = find(name);
        StreamResult r;
        // Under the detector's lock, so the remembered results keep the order the detector applied them in.
        synchronized (d) {
            r = d.process(observation);
            remember(name, r);
        }
        return r.toJson();
    }

    /** The latest results of a stream, oldest first, each its JSON view plus {@code score}: what the UI charts. */
    public List<Map<String, Object>> recent(String name) {
        find(name);
        java.util.ArrayDeque<Map<String, Object>> results = recent.get(name);
        if (results == null) {
            return List.of();
        }
        synchronized (results) {
            return new ArrayList<>(results);
        }
    }

    private void remember(String name, StreamResult r) {
        Map<String, Object> entry = new LinkedHashMap<>(r.toJson());
        entry.put("score", StreamResult.jsonNumber(r.score()));
        entry.put("is_anomaly", r.anomaly());
        entry.put("count", r.count());
        java.util.ArrayDeque<Map<String, Object>> results = recent.computeIfAbsent(name,
                n -> new java.util.ArrayDeque<>());
        synchronized (results) {
            if (results.size() == RECENT_RESULTS) {
                results.removeFirst();
            }
            results.addLast(entry);
        }
    }

    /** Observes a batch under the detector's lock, so no other caller's observation lands in between. */
    public List<Map<String, Object>> observeAll(String name, List<Observation> batch) {
        StreamDetector d = find(name);
        List<Map<String, Object>> out = new ArrayList<>(batch.size());
        synchronized (d) {
            for (Observation o : batch) {
                StreamResult r = d.process(o);
                remember(name, r);
                out.add(r.toJson());
            }
        }
        return out;
    }

    /** Writes every stream's snapshot atomically; called on a timer and on shutdown. */
    public void snapshotAll() {
        streams.forEach(this::save);
    }

    /** The observation a stream's type takes: a payload for complexity, numbers for the others. */
    static Observation observation(StreamDetector d, JsonNode body, String where) {
        if (d.type().equals("complexity")) {
            JsonNode payload = body.get("payload");
            if (payload == null) {
                throw new InvalidRequestException(where + "payload", "a complexity stream observes {\"payload\": <any JSON>}");
            }
            return Observation.payload(payload);
        }
        JsonNode value = body.get("value");
        JsonNode values = body.get("values");
        long ts = -1;
        JsonNode timestamp = body.get("timestamp");
        if (timestamp != null && !timestamp.isNull()) {
            if (!timestamp.isIntegralNumber() || !timestamp.canConvertToLong()) {
                throw new InvalidRequestException(where + "timestamp", "timestamp must be epoch milliseconds (a whole "
                        + "number), got " + timestamp);
            }
            ts = timestamp.asLong();
        }
        if (value != null && !value.isNull()) {
            return Observation.values(ts, number(value, where + "value"));
        }
        if (values != null && values.isArray() && !values.isEmpty()) {
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = number(values.get(i), where + "values[" + i + "]");
            }
            return Observation.values(ts, v);
        }
        throw new InvalidRequestException(where + "value", "a " + d.type()
                + " stream observes {\"value\": x} or {\"values\": [x, y, ...]}");
    }

    /** A finite number: JSON has no NaN, but 1e400 parses as infinity and would poison the stream's statistics. */
    private static double number(JsonNode node, String field) {
        if (!node.isNumber()) {
            throw new InvalidRequestException(field, field + " must be a number, got " + node);
        }
        double x = node.asDouble();
        if (!Double.isFinite(x)) {
            throw new InvalidRequestException(field, field + " must be a finite number, got " + x);
        }
        return x;
    }

    StreamDetector find(String name) {
        StreamDetector d = streams.get(checkName(name));
        if (d == null) {
            throw new ModelNotFoundException("name", "no stream named '" + name + "'; create it with PUT first");
        }
        return d;
    }

    private void save(String name, StreamDetector d) {
        try {
            d.snapshot(dir.resolve(name + SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot stream " + name, e);
        }
    }

    private static Map<String, Object> describe(String name, StreamDetector d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "stream");
        out.put("name", name);
        out.put("type", d.type());
        out.put("settings", d.settings());
        out.put("count", d.count());
        return out;
    }
}
