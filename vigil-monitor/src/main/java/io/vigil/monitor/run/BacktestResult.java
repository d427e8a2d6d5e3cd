package io.vigil.monitor.run;

import java.time.Instant;
import java.util.List;

/**
 * What a monitor would have done over [from, to]: every simulated run (id 0, no actions sent) and the times it
 * would have alerted (incident opened) and recovered.
 */
public record BacktestResult(long monitorId, Instant from, Instant to, List<MonitorRun> runs,
                             List<Instant> wouldAlertAt, List<Instant> wouldRecoverAt) {
    public BacktestResult {
        runs = List.copyOf(runs);
        wouldAlertAt = List.copyOf(wouldAlertAt);
        wouldRecoverAt = List.copyOf(wouldRecoverAt);
    }
}
