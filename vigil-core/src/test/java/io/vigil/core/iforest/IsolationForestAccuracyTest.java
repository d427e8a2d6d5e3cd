package io.vigil.core.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.eval.RankingMetrics;
import io.vigil.core.testkit.SharedData;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Isolation Forest ROC-AUC against scikit-learn's figures in shared/baselines (mean over its seeds 0-4, with the
 * per-seed standard deviation). A forest's AUC varies with its seed by about that deviation, so the bar, "no worse
 * by more than 0.01", is applied to the mean over {@value #SEEDS} seeds, less two standard errors of that mean.
 * (On annthyroid, 100 seeds give 0.816 for Vigil and 0.820 for scikit-learn.)
 */
@Tag("functional")
class IsolationForestAccuracyTest {
    static final int SEEDS = 10;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "annthyroid.csv, 0.827, 0.014",
        "cardio.csv, 0.932, 0.012",
        "mammography.csv, 0.859, 0.004",
        "musk.csv, 0.999, 0.001",
        "pendigits.csv, 0.940, 0.013",
        "thyroid.csv, 0.978, 0.002",
        "wilt.csv, 0.458, 0.027",
        "smtp.csv.gz, 0.904, 0.004",
        "cover.csv.gz, 0.876, 0.035",
        "http.csv.gz, 1.000, 0.000",
    })
    void noWorseThanScikitLearnByMoreThanOneHundredth(String file, double sklearn, double sd) {
        SharedData.Labelled d = SharedData.load(file);
        int seeds = d.features().rows() > 50_000 ? 3 : SEEDS;
        double sum = 0;
        for (int seed = 0; seed < seeds; seed++) {
            double[] s = IsolationForest.builder().seed(seed).build().fit(d.features()).score(d.features());
            sum += RankingMetrics.rocAuc(s, d.labels());
        }
        double mean = sum / seeds;
        double bar = sklearn - 0.01 - 2 * sd / Math.sqrt(seeds);
        System.out.printf("%-12s vigil %.4f (%d seeds) sklearn %.3f bar %.4f%n", d.name(), mean, seeds, sklearn, bar);
        assertThat(mean).as(d.name()).isGreaterThanOrEqualTo(bar);
    }
}
