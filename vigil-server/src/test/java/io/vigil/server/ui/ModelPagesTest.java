package io.vigil.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.score.AnomalyModel;
import io.vigil.server.AnomalyService;
import io.vigil.server.FitRequest;
import io.vigil.server.ModelStore;
import io.vigil.server.RequestData;
import io.vigil.server.ServerMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPagesTest {
    private static final String BACKEND = "isolation_forest";
    private static final Instant FITTED_AT = Instant.parse("2024-01-15T10:00:00Z");

    @TempDir
    Path dir;

    /** The listing counted each model's versions by scanning every saved file again: quadratic in the files. */
    @Test
    void listingHundredsOfSavedModelsCountsEachOnesVersionsInNameOrder() throws Exception {
        ModelStore store = new ModelStore(dir, DetectorRegistry.standard());
        AnomalyService anomaly = new AnomalyService(DetectorRegistry.standard(), store,
                Clock.fixed(FITTED_AT, ZoneOffset.UTC), new ServerMetrics());
        AnomalyModel fitted = fit(anomaly, "template");

        // Names in shuffled order, mixing case, digits and '.', '_', '-', so file order, save order and name
        // order all differ; "m1" and "m10" also end up side by side in the folder.
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add(switch (i % 4) {
                case 0 -> "m" + i;
                case 1 -> "Model-" + i;
                case 2 -> "z_" + i + ".prod";
                default -> "A" + (1000 - i);
            });
        }
        Collections.shuffle(names, new Random(7));
        Map<String, Integer> expectedVersions = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            int saves = 1 + i % 3;
            for (int s = 0; s < saves; s++) {
                store.save(names.get(i), BACKEND, fitted);
            }
            expectedVersions.put(names.get(i), saves);
        }
        // In memory and saved: the row keeps the saved file's size and versions. In memory only: no file at all.
        anomaly.save("template", BACKEND);
        expectedVersions.put("template", 1);
        fit(anomaly, "memory-only");
        expectedVersions.put("memory-only", 0);

        List<ModelPages.ModelRow> rows = ModelPages.rows(anomaly);

        assertThat(rows).extracting(ModelPages.ModelRow::name).containsExactlyElementsOf(expectedVersions.keySet());
        for (ModelPages.ModelRow row : rows) {
            assertThat(row.backend()).as(row.name()).isEqualTo(BACKEND);
            assertThat(row.versions()).as(row.name()).isEqualTo(expectedVersions.get(row.name()));
            assertThat(row.inMemory()).as(row.name()).isEqualTo(row.name().equals("template")
                    || row.name().equals("memory-only"));
            if (row.name().equals("memory-only")) {
                assertThat(row.sizeBytes()).isNull();
                assertThat(row.modified()).isEqualTo(FITTED_AT);
            } else {
                Path latest = dir.resolve(ModelStore.latestName(row.name(), BACKEND));
                assertThat(row.sizeBytes()).as(row.name()).isEqualTo(Files.size(latest));
                assertThat(row.modified()).as(row.name()).isEqualTo(Instant.ofEpochMilli(
                        Files.getLastModifiedTime(latest).toMillis()));
            }
        }
    }

    private static AnomalyModel fit(AnomalyService anomaly, String name) {
        double[][] data = new double[40][];
        for (int i = 0; i < data.length; i++) {
            data[i] = new double[] {i % 7, i % 5};
        }
        return anomaly.fit(new FitRequest(name, BACKEND, new RequestData.Positional(Matrix.of(data)), null, 0.1, 1,
                0, Map.of("trees", 10))).anomalyModel();
    }
}
