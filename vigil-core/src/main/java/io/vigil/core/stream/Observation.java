package io.vigil.core.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** One item of a stream: a JSON payload (for {@code complexity}) or a numeric point (for the numeric detectors). */
public sealed interface Observation {
    static Observation payload(JsonNode payload) {
        return new Payload(payload);
    }

    static Observation value(double value) {
        return new Numeric(new double[] {value}, -1);
    }

    /** A point with one value per feature and a time stamp (any increasing long; -1 lets the detector count). */
    static Observation values(long timestamp, double... values) {
        return new Numeric(values, timestamp);
    }

    /** This observation as a numeric point, for a detector of numbers; a payload is refused naming the detector. */
    default Numeric asNumeric(String detector) {
        if (this instanceof Numeric n) {
            return n;
        }
        throw new IllegalArgumentException(detector + " takes numeric points, not JSON payloads");
    }

    /** This observation as a JSON payload, for a detector of payloads; a point is refused naming the detector. */
    default Payload asPayload(String detector) {
        if (this instanceof Payload p) {
            return p;
        }
        throw new IllegalArgumentException(detector + " takes JSON payloads, not numeric points");
    }

    /** {@code value}, when it is finite; NaN and infinities are refused naming the detector. */
    static double requireFinite(String detector, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(detector + " needs finite values, got " + value);
        }
        return value;
    }

    record Payload(JsonNode payload) implements Observation {
        public Payload {
            Objects.requireNonNull(payload, "payload");
        }
    }

    record Numeric(double[] values, long timestamp) implements Observation {
        public Numeric {
            Objects.requireNonNull(values, "values");
            if (values.length == 0) {
                throw new IllegalArgumentException("a numeric observation needs at least one value");
            }
        }
    }
}
