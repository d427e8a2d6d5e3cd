package io.vigil.core.detect;

/** Creates one kind of detector from named parameters and restores its fitted models from state. */
public interface DetectorFactory {

    /** Registry name, snake_case, such as {@code isolation_forest}. */
    String name();

    /** One line for listings and help. */
    String description();

    /**
     * Builds a detector. Implementations take each parameter they know through {@code params}' typed getters
     * and must leave none unread: {@link DetectorRegistry} rejects unread (unknown) parameters afterwards.
     */
    Detector create(DetectorParameters params);

    /** Rebuilds a fitted model from its state. */
    FittedDetector restore(DetectorState state);
}
