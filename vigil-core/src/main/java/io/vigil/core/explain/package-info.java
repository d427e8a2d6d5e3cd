/**
 * Explanations of anomaly scores: for any scored row, the features that made it anomalous, each with its share of
 * the anomaly, the row's value and the value that would be normal (the training median, kept in a
 * {@link io.vigil.core.score.FeatureBaseline}).
 *
 * <p>Methods, chosen from the model's detector by {@link io.vigil.core.explain.Explainer}:
 * <ul>
 *   <li>Isolation Forest: Local-DIFFI, M. Carletti, M. Terzi and G. A. Susto, "Interpretable Anomaly Detection with
 *       DIFFI: Depth-based Feature Importance of Isolation Forest", Engineering Applications of Artificial
 *       Intelligence 119, 2023 (arXiv:2007.11117), with the semantics of the authors' {@code local_diffi}.</li>
 *   <li>ECOD, COPOD and HBOS: their own per-dimension score terms (Li et al., TKDE 2022; Li et al., ICDM 2020;
 *       Goldstein and Dengel, KI-2012), measured from the terms of the median row.</li>
 *   <li>Everything else: occlusion (M. D. Zeiler and R. Fergus, "Visualizing and Understanding Convolutional
 *       Networks", ECCV 2014), one feature at a time replaced by its training median.</li>
 * </ul>
 */
package io.vigil.core.explain;
