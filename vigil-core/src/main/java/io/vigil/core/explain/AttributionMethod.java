package io.vigil.core.explain;

/** How an {@link Explainer} credits features; chosen from the model's detector. */
public enum AttributionMethod {
    /** Isolation Forest: Local-DIFFI, the depth-weighted splits on the row's path through every tree. */
    PATH_DEPTH,
    /** ECOD, COPOD and HBOS: the detector's own per-dimension score terms, above those of the median row. */
    DIMENSION_TERMS,
    /** Any other detector: the score drop when one feature at a time is replaced by its training median. */
    OCCLUSION
}
