package io.vigil.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.OrderStatistics;
import io.vigil.core.detect.FittedDetector;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.explain.Explainer;
import io.vigil.core.explain.Explanation;
import io.vigil.core.explain.FeatureContribution;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.FeatureBaseline;
import io.vigil.core.score.Provenance;
import io.vigil.core.score.ScoreNormalizer;
import io.vigil.core.score.ThresholdRule;
import io.vigil.core.score.Version;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The top features of a run's flagged rows, as {@link Explainer} finds them for the fitted detector, stored as JSON
 * text beside each row's score in {@code results.parquet}. Only the {@value #MAX_EXPLAINED} highest-scored flagged
 * rows are explained: explaining costs up to one scoring per feature per row, and nobody reads further down.
 */
final class RunExplanations {
    static final int MAX_EXPLAINED = 10_000;
    static final int TOP = 3;
    /** Rows explained between two progress reports (and cancel checks). */
    static final int CHUNK = 1_000;
    private static final TypeReference<List<FeatureContribution>> LIST = new TypeReference<>() {
    };

    private RunExplanations() {
    }

    /**
     * The flagged rows, at most {@link #MAX_EXPLAINED} of them: the highest scores, ties taken in row order; in
     * row order. Primitive arrays throughout: a run may flag half a million rows.
     */
    static int[] highestFlagged(boolean[] flags, double[] normalized) {
        int count = 0;
        for (boolean f : flags) {
            count += f ? 1 : 0;
        }
        int[] flagged = new int[count];
        for (int i = 0, k = 0; i < flags.length; i++) {
            if (flags[i]) {
                flagged[k++] = i;
            }
        }
        if (count <= MAX_EXPLAINED) {
            return flagged;
        }
        double[] scores = new double[count];
        for (int k = 0; k < count; k++) {
            scores[k] = normalized[flagged[k]];
        }
        // The MAX_EXPLAINED-th highest score: everything above it, then equal ones in row order until full.
        double cutoff = OrderStatistics.select(scores, count, count - MAX_EXPLAINED);
        int above = 0;
        for (int i : flagged) {
            above += normalized[i] > cutoff ? 1 : 0;
        }
        int[] chosen = new int[MAX_EXPLAINED];
        int k = 0;
        int ties = MAX_EXPLAINED - above;
        for (int i : flagged) {
            double v = normalized[i];
            if (v > cutoff || (v == cutoff && ties-- > 0)) {
                chosen[k++] = i;
            }
        }
        return chosen;
    }

    /**
     * @param explained told how many rows are explained so far after each chunk; it may throw to stop
     * @return one entry per row: the JSON list of its top features, or null for a row not explained
     */
    static String[] explain(SchemaEncoder encoder, FittedDetector fitted, ScoreNormalizer normalizer,
                            double threshold, DetectorSpec spec, Matrix matrix, double[] normalized,
                            boolean[] flags, Clock clock, IntConsumer explained) {
        String[] out = new String[flags.length];
        int[] chosen = highestFlagged(flags, normalized);
        if (chosen.length == 0) {
            return out;
        }
        ThresholdRule rule = spec.contamination() == null ? ThresholdRule.AUTO : ThresholdRule.CONTAMINATION;
        Provenance provenance = new Provenance(spec.algorithm(), spec.parameters(), matrix.rows(), matrix.cols(),
                encoder.featureNames(), spec.seed(), Version.current(), clock.instant());
        AnomalyModel model = new AnomalyModel(encoder, fitted, normalizer, threshold,
                spec.contamination() == null ? 0 : spec.contamination(), rule, null, FeatureBaseline.of(matrix),
                provenance);
        // Row order keeps the reads of the matrix sequential; the answer is placed back by index.
        Arrays.sort(chosen);
        Explainer explainer = Explainer.forModel(model);
        for (int from = 0; from < chosen.length; from += CHUNK) {
            int[] part = Arrays.copyOfRange(chosen, from, Math.min(chosen.length, from + CHUNK));
            List<Explanation> explanations = explainer.explain(matrix.selectRows(part), TOP);
            for (int k = 0; k < part.length; k++) {
                out[part[k]] = text(explanations.get(k).top());
            }
            explained.accept(from + part.length);
        }
        return out;
    }

    static List<FeatureContribution> parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return WorkflowJson.MAPPER.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored explanation is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(List<FeatureContribution> top) {
        try {
            return WorkflowJson.MAPPER.writeValueAsString(top);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an explanation: " + e.getOriginalMessage(), e);
        }
    }
}
