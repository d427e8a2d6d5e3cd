package io.vigil.monitor.run;

import java.util.List;

/** One page of runs (newest first) and how many runs the range holds in all. */
public record RunPage(long total, List<MonitorRun> runs) {
    public RunPage {
        runs = List.copyOf(runs);
    }
}
