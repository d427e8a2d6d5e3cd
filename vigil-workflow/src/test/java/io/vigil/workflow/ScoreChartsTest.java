package io.vigil.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.eval.RankingMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreChartsTest {

    @Test
    void theCurvesAreaIsTheRocAucReportedNaNScoresIncluded() {
        double[] scores = {0.9, Double.NaN, 0.4, 0.7, 0.2, 0.8, Double.NaN, 0.1, 0.6, 0.3};
        boolean[] labels = {true, true, false, true, false, false, false, false, true, false};
        List<RunCharts.RocPoint> roc = ScoreCharts.roc(scores, labels);
        double area = 0;
        for (int i = 1; i < roc.size(); i++) {
            area += (roc.get(i).fpr() - roc.get(i - 1).fpr()) * (roc.get(i).tpr() + roc.get(i - 1).tpr()) / 2;
        }
        assertThat(area).isCloseTo(RankingMetrics.rocAuc(scores, labels), within(1e-12));
    }
}
