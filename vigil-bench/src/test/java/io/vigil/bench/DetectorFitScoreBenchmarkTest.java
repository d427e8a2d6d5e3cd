package io.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorFitScoreBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"local_outlier_factor", "ecod", "hbos", "autoencoder"})
    void eachWorkloadRunsOnASmallTable(String name) {
        DetectorFitScoreBenchmark benchmark = new DetectorFitScoreBenchmark();
        benchmark.prepare(name, 500, 4);
        double[] scores = benchmark.fitAndScore();
        assertThat(scores).hasSize(500);
        assertThat(java.util.Arrays.stream(scores).allMatch(Double::isFinite)).isTrue();
    }
}
