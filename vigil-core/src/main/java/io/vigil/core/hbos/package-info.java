/**
 * HBOS: M. Goldstein and A. Dengel, "Histogram-based Outlier Score (HBOS): A fast Unsupervised Anomaly Detection
 * Algorithm", KI-2012: Poster and Demo Track, with the static-bin semantics of PyOD's {@code HBOS} (numpy histograms,
 * {@code alpha} regulariser, {@code tol} for values just outside the bins, optional Birge-Rozenblac bin counts).
 */
package io.vigil.core.hbos;
