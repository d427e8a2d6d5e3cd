package io.vigil.monitor;

import io.vigil.monitor.action.ActionAttempt;
import io.vigil.monitor.action.ActionDispatcher;
import io.vigil.monitor.action.MailSettings;
import io.vigil.monitor.action.RetryPolicy;
import io.vigil.monitor.action.Sleeper;
import io.vigil.monitor.evaluate.MonitorEvaluator;
import io.vigil.monitor.evaluate.TrafficMeasurements;
import io.vigil.monitor.logs.LogAnomalies;
import io.vigil.monitor.logs.LogSettings;
import io.vigil.monitor.run.Backtester;
import io.vigil.monitor.run.MonitorRunner;
import io.vigil.monitor.run.RunStore;
import io.vigil.monitor.schedule.MonitorScheduler;
import io.vigil.monitor.store.MonitorDatabase;
import io.vigil.monitor.traffic.TrafficRetention;
import io.vigil.monitor.traffic.TrafficStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
    private final ExecutorService logFits = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-log-fits");
        t.setDaemon(true);
        return t;
    });
    private final LogAnomalies logs;
    private final Clock clock;

    private MonitorSystem(MonitorDatabase db, Path dataDir, TrafficRetention retention, ActionDispatcher dispatcher,
                          LogSettings logSettings, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.traffic = new TrafficStore(db, retention, clock);
        this.monitors = new MonitorService(db, clock);
        this.runs = new RunStore(db);
        MonitorEvaluator evaluator = new MonitorEvaluator(new TrafficMeasurements(db));
        this.runner = new MonitorRunner(evaluator, runs, dispatcher);
        this.backtester = new Backtester(monitors, evaluator);
        this.scheduler = new MonitorScheduler(monitors, runner, traffic, clock);
        // Fits take seconds; they run on their own thread while the previous model (if any) keeps scoring.
        this.logs = LogAnomalies.open(db, dataDir, logSettings, clock, logFits);
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
        return open(dataDir, retention, mail, retry, LogSettings.defaults(), clock);
    }

    /** Opens with an explicit dispatcher and clock (tests pass fakes). */
    public static MonitorSystem open(Path dataDir, TrafficRetention retention, ActionDispatcher dispatcher, Clock clock) {
        return open(dataDir, retention, dispatcher, LogSettings.defaults(), clock);
    }

    /** Opens with the given log settings, real HTTP and real sleeps, reading now from {@code clock}. */
    public static MonitorSystem open(Path dataDir, TrafficRetention retention, MailSettings mail, RetryPolicy retry,
                                     LogSettings logSettings, Clock clock) {
        return open(dataDir, retention, new ActionDispatcher(ActionDispatcher.defaultHttpClient(), mail, retry,
                Sleeper.REAL, clock), logSettings, clock);
    }

    /** Opens with an explicit dispatcher, log settings and clock. */
    public static MonitorSystem open(Path dataDir, TrafficRetention retention, ActionDispatcher dispatcher,
                                     LogSettings logSettings, Clock clock) {
        MonitorDatabase db = MonitorDatabase.open(dataDir);
        try {
            return new MonitorSystem(db, dataDir, retention, dispatcher, logSettings, clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
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

    /**
     * Sends a test notification through a monitor's actions (all, or the one at {@code actionIndex}) and returns
     * each one's outcome; stores nothing (see {@link MonitorRunner#test}).
     */
    public List<ActionAttempt> testActions(long monitorId, Integer actionIndex) {
        return runner.test(monitors.get(monitorId), actionIndex, clock.instant());
    }

    /** Licence-server request logs and their group anomalies. */
    public LogAnomalies logs() {
        return logs;
    }

    public MonitorDatabase database() {
        return db;
    }

    @Override
    public void close() {
        scheduler.stop();
        logFits.shutdownNow();
        try {
            // A fit in progress reads and writes the database; let it finish before the file closes.
            logFits.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
    }
}
