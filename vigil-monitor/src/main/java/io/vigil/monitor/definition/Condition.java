package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One anomaly criterion of a monitor; a run is MET when at least one of its conditions is met. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MetricCondition.class, name = "metric"),
        @JsonSubTypes.Type(value = RateCondition.class, name = "rate"),
        @JsonSubTypes.Type(value = EmaCondition.class, name = "ema"),
        @JsonSubTypes.Type(value = RatioCondition.class, name = "ratio")})
public sealed interface Condition permits MetricCondition, RateCondition, EmaCondition, RatioCondition {
    /** The JSON {@code type} of this condition. */
    String type();

    /**
     * What the condition measures, e.g. {@code avg(response_time_ms)}, {@code count} or {@code ratio}. History is
     * matched on position and measure, so editing a monitor never compares values of different measures.
     */
    String measure();
}
