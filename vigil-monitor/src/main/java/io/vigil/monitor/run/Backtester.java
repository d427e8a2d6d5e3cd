package io.vigil.monitor.run;

import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.Monitor;
import io.vigil.monitor.MonitorService;
import io.vigil.monitor.action.NotificationEvent;
import io.vigil.monitor.evaluate.MonitorEvaluator;
import io.vigil.monitor.evaluate.RunHistory;
import io.vigil.monitor.evaluate.RunOutcome;
import io.vigil.monitor.evaluate.RunResult;
import io.vigil.monitor.schedule.CronSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays a monitor over stored traffic as if it had run at each cron time in [from, to]. The simulation keeps
 * its own history (starting empty, so rate and EMA conditions warm up inside the range), stores nothing and
 * sends nothing.
 */
public final class Backtester {
    public static final int MAX_RUNS = 10_000;

    private final MonitorService monitors;
    private final MonitorEvaluator evaluator;

    public Backtester(MonitorService monitors, MonitorEvaluator evaluator) {
        this.monitors = monitors;
        this.evaluator = evaluator;
    }

    public BacktestResult backtest(long monitorId, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidMonitorException("from", "from must be before to");
        }
        Monitor monitor = monitors.get(monitorId);
        CronSchedule schedule = CronSchedule.parse(monitor.spec().schedule());
        RunHistory history = RunHistory.empty();
        List<MonitorRun> runs = new ArrayList<>();
        List<Instant> alerts = new ArrayList<>();
        List<Instant> recoveries = new ArrayList<>();
        RunResult incident = null;
        Optional<Instant> t = schedule.nextAfter(from.minusNanos(1));
        while (t.isPresent() && !t.get().isAfter(to)) {
            if (runs.size() == MAX_RUNS) {
                throw new InvalidMonitorException("to", "the range holds more than " + MAX_RUNS
                        + " runs of this schedule; backtest a shorter range");
            }
            RunOutcome o = evaluator.evaluate(monitor, t.get(), history);
            history.add(o.conditions());
            NotificationEvent event = NotificationEvent.after(incident, o.result());
            if (o.result() != RunResult.ERROR) {
                incident = o.result();
            }
            if (event == NotificationEvent.TRIGGERED) {
                alerts.add(t.get());
            } else if (event == NotificationEvent.RECOVERED) {
                recoveries.add(t.get());
            }
            runs.add(new MonitorRun(0, monitorId, t.get(), o.window().from(), o.window().to(), o.result(), event,
                    o.error(), o.conditions(), List.of()));
            t = schedule.nextAfter(t.get());
        }
        return new BacktestResult(monitorId, from, to, runs, alerts, recoveries);
    }
}
