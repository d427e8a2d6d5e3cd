/**
 * The Vigil REST server: an HTTP API over {@link io.vigil.core.score.AnomalyModel} that fits, scores, saves and
 * loads named models, with the request and response shapes of the LlamaFarm Universal Runtime's anomaly API
 * ({@code /v1/anomaly/fit}, {@code score}, {@code detect}, {@code save}, {@code load}, {@code models}).
 *
 * <p>Layers: {@link io.vigil.server.AnomalyRoutes} parses and validates requests and writes JSON,
 * {@link io.vigil.server.AnomalyService} does the work on immutable models held in a concurrent map,
 * {@link io.vigil.server.ModelStore} owns the files under {@code <data-dir>/models/anomaly}, and
 * {@link io.vigil.server.ErrorMapper} is the one place exceptions become HTTP statuses.
 */
package io.vigil.server;
