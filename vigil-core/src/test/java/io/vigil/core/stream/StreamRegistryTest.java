package io.vigil.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.detect.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamRegistryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StreamRegistry registry = StreamRegistry.standard();

    @TempDir
    Path dir;

    @Test
    void buildsFromTypeAndSettingsMaps() {
        StreamDetector d = registry.create(Map.of("type", "complexity", "settings", Map.of("depth", 3)));
        assertThat(d.type()).isEqualTo("complexity");
        assertThat(d.settings()).containsEntry("depth", 3).containsEntry("max_nodes", 65_536);
        StreamDetector e = registry.create(Map.of("type", "ema_bollinger"));
        assertThat(e.settings()).containsEntry("window", 20).containsEntry("side", "outside");
        assertThat(registry.factories()).extracting(StreamDetectorFactory::type)
                .containsExactly("complexity", "ema_bollinger", "rcf", "knn_cad", "cad_ose");
    }

    @Test
    void rejectsUnknownTypesAndSettings() {
        assertThatThrownBy(() -> registry.create(Map.of("type", "fft")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("unknown stream detector 'fft'");
        assertThatThrownBy(() -> registry.create("complexity", Map.of("deep", 3)))
                .isInstanceOf(InvalidParameterException.class).hasMessage(
                        "unknown setting 'deep' for complexity; it takes depth, max_nodes, min_count, threshold");
        assertThatThrownBy(() -> registry.create(Map.of("type", "rcf", "settings", Map.of("trees", "many"))))
                .isInstanceOf(InvalidParameterException.class).hasMessage("trees must be a number, got 'many'");
    }

    @Test
    void complexitySnapshotContinuesIdentically() throws Exception {
        List<Observation> stream = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 400; i++) {
            JsonNode p = JSON.readTree("{\"u\":\"" + random.nextInt(30) + "\",\"v\":" + random.nextInt(500) + "}");
            stream.add(Observation.payload(p));
        }
        assertResumesIdentically(Map.of("type", "complexity", "settings", Map.of("depth", 2, "max_nodes", 300)),
                stream);
    }

    @Test
    void bollingerSnapshotContinuesIdentically() {
        List<Observation> stream = new ArrayList<>();
        Random random = new Random(12);
        for (int i = 0; i < 300; i++) {
            stream.add(Observation.value(Math.sin(i / 9.0) * 100 + random.nextGaussian()));
        }
        assertResumesIdentically(Map.of("type", "ema_bollinger", "settings", Map.of("window", 17, "k", 1.0, "cooldown", 5)), stream);
    }

    @Test
    void rcfSnapshotContinuesIdentically() {
        List<Observation> stream = new ArrayList<>();
        Random random = new Random(13);
        for (int i = 0; i < 500; i++) {
            double v = i == 420 ? 40 : Math.sin(i / 7.0) * 5 + random.nextGaussian() * 0.3;
            stream.add(Observation.values(i, v));
        }
        assertResumesIdentically(Map.of("type", "rcf", "settings",
                Map.of("shingle_size", 4, "trees", 20, "sample_size", 64, "cooldown", 3)), stream);
    }

    @Test
    void cadOseSnapshotContinuesIdentically() {
        List<Observation> stream = new ArrayList<>();
        Random random = new Random(14);
        for (int i = 0; i < 600; i++) {
            double v = i == 420 ? 40 : Math.sin(i / 7.0) * 5 + random.nextGaussian() * 0.3;
            stream.add(Observation.values(i, v));
        }
        assertResumesIdentically(Map.of("type", "cad_ose", "settings",
                Map.of("warm_up", 50, "history", 100, "rest_period", 30, "cooldown", 3)), stream);
    }

    @Test
    void rejectsCorruptSnapshots() {
        assertThatThrownBy(() -> registry.restore("{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a stream snapshot");
        assertThatThrownBy(() -> registry.restore(("{\"format\":\"vigil-stream\",\"version\":9,\"type\":\"rcf\","
                + "\"settings\":{},\"state\":{}}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 9 is not supported");
    }

    /** Runs the whole stream on one detector, and on another that is snapshotted to a file and restored midway. */
    private void assertResumesIdentically(Map<String, Object> spec, List<Observation> stream) {
        StreamDetector straight = registry.create(spec);
        StreamDetector first = registry.create(spec);
        int half = stream.size() / 2;
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Observation o : stream) {
            expected.add(straight.process(o).toJson());
        }
        List<Map<String, Object>> resumed = new ArrayList<>();
        for (int i = 0; i < half; i++) {
            resumed.add(first.process(stream.get(i)).toJson());
        }
        try {
            Path file = dir.resolve(spec.get("type") + ".snapshot.json");
            first.snapshot(file);
            StreamDetector second = registry.restore(file);
            assertThat(second.count()).isEqualTo(half);
            assertThat(second.settings()).isEqualTo(first.settings());
            for (int i = half; i < stream.size(); i++) {
                resumed.add(second.process(stream.get(i)).toJson());
            }
            assertThat(Files.list(dir)).allMatch(p -> !p.getFileName().toString().endsWith(".tmp"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(resumed).isEqualTo(expected);
    }
}
