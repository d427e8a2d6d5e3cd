package io.vigil.monitor;

import io.vigil.monitor.action.ActionDispatcher;
import io.vigil.monitor.action.MailSettings;
import io.vigil.monitor.action.RetryPolicy;
import io.vigil.monitor.action.Sleeper;
import io.vigil.monitor.evaluate.MonitorEvaluator;
import io.vigil.monitor.evaluate.TrafficMeasurements;
import io.vigil.monitor.run.Backtester;
import io.vigil.monitor.run.MonitorRunner;
import io.vigil.monitor.run.RunStore;
import io.vigil.monitor.schedule.MonitorScheduler;
import io.vigil.monitor.store.MonitorDatabase;
import io.vigil.monitor.traffic.TrafficRetention;
import io.vigil.monitor.traffic.TrafficStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The monitor module wired together over one database file: what a server creates once at start-up and closes at
 * shutdown. Call {@code scheduler().start(executor)} to begin firing monitors.
 */
public final class MonitorSystem implements AutoCloseable {
    private final MonitorDatabase db;
    private final TrafficStore traffic;
    private final MonitorService monitors;
    private final RunStore runs;
    private final MonitorRunner runner;
    private final Backtester backtester;
    private final MonitorScheduler scheduler;

    private MonitorSystem(MonitorDatabase db, TrafficRetention retention, ActionDispatcher dispatcher, Clock clock) {
        this.db = db;
        this.traffic = new TrafficStore(db, retention, clock);
        this.monitors = new MonitorService(db, clock);
        this.runs = new RunStore(db);
        MonitorEvaluator evaluator = new MonitorEvaluator(new TrafficMeasurements(db));
        this.runner = new MonitorRunner(evaluator, runs, dispatcher);
        this.backtester = new Backtester(monitors, evaluator);
        this.scheduler = new MonitorScheduler(monitors, runner, traffic, clock);
    }

    /** Opens the database under {@code dataDir} with real HTTP, real sleeps and the system clock. */
    public static MonitorSystem open(Path dataDir, TrafficRetention retention, MailSettings mail, RetryPolicy retry) {
        return open(dataDir, retention, mail, retry, Clock.systemUTC());
    }

    /**
     * Opens with real HTTP and real sleeps, reading now from {@code clock} (a server started with a fake clock
     * schedules by it).
     */
    public static MonitorSystem open(Path dataDir, TrafficRetention retention, MailSettings mail, RetryPolicy retry,
                                     Clock clock) {
        return open(dataDir, retention, new ActionDispatcher(ActionDispatcher.defaultHttpClient(), mail, retry,
                Sleeper.REAL, clock), clock);
    }

    /** Opens with an explicit dispatcher and clock (tests pass fakes). */
    public static MonitorSystem open(Path dataDir, TrafficRetention retention, ActionDispatcher dispatcher, Clock clock) {
        return new MonitorSystem(MonitorDatabase.open(dataDir), retention, dispatcher, clock);
    }

    public TrafficStore traffic() {
        return traffic;
    }

    public MonitorService monitors() {
        return monitors;
    }

    public RunStore runs() {
        return runs;
    }

    public MonitorRunner runner() {
        return runner;
    }

    public Backtester backtester() {
        return backtester;
    }

    public MonitorScheduler scheduler() {
        return scheduler;
    }

    public MonitorDatabase database() {
        return db;
    }

    @Override
    public void close() {
        scheduler.stop();
        db.close();
    }
}
