package io.vigil.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.data.Column;
import io.vigil.core.data.CsvReader;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.eval.RankingMetrics;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.TrainingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The planted anomalies are findable but not trivial: {@code auto}, fitted the way {@code vigil detect run} fits it
 * (every column but identifiers, timestamps and the label; text columns encoded with an inferred schema), ranks
 * them well on each kind at 5% anomalies; and the same seed gives the same bytes.
 */
@Tag("functional")
class SampleDatasetsQualityTest {
    /** Columns a user would exclude: they name or time a row rather than describe it. */
    private static final Map<SampleKind, Set<String>> IDENTIFIERS = Map.of(
            SampleKind.ECOMMERCE, Set.of("transaction_id", "transaction_time", "customer_id"),
            SampleKind.SENSOR, Set.of("timestamp"),
            SampleKind.API_TRAFFIC, Set.of("timestamp"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SampleKind.class)
    void autoRanksThePlantedAnomaliesHigh(SampleKind kind) throws IOException {
        Path csv = dir.resolve(kind.label() + ".csv");
        SampleDatasets.writeCsv(new SampleSpec(kind, 5_000, 0.05, 11), csv);
        Table table = CsvReader.read(csv);
        double[] label = ((Column.Numeric) table.column("label")).values();
        boolean[] anomalous = new boolean[label.length];
        int count = 0;
        for (int i = 0; i < label.length; i++) {
            anomalous[i] = label[i] == 1;
            count += anomalous[i] ? 1 : 0;
        }
        assertThat(count).isEqualTo(250);

        Set<String> dropped = new HashSet<>(IDENTIFIERS.get(kind));
        dropped.add("label");
        Table features = table.without(dropped);
        SchemaEncoder encoder = SchemaEncoder.fit(features, null);
        Matrix matrix = encoder.encode(features);
        AnomalyModel.Training training = AnomalyModel.train(
                DetectorRegistry.standard().create("auto", new DetectorParameters(Map.of(), 0, 0.05, 2)),
                encoder, matrix, TrainingOptions.of(0.05, 0, Clock.systemUTC()));
        double auc = RankingMetrics.rocAuc(training.trainingScores().normalized(), anomalous);
        assertThat(auc).as("%s ROC-AUC", kind).isGreaterThanOrEqualTo(0.8);

        Path again = dir.resolve(kind.label() + "-again.csv");
        SampleDatasets.writeCsv(new SampleSpec(kind, 5_000, 0.05, 11), again);
        assertThat(Files.mismatch(csv, again)).isEqualTo(-1L);
    }
}
