package io.vigil.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.data.Matrix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureBaselineTest {

    @Test
    void mediansAndMadsOfEachColumnLeavingMissingValuesOut() {
        Matrix m = Matrix.of(new double[][] {
                {1, 10, Double.NaN},
                {2, 20, 5},
                {3, 30, 7},
                {100, 40, Double.NaN}});
        FeatureBaseline b = FeatureBaseline.of(m);
        // Column 0: median (2 + 3) / 2 = 2.5; deviations 1.5, 0.5, 0.5, 97.5 -> MAD 1.0.
        assertThat(b.medians()).containsExactly(2.5, 25.0, 6.0);
        assertThat(b.mads()).containsExactly(1.0, 10.0, 1.0);
        assertThat(b.features()).isEqualTo(3);
        assertThat(b.median(1)).isEqualTo(25.0);
        assertThat(b.mad(2)).isEqualTo(1.0);
    }

    @Test
    void stateSurvivesAJsonRoundTrip() throws Exception {
        FeatureBaseline b = new FeatureBaseline(new double[] {0.1, -3.25e-7, 1e300}, new double[] {0, 2.5, 1e-300});
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> back = json.readValue(json.writeValueAsString(b.state()), Map.class);
        FeatureBaseline restored = FeatureBaseline.fromState(back);
        assertThat(restored).isEqualTo(b);
        assertThat(restored.medians()).containsExactly(0.1, -3.25e-7, 1e300);
        assertThat(b.state()).containsEntry("version", 1).containsKeys("medians", "mads");
    }

    @Test
    void rejectsMalformedStatesAndInputs() {
        assertThatThrownBy(() -> FeatureBaseline.fromState(Map.of("version", 2, "medians", List.of(1.0),
                "mads", List.of(0.0)))).hasMessageContaining("version 2");
        assertThatThrownBy(() -> FeatureBaseline.fromState(Map.of("version", 1, "medians", List.of(1.0))))
                .hasMessageContaining("'mads'");
        assertThatThrownBy(() -> FeatureBaseline.fromState(Map.of("version", 1, "medians", List.of("a"),
                "mads", List.of(0.0)))).hasMessageContaining("'medians'[0]");
        assertThatThrownBy(() -> FeatureBaseline.fromState(Map.of("version", 1, "medians", List.of(1.0, 2.0),
                "mads", List.of(0.0)))).hasMessageContaining("2 medians but 1 MADs");
        assertThatThrownBy(() -> new FeatureBaseline(new double[] {Double.NaN}, new double[] {0}))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new FeatureBaseline(new double[] {0}, new double[] {-1}))
                .hasMessageContaining("MAD");
        assertThatThrownBy(() -> FeatureBaseline.of(Matrix.of(new double[][] {{1, Double.NaN}, {2, Double.NaN}})))
                .hasMessageContaining("column 1 has no values");
        assertThatThrownBy(() -> FeatureBaseline.of(new Matrix(new double[0], 0, 3)))
                .hasMessageContaining("at least one training row");
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] medians = {1, 2};
        FeatureBaseline b = new FeatureBaseline(medians, new double[] {0, 0});
        medians[0] = 99;
        b.medians()[1] = 99;
        assertThat(b.medians()).containsExactly(1, 2);
    }
}
