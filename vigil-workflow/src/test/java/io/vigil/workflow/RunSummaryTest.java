package io.vigil.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunSummaryTest {
    @Test
    void aRunStoredBeforeIdentifiersWereLeftOutReadsWithNoneLeftOut() throws Exception {
        String stored = "{\"rows\": 10, \"features\": 2, \"feature_names\": [\"a\", \"b\"], \"anomalies\": 1,"
                + " \"anomaly_rate\": 0.1, \"threshold\": 0.6, \"contamination\": 0.1, \"threshold_rule\":"
                + " \"contamination\", \"load_millis\": 1, \"fit_millis\": 2, \"score_millis\": 3, \"total_millis\": 6}";
        RunSummary s = WorkflowJson.MAPPER.readValue(stored, RunSummary.class);
        assertThat(s.ignoredColumns()).isEmpty();
        assertThat(s.featureNames()).containsExactly("a", "b");
        assertThat(WorkflowJson.toMap(s)).containsKey("ignored_columns");
    }
}
