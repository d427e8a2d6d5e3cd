package io.vigil.monitor.run;

import java.util.List;

/** Chart data for one condition of a monitor, oldest point first. */
public record ConditionSeries(long monitorId, int conditionIndex, String type, List<SeriesPoint> points) {
    public ConditionSeries {
        points = List.copyOf(points);
    }
}
