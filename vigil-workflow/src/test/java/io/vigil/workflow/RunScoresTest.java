package io.vigil.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.Scores;
import io.vigil.core.score.TrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs score in chunks and learn their threshold outside {@code AnomalyModel.train}; on the same rows, detector and
 * seed they must give exactly what train gives.
 */
class RunScoresTest {
    @TempDir
    Path dir;

    @Test
    void chunkedRunsMatchAnomalyModelTrainingForBothThresholdRules() throws Exception {
        Path csv = Files.writeString(dir.resolve("tx.csv"), WorkflowTest.transactions(RunJob.CHUNK + 2500));
        try (Workflow w = Workflow.open(dir.resolve("data"), WorkflowTest.CLOCK, 1, 2)) {
            w.datasets().importFile("tx", csv, null, null);
            check(w, "forest", "isolation_forest", Map.of("trees", 60), 0.05);
            check(w, "tails", "ecod", Map.of(), "auto");
        }
    }

    private void check(Workflow w, String name, String algorithm, Map<String, Object> params, Object contamination)
            throws Exception {
        DetectorSpec spec = w.detectors().create(new DetectorRequest(name, algorithm, params, contamination, null,
                List.of("id"), 9L, null));
        RunInfo run = w.runs().await(w.runs().start(name, "tx").id(), Duration.ofSeconds(60));
        assertThat(run.state()).as(String.valueOf(run.message())).isEqualTo(RunState.SUCCEEDED);

        LoadedDataset data = w.datasets().load("tx", null, List.of("id"));
        SchemaEncoder encoder = SchemaEncoder.fit(data.features(), null);
        Matrix m = encoder.encode(data.features());
        double c = spec.contamination() == null ? Double.NaN : spec.contamination();
        AnomalyModel.Training t = AnomalyModel.train(DetectorRegistry.standard().create(algorithm,
                new DetectorParameters(params, 9L, Double.isNaN(c) ? 0.1 : c, 1)), encoder, m,
                TrainingOptions.of(c, 9L, WorkflowTest.CLOCK));
        Scores expected = t.trainingScores();
        assertThat(run.summary().threshold()).isEqualTo(t.model().threshold());
        assertThat(run.summary().anomalies()).isEqualTo(expected.anomalyCount());

        Path results = w.root().resolve("runs").resolve(run.id()).resolve(ResultsStore.FILE);
        try (Connection conn = InMemoryDuckDb.open(); Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"index\", raw_score, score, is_anomaly FROM read_parquet("
                     + InMemoryDuckDb.literal(results) + ") ORDER BY \"index\"")) {
            int i = 0;
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(i);
                assertThat(rs.getDouble(2)).as("raw score of row %d", i).isEqualTo(expected.raw()[i]);
                assertThat(rs.getDouble(3)).isEqualTo(expected.normalized()[i]);
                assertThat(rs.getBoolean(4)).isEqualTo(expected.anomalous()[i]);
                i++;
            }
            assertThat(i).isEqualTo(m.rows());
        }
    }
}
