package io.vigil.core.ecdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.core.copod.Copod;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.ecod.Ecod;
import io.vigil.core.hbos.Hbos;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ROC-AUC of ECOD, COPOD and HBOS on the shared datasets, fitting all rows and scoring all rows. The floors sit just
 * under what this code measured (which equals a numpy re-implementation of PyOD's formulas; e.g. ECOD 0.935 on
 * cardio and 0.977 on thyroid, as ADBench reports).
 */
@Tag("functional")
class TailAndHistogramQualityTest {

    /** dataset, then ROC-AUC floors for ECOD, COPOD and HBOS (n_bins 10). */
    private static final Object[][] FLOORS = {
            {"annthyroid.csv", 0.783, 0.770, 0.618},
            {"cardio.csv", 0.930, 0.916, 0.832},
            {"mammography.csv", 0.900, 0.900, 0.824},
            {"musk.csv", 0.950, 0.940, 0.993},
            {"pendigits.csv", 0.922, 0.899, 0.923},
            {"thyroid.csv", 0.972, 0.934, 0.953},
            {"wilt.csv", 0.388, 0.339, 0.368},
            {"smtp.csv.gz", 0.875, 0.907, 0.800},
    };

    @Test
    void rocAucOnSharedDatasets() throws IOException {
        Path dir = datasetDir();
        assumeTrue(Files.isDirectory(dir), "shared datasets not found at " + dir);
        Detector[] detectors = {Ecod.builder().build(), Copod.builder().build(), Hbos.builder().build()};
        for (Object[] row : FLOORS) {
            Path file = dir.resolve((String) row[0]);
            assumeTrue(Files.exists(file), "missing " + file);
            Labelled data = load(file);
            StringBuilder line = new StringBuilder(String.format("%-16s", row[0]));
            for (int k = 0; k < detectors.length; k++) {
                double auc = rocAuc(detectors[k].fit(data.x()).score(data.x()), data.labels());
                line.append(String.format("  %s %.4f", detectors[k].name(), auc));
                assertThat(auc).as("%s on %s", detectors[k].name(), row[0]).isGreaterThanOrEqualTo((double) row[k + 1]);
            }
            System.out.println(line);
        }
    }

    @Test
    void rocAucIsTieAveraged() {
        assertThat(rocAuc(new double[] {1, 2, 3, 4}, new boolean[] {false, false, true, true})).isEqualTo(1.0);
        assertThat(rocAuc(new double[] {1, 1, 1, 1}, new boolean[] {false, true, false, true})).isEqualTo(0.5);
        // positives 0.8 and 0.4; negatives 0.4, 0.1: pairs (0.8 > 0.4), (0.8 > 0.1), (0.4 = 0.4 -> 1/2), (0.4 > 0.1)
        assertThat(rocAuc(new double[] {0.8, 0.4, 0.4, 0.1}, new boolean[] {true, true, false, false}))
                .isEqualTo(3.5 / 4);
    }

    /** Mann-Whitney ROC-AUC with average ranks for ties. */
    static double rocAuc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    record Labelled(Matrix x, boolean[] labels) {
    }

    static Path datasetDir() {
        String shared = System.getProperty("vigil.shared.dir", "/work/shared");
        Path dir = Path.of(shared, "datasets");
        return Files.isDirectory(dir) ? dir : Path.of("/work/shared/datasets");
    }

    /** CSV with a header; the last column is the label (1 = anomaly). */
    static Labelled load(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                if (s.isBlank()) {
                    continue;
                }
                String[] parts = s.split(",");
                double[] v = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    v[i] = Double.parseDouble(parts[i]);
                }
                rows.add(v);
            }
        }
        int d = rows.get(0).length - 1;
        double[] x = new double[rows.size() * d];
        boolean[] labels = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * d, d);
            labels[i] = rows.get(i)[d] == 1.0;
        }
        return new Labelled(new Matrix(x, rows.size(), d), labels);
    }
}
