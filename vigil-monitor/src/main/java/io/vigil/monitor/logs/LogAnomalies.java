package io.vigil.monitor.logs;

import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.LogGroupModel;
import io.vigil.core.loggroup.LogGroupScores;
import io.vigil.core.loggroup.Pseudonymiser;
import io.vigil.core.loggroup.RefitPolicy;
import io.vigil.core.loggroup.ScoredLogGroup;
import io.vigil.core.loggroup.SeenIdentifiers;
import io.vigil.core.modelfile.ModelFormatException;
import io.vigil.monitor.store.MonitorDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Log-group anomalies over the stored log: ingests entries, cuts them into consecutive groups, fits a
 * {@link LogGroupModel} once {@link LogSettings#minTrainingEntries()} entries are stored, scores every group as it
 * completes (in the ingest call that completes it, so scoring keeps pace with ingest) and keeps the flagged ones.
 * Refits on the newest {@link LogSettings#maxTrainingEntries()} entries when the model is older than
 * {@link LogSettings#refitAfter()} (read off the clock) or has scored as many entries as it was trained on; once a
 * model was fitted on the full window, not sooner than {@link LogSettings#refitAtMostEvery()} after the last fit.
 * The old model keeps scoring until the new one is ready.
 *
 * <p>Fits run on the executor given: a background thread in a server, the calling thread in the command line and
 * in tests. The entries the first model is trained on are its history and are not scored; every later group is.
 * The model is saved (pseudonyms only) to {@value #MODEL_FILE} under the models directory, and after a restart
 * scoring resumes after the last group recorded. With groups cut per product, a product's incomplete group is
 * held in memory only; a restart starts that product's next group after the last group recorded.
 *
 * <p>Thread-safe: entries are stored one call at a time (ids in arrival order) and scored one batch at a time,
 * in id order.
 */
public final class LogAnomalies {
    public static final String MODEL_FILE = "log-groups.model";
    private static final System.Logger LOG = System.getLogger(LogAnomalies.class.getName());

    private final LogStore store;
    private final FlaggedGroupStore groups;
    private final LogSettings settings;
    private final Clock clock;
    private final Executor fits;
    private final Path modelFile;
    private final ReentrantLock scoring = new ReentrantLock();
    private final Condition turn = scoring.newCondition();
    // Guarded by scoring.
    /** The newest id handed to scoring (or, before the first model, seen stored). */
    private long queuedThrough;
    private LogGroupModel model;
    private SeenIdentifiers seen;
    private List<LogEntry> pending = new ArrayList<>();
    private long entriesSinceFit;
    private long groupsSinceFit;
    private long flaggedSinceFit;
    private boolean fitting;
    private long nextFitAt;
    private long fitsDone;
    /** How many entries the model in use was fitted on (read from the table). */
    private long fittedOn;

    LogAnomalies(LogStore store, FlaggedGroupStore groups, LogSettings settings, Clock clock, Executor fits,
                 Path modelFile) {
        this.store = store;
        this.groups = groups;
        this.settings = settings;
        this.clock = clock;
        this.fits = fits;
        this.modelFile = modelFile;
        this.nextFitAt = settings.minTrainingEntries();
    }

    /**
     * Opens the log over {@code db}: the pseudonym secret in {@code <dataDir>/secrets} (created on first use), the
     * model in {@code <dataDir>/models/logs} when one was saved; then scores whatever arrived after the last group
     * recorded.
     */
    public static LogAnomalies open(MonitorDatabase db, Path dataDir, LogSettings settings, Clock clock,
                                    Executor fits) {
        Pseudonymiser pseudonyms;
        try {
            pseudonyms = Pseudonymiser.open(dataDir.resolve("secrets"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log pseudonym secret under " + dataDir, e);
        }
        LogAnomalies logs = new LogAnomalies(new LogStore(db, pseudonyms, settings.storeRawIdentifiers()),
                new FlaggedGroupStore(db), settings, clock, fits,
                dataDir.resolve("models").resolve("logs").resolve(MODEL_FILE));
        logs.resume();
        logs.queuedThrough = Math.max(logs.queuedThrough, logs.store.lastId());
        return logs;
    }

    private void resume() {
        if (!Files.exists(modelFile)) {
            return;
        }
        LogGroupModel saved;
        try {
            saved = LogGroupModel.load(modelFile);
        } catch (IOException | ModelFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "log-group model " + modelFile + " is unreadable (" + e.getMessage()
                    + "); it will be fitted again");
            return;
        }
        scoring.lock();
        try {
            fittedOn = saved.trainingEntries();
            long scoredThrough = groups.progress().get(FlaggedGroupStore.SCORED_THROUGH);
            install(saved, Math.max(saved.lastTrainingEntryId(), scoredThrough));
        } finally {
            scoring.unlock();
        }
    }

    public LogStore store() {
        return store;
    }

    public LogSettings settings() {
        return settings;
    }

    /**
     * Stores the entries (ids assigned, rejections reported) and scores every group they complete. Storing and
     * scoring are separate steps, so one call's scoring overlaps the next call's storing; batches are still scored
     * in id order, a later batch waiting for the earlier one.
     */
    public LogIngestResult ingest(List<LogEntry> entries) {
        LogStore.Batch batch = store.ingest(entries);
        if (batch.entries().isEmpty()) {
            return batch.result();
        }
        scoring.lock();
        try {
            while (queuedThrough < batch.result().firstId() - 1) {
                turn.awaitUninterruptibly();
            }
            long before = queuedThrough;
            queuedThrough = Math.max(queuedThrough, batch.result().lastId());
            try {
                if (model == null) {
                    maybeFit();
                } else {
                    // A model installed meanwhile may have read this batch from the table already.
                    for (LogEntry e : batch.entries()) {
                        if (e.id() > before) {
                            pending.add(e);
                        }
                    }
                    scorePending();
                    maybeRefit();
                }
            } finally {
                turn.signalAll();
            }
            return batch.result();
        } finally {
            scoring.unlock();
        }
    }

    /** Fits now on the newest entries, on the calling thread, whatever the schedule says. */
    public void refitNow() {
        fit();
    }

    private void maybeFit() {
        if (!fitting && queuedThrough >= nextFitAt) {
            startFit();
        }
    }

    private void maybeRefit() {
        RefitPolicy policy = RefitPolicy.every(settings.refitAfter(), Math.max(1, model.trainingEntries()));
        // A model fitted on less than the full window is still learning the traffic: it refits as soon as the
        // log has doubled, so the first fits on a young log grow quickly; only a full-window model waits.
        boolean growing = fittedOn < settings.maxTrainingEntries();
        boolean rested = growing || !clock.instant().isBefore(model.fittedAt().plus(settings.refitAtMostEvery()));
        RefitPolicy.Usage usage = new RefitPolicy.Usage(model.fittedAt(), clock.instant(), entriesSinceFit,
                groupsSinceFit, flaggedSinceFit);
        if (!fitting && rested && policy.due(model, usage)) {
            startFit();
        }
    }

    private void startFit() {
        fitting = true;
        fits.execute(this::fit);
    }

    private void fit() {
        LogGroupModel fitted = null;
        int historySize = 0;
        try {
            List<LogEntry> history = store.pseudonymisedLatest(settings.maxTrainingEntries());
            historySize = history.size();
            fitted = LogGroupModel.fit(history, settings.model(), clock);
            Files.createDirectories(modelFile.getParent());
            fitted.save(modelFile);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.INFO, "log-group model not fitted yet: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "log-group model fit failed", e);
        }
        scoring.lock();
        try {
            fitting = false;
            fitsDone += fitted == null ? 0 : 1;
            fittedOn = fitted == null ? fittedOn : historySize;
            if (fitted == null) {
                nextFitAt = queuedThrough + settings.minTrainingEntries();
            } else if (model == null) {
                install(fitted, fitted.lastTrainingEntryId());
            } else {
                long firstPending = pending.isEmpty() ? Long.MAX_VALUE : pending.get(0).id();
                model = fitted;
                seen = new SeenIdentifiers(settings.model().historyLimit());
                observeScored(fitted.lastTrainingEntryId(), firstPending);
                entriesSinceFit = 0;
                groupsSinceFit = 0;
                flaggedSinceFit = 0;
            }
        } finally {
            scoring.unlock();
        }
    }

    /** Takes {@code fitted} into use with everything after {@code scoredThrough} still to score. */
    private void install(LogGroupModel fitted, long scoredThrough) {
        model = fitted;
        seen = new SeenIdentifiers(settings.model().historyLimit());
        observeScored(fitted.lastTrainingEntryId(), scoredThrough + 1);
        pending = new ArrayList<>();
        long after = scoredThrough;
        List<LogEntry> chunk;
        do {
            chunk = store.pseudonymisedAfter(after, 50_000);
            if (!chunk.isEmpty()) {
                after = chunk.get(chunk.size() - 1).id();
                queuedThrough = Math.max(queuedThrough, after);
                pending.addAll(chunk);
                scorePending();
            }
        } while (!chunk.isEmpty());
    }

    /** Tells the seen set about the entries with ids in (afterId, beforeId): scored since the model's history. */
    private void observeScored(long afterId, long beforeId) {
        long after = afterId;
        while (after < beforeId - 1) {
            List<LogEntry> chunk = store.pseudonymisedAfter(after, 50_000);
            List<LogEntry> scored = chunk.stream().filter(e -> e.id() < beforeId).toList();
            if (scored.isEmpty()) {
                return;
            }
            seen.observe(scored);
            after = scored.get(scored.size() - 1).id();
        }
    }

    private void scorePending() {
        LogGroupScores scores = model.score(pending, false, seen);
        pending = new ArrayList<>(scores.pending());
        if (scores.groups().isEmpty()) {
            return;
        }
        long through = 0;
        int flagged = 0;
        for (ScoredLogGroup g : scores.groups()) {
            through = Math.max(through, g.endingAt());
            entriesSinceFit += g.stats().requests();
            flagged += g.flagged() ? 1 : 0;
        }
        groupsSinceFit += scores.groups().size();
        flaggedSinceFit += flagged;
        groups.record(scores.groups(), through);
    }

    /**
     * Flagged groups, oldest or newest first, after {@code startingAfter} and before {@code endingBefore}; one more
     * than {@code limit} when more match, so a caller can tell there is another page.
     */
    public List<FlaggedGroup> anomalies(int limit, Long startingAfter, Long endingBefore, boolean descending) {
        if (limit < 1 || limit > LogQuery.MAX_LIMIT) {
            throw new io.vigil.core.detect.InvalidParameterException("limit", "limit must be between 1 and "
                    + LogQuery.MAX_LIMIT + ", got " + limit);
        }
        return groups.list(limit + 1, startingAfter, endingBefore, descending);
    }

    public Optional<FlaggedGroup> anomaly(long id) {
        return groups.get(id);
    }

    /** The entries of a flagged group, oldest first (for a per-product group, that product's entries only). */
    public List<LoggedEntry> entriesOf(FlaggedGroup group) {
        List<LoggedEntry> out = new ArrayList<>();
        for (LoggedEntry e : store.range(group.startingAt(), group.endingAt(), group.product())) {
            out.add(new LoggedEntry(e.entry(), group.id(), group.startingAt(), group.endingAt()));
        }
        return out;
    }

    public LogStore.Page entries(LogQuery query) {
        return store.page(query);
    }

    /** What the analysis has done: entries stored, whether a model is fitted, groups scored and flagged. */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Long> progress = groups.progress();
        out.put("entries", store.count());
        scoring.lock();
        try {
            out.put("model_fitted", model != null);
            out.put("fitting", fitting);
            out.put("fits", fitsDone);
            out.put("fitted_on_entries", fittedOn);
            if (model != null) {
                out.put("fitted_at", model.fittedAt().toString());
                out.put("training_groups", model.trainingGroups());
                out.put("trained_through", model.lastTrainingEntryId());
                out.put("detector", model.settings().detector());
            } else {
                out.put("fit_after_entries", nextFitAt);
            }
        } finally {
            scoring.unlock();
        }
        out.put("group_size", settings.model().groupSize());
        out.put("groups_scored", progress.get(FlaggedGroupStore.GROUPS_SCORED));
        out.put("groups_flagged", progress.get(FlaggedGroupStore.GROUPS_FLAGGED));
        return out;
    }
}
