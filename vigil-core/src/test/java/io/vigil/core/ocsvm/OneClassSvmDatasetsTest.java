package io.vigil.core.ocsvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.core.data.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fit on all rows, score all rows, compare ROC-AUC with scikit-learn 1.2.1's {@code OneClassSVM(nu=0.1,
 * gamma="scale")} on standardised features (figures from {@code shared/baselines/README.md}).
 */
@Tag("functional")
@Execution(ExecutionMode.SAME_THREAD)
class OneClassSvmDatasetsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "annthyroid, 0.603",
            "cardio, 0.874",
            "mammography, 0.764",
            "musk, 0.953",
            "pendigits, 0.867",
            "thyroid, 0.930",
            "wilt, 0.328"})
    void rocAucMatchesScikitLearn(String dataset, double sklearnAuc) throws IOException {
        Path file = sharedDir().resolve("datasets").resolve(dataset + ".csv");
        assumeThat(Files.isRegularFile(file)).as("shared dataset %s", file).isTrue();
        Labelled data = read(file);
        long start = System.nanoTime();
        double[] scores = OneClassSvm.builder().nu(0.1).build().fit(data.features()).score(data.features());
        double auc = rocAuc(scores, data.labels());
        System.out.printf("one_class_svm %s: ROC-AUC %.4f (scikit-learn %.3f) in %.2f s%n", dataset, auc,
                sklearnAuc, (System.nanoTime() - start) / 1e9);
        assertThat(auc).isCloseTo(sklearnAuc, Offset.offset(0.01));
    }

    static Path sharedDir() {
        String dir = System.getProperty("vigil.shared.dir");
        if (dir != null && Files.isDirectory(Path.of(dir))) {
            return Path.of(dir);
        }
        return Path.of("/work/shared");
    }

    record Labelled(Matrix features, int[] labels) {
    }

    /** Header line, numeric columns, final column {@code label} (1 = anomaly). */
    static Labelled read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int d = lines.get(0).split(",").length - 1;
        int n = lines.size() - 1;
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            for (int j = 0; j < d; j++) {
                x[i * d + j] = Double.parseDouble(f[j]);
            }
            y[i] = (int) Double.parseDouble(f[d]);
        }
        return new Labelled(new Matrix(x, n, d), y);
    }

    /** Mann-Whitney ROC-AUC with average ranks for ties. */
    static double rocAuc(double[] scores, int[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRanks = 0;
        long positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRanks += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
