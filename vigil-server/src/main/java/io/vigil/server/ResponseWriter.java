package io.vigil.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import io.vigil.core.explain.Explanation;
import io.vigil.core.explain.FeatureContribution;
import io.vigil.core.score.Scores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** Writes JSON responses; score lists go through the streaming generator, one row at a time. */
final class ResponseWriter {
    /** The API's mapper; {@link VigilServer} hands it to the web UI too, so a change here changes both. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    private static final String CONTENT_TYPE = "application/json";

    private ResponseWriter() {
    }

    static void json(Context ctx, int status, Object body) throws IOException {
        ctx.status(status).contentType(CONTENT_TYPE).result(JSON.writeValueAsBytes(body));
    }

    /**
     * The score response (every row, with is_anomaly) or the detect response (flagged rows only, without it).
     */
    static void scores(Context ctx, ScoreResult result, boolean onlyAnomalies) throws IOException {
        Scores s = result.scores();
        int n = s.size();
        double[] raw = s.raw();
        double[] normalized = s.normalized();
        boolean[] anomalous = s.anomalous();
        double[] pValues = s.pValues();
        int[] explained = result.explained();
        List<Explanation> explanations = result.explanations();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + n * (onlyAnomalies ? 8 : 90));
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("object", "list");
            g.writeArrayFieldStart("data");
            int e = 0;
            for (int i = 0; i < n; i++) {
                if (onlyAnomalies && !anomalous[i]) {
                    continue;
                }
                g.writeStartObject();
                g.writeNumberField("index", i);
                g.writeNumberField("score", normalized[i]);
                if (!onlyAnomalies) {
                    g.writeBooleanField("is_anomaly", anomalous[i]);
                }
                g.writeNumberField("raw_score", raw[i]);
                if (pValues != null) {
                    g.writeNumberField("p_value", pValues[i]);
                }
                if (explanations != null && e < explained.length && explained[e] == i) {
                    writeExplanation(g, explanations.get(e++));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            int count = s.anomalyCount();
            if (onlyAnomalies) {
                g.writeNumberField("total_count", count);
                g.writeObjectFieldStart("summary");
                g.writeNumberField("anomalies_detected", count);
                g.writeNumberField("threshold", s.threshold());
            } else {
                g.writeObjectFieldStart("summary");
                g.writeNumberField("total_points", n);
                g.writeNumberField("anomaly_count", count);
                g.writeNumberField("anomaly_rate", n == 0 ? 0.0 : (double) count / n);
                g.writeNumberField("threshold", s.threshold());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        ctx.status(200).contentType(CONTENT_TYPE).result(bytes.toByteArray());
    }

    private static void writeExplanation(JsonGenerator g, Explanation explanation) throws IOException {
        g.writeArrayFieldStart("top_features");
        for (FeatureContribution c : explanation.top()) {
            g.writeStartObject();
            g.writeStringField("feature", c.feature());
            g.writeNumberField("contribution", c.contribution());
            g.writeNumberField("value", c.value());
            g.writeNumberField("normal", c.normalValue());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
