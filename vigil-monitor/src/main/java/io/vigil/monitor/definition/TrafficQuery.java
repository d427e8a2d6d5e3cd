package io.vigil.monitor.definition;

import io.vigil.monitor.traffic.TrafficResult;
import java.util.List;

/**
 * Which traffic a monitor analyses, within its environment: every non-empty list must match (lists are OR-ed
 * inside, AND-ed together). An endpoint ending in {@code *} matches by prefix. An empty query selects all traffic.
 */
public record TrafficQuery(List<String> apis, List<String> methods, List<String> endpoints,
                           List<StatusRange> statusRanges, List<TrafficResult> results,
                           List<AttributePredicate> attributes) {
    public static final TrafficQuery ALL = new TrafficQuery(null, null, null, null, null, null);

    public TrafficQuery {
        apis = FieldRules.texts(apis, "apis");
        methods = FieldRules.texts(methods, "methods");
        endpoints = FieldRules.texts(endpoints, "endpoints");
        statusRanges = FieldRules.list(statusRanges, "status_ranges");
        results = FieldRules.list(results, "results");
        attributes = FieldRules.list(attributes, "attributes");
    }
}
