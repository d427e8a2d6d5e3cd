package io.vigil.monitor.schedule;

import io.vigil.monitor.Monitor;
import io.vigil.monitor.MonitorService;
import io.vigil.monitor.run.MonitorRun;
import io.vigil.monitor.run.MonitorRunner;
import io.vigil.monitor.traffic.TrafficStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fires active monitors at their cron times. {@link #tick()} reads the clock, runs every monitor whose next fire
 * time has come (the run is stamped with that fire time) and schedules its next one; {@link #start} calls it every
 * second on an executor, and tests call it after moving a fake clock.
 *
 * <p>Restart semantics: next fire times live in memory. After a restart (or when a monitor is created, edited or
 * switched to active) the next fire time is computed from now, so runs missed while the process was down are not
 * replayed; a backtest can fill such a gap on demand. If a tick comes late, a monitor runs once for its due fire
 * time and then moves to the next fire time after now. Passive monitors drop out at the next tick. Once per UTC day
 * the tick also purges expired traffic.
 */
public final class MonitorScheduler {
    private static final System.Logger LOG = System.getLogger(MonitorScheduler.class.getName());

    private final MonitorService monitors;
    private final MonitorRunner runner;
    private final TrafficStore traffic;
    private final Clock clock;
    private final Map<Long, Slot> slots = new HashMap<>();
    private LocalDate lastPurge;
    private ScheduledFuture<?> task;

    private record Slot(String expression, Instant next) {
    }

    /** {@code traffic} may be null when this scheduler should not purge traffic. */
    public MonitorScheduler(MonitorService monitors, MonitorRunner runner, TrafficStore traffic, Clock clock) {
        this.monitors = monitors;
        this.runner = runner;
        this.traffic = traffic;
        this.clock = clock;
    }

    /** Runs what is due now; returns the runs performed. */
    public synchronized List<MonitorRun> tick() {
        Instant now = clock.instant();
        purgeOncePerDay(now);
        List<MonitorRun> done = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Monitor m : monitors.active()) {
            seen.add(m.id());
            CronSchedule schedule = CronSchedule.parse(m.spec().schedule());
            Slot slot = slots.get(m.id());
            if (slot == null || !slot.expression().equals(schedule.expression())) {
                slots.put(m.id(), new Slot(schedule.expression(), schedule.nextAfter(now).orElse(null)));
                continue;
            }
            if (slot.next() == null || slot.next().isAfter(now)) {
                continue;
            }
            try {
                done.add(runner.run(m, slot.next()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "monitor " + m.id() + " run at " + slot.next() + " failed", e);
            }
            slots.put(m.id(), new Slot(schedule.expression(), schedule.nextAfter(now).orElse(null)));
        }
        slots.keySet().retainAll(seen);
        return done;
    }

    /** When each active monitor fires next (as known after the last tick). */
    public synchronized Optional<Instant> nextFire(long monitorId) {
        Slot s = slots.get(monitorId);
        return s == null ? Optional.empty() : Optional.ofNullable(s.next());
    }

    /** Ticks every second on {@code executor} until {@link #stop()}. */
    public synchronized void start(ScheduledExecutorService executor) {
        if (task != null) {
            throw new IllegalStateException("scheduler already started");
        }
        task = executor.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "scheduler tick failed", e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void purgeOncePerDay(Instant now) {
        if (traffic == null) {
            return;
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (today.equals(lastPurge)) {
            return;
        }
        lastPurge = today;
        try {
            long deleted = traffic.purgeExpired();
            LOG.log(System.Logger.Level.INFO, "purged " + deleted + " traffic records older than "
                    + traffic.retention().days() + " days");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "traffic purge failed", e);
        }
    }
}
