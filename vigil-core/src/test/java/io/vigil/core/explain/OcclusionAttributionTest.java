package io.vigil.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.knn.KNearestNeighbors;
import io.vigil.core.score.FeatureBaseline;
import org.junit.jupiter.api.Test;

class OcclusionAttributionTest {

    @Test
    void batchesSplitAnywhereGiveTheSameCredits() {
        Matrix data = ExplainerTest.plantedData();
        FittedDetector knn = KNearestNeighbors.builder().build().fit(data);
        double[] medians = FeatureBaseline.of(data).medians();
        Matrix rows = data.slice(980, 1000);
        double[] whole = new OcclusionAttribution(knn, medians, 2).credits(rows);
        // 13 cells hold two copies of a 5-feature row: batches end mid-row, and the last one is short.
        double[] split = new OcclusionAttribution(knn, medians, 2, 13).credits(rows);
        double[] single = new OcclusionAttribution(knn, medians, 1, 1).credits(rows);
        assertThat(split).containsExactly(whole);
        assertThat(single).containsExactly(whole);
    }

    @Test
    void creditAveragesTheDropWithoutTheFeatureAndTheRiseWithItAlone() {
        Matrix data = ExplainerTest.plantedData();
        FittedDetector knn = KNearestNeighbors.builder().build().fit(data);
        double[] medians = FeatureBaseline.of(data).medians();
        double[] row = data.row(998);
        double[] credits = new OcclusionAttribution(knn, medians, 2).credits(new Matrix(row.clone(), 1, 5));
        double original = knn.score(new Matrix(row.clone(), 1, 5))[0];
        double empty = knn.score(new Matrix(medians.clone(), 1, 5))[0];
        for (int j = 0; j < 5; j++) {
            double[] occluded = row.clone();
            occluded[j] = medians[j];
            double drop = original - knn.score(new Matrix(occluded, 1, 5))[0];
            double[] alone = medians.clone();
            alone[j] = row[j];
            double rise = knn.score(new Matrix(alone, 1, 5))[0] - empty;
            assertThat(credits[j]).isCloseTo(Math.max(0, (drop + rise) / 2), within(1e-15));
        }
        assertThat(credits[3]).isGreaterThan(0);
    }
}
