package io.vigil.core.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.detect.DetectorParameters;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Creates one type of stream detector from its settings, and restores it from the state part of a snapshot.
 *
 * @param create reads the settings (validating each, naming it in errors)
 * @param restore rebuilds a detector from the snapshot's settings and state
 */
public record StreamDetectorFactory(String type, String description,
                                    Function<DetectorParameters, StreamDetector> create,
                                    BiFunction<DetectorParameters, JsonNode, StreamDetector> restore) {
}
