package io.vigil.server;

import io.vigil.core.score.AnomalyModel;

/**
 * A fitted model as the fit endpoint reports it.
 *
 * @param model          model name
 * @param backend        detector name
 * @param samples        rows given
 * @param trainingMillis wall time of encoding and training, in milliseconds
 * @param anomalyModel   the model now serving under that name
 */
public record FitResult(String model, String backend, int samples, double trainingMillis,
                        AnomalyModel anomalyModel) {
}
