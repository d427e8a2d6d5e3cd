package io.vigil.server;

import io.vigil.core.explain.Explanation;
import io.vigil.core.score.Scores;
import java.util.List;

/**
 * Scores of a batch and, when asked for, explanations.
 *
 * @param scores       every row's scores and flags
 * @param explained    the row indices explained, ascending (all rows for score, flagged rows for detect)
 * @param explanations one per index in {@code explained}, or null when none were asked for
 */
public record ScoreResult(Scores scores, int[] explained, List<Explanation> explanations) {
}
