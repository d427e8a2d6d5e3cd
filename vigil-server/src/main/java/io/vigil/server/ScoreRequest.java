package io.vigil.server;

import io.vigil.core.encode.Schema;

/**
 * A validated score or detect request.
 *
 * @param model     model name
 * @param backend   the backend the caller expects the model to use, or null for whichever it uses
 * @param data      rows to score
 * @param schema    the schema the caller believes the model has, or null; it must match the model's
 * @param threshold a 0..1 threshold instead of the model's, or null
 * @param explain   how many top features to explain each returned row with, or 0 for none
 */
public record ScoreRequest(String model, String backend, RequestData data, Schema schema, Double threshold,
                           int explain) {
}
