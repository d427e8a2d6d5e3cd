/**
 * From raw detector scores to answers a user can read: a robust normaliser onto 0..1, a threshold learned from
 * the contamination, and {@link io.vigil.core.score.AnomalyModel}, the fitted pipeline of encoder, detector,
 * normaliser and threshold with its provenance.
 */
package io.vigil.core.score;
