package io.vigil.monitor;

import java.util.List;

/** One page of monitors and how many match in all. */
public record MonitorPage(long total, List<Monitor> monitors) {
    public MonitorPage {
        monitors = List.copyOf(monitors);
    }
}
