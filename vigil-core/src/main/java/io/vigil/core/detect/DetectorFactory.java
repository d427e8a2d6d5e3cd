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

    /** A factory from its parts, for detectors whose factory is nothing more. */
    static DetectorFactory of(String name, String description,
                              java.util.function.Function<DetectorParameters, Detector> create,
                              java.util.function.Function<DetectorState, FittedDetector> restore) {
        return new DetectorFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Detector create(DetectorParameters params) {
                return create.apply(params);
            }

            @Override
            public FittedDetector restore(DetectorState state) {
                return restore.apply(state);
            }
        };
    }
}
