package io.vigil.core.lof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.data.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Fit on all rows, score all rows" LOF (n_neighbors = 20, raw features) must reach scikit-learn's ROC-AUC on the
 * shared datasets, as listed in shared/baselines/README.md.
 */
@Tag("functional")
class LocalOutlierFactorBaselineTest {

    @ParameterizedTest
    @CsvSource({"annthyroid,0.737", "cardio,0.547", "mammography,0.720", "pendigits,0.482", "thyroid,0.807",
            "wilt,0.764", "musk,0.416"})
    void reachesScikitLearnRocAuc(String dataset, double sklearnAuc) throws IOException {
        Path file = sharedDir().resolve("datasets").resolve(dataset + ".csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared dataset " + file + " is absent");
        List<String> lines = Files.readAllLines(file);
        int n = lines.size() - 1;
        int d = lines.get(0).split(",").length - 1;
        double[] x = new double[n * d];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int t = 0; t < d; t++) {
                x[i * d + t] = Double.parseDouble(cells[t]);
            }
            label[i] = (int) Double.parseDouble(cells[d]);
        }
        Matrix data = new Matrix(x, n, d);
        double[] scores = LocalOutlierFactor.builder().build().fit(data).score(data);
        assertThat(Arrays.stream(scores).allMatch(Double::isFinite)).isTrue();
        assertThat(rocAuc(scores, label)).isCloseTo(sklearnAuc, within(0.01));
    }

    private static Path sharedDir() {
        String dir = System.getProperty("vigil.shared.dir");
        Path p = dir == null ? null : Path.of(dir);
        return p != null && Files.isDirectory(p) ? p : Path.of("/work/shared");
    }

    /** Mann-Whitney ROC-AUC with tied scores sharing their average rank. */
    static double rocAuc(double[] scores, int[] label) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // average of ranks i+1 .. j
            for (int m = i; m < j; m++) {
                if (label[order[m]] == 1) {
                    positiveRankSum += rank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = n - positives;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
