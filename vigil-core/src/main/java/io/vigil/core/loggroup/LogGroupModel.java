package io.vigil.core.loggroup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Column;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.encode.FieldType;
import io.vigil.core.encode.Schema;
import io.vigil.core.encode.SchemaEncoder;
import io.vigil.core.explain.Explainer;
import io.vigil.core.explain.Explanation;
import io.vigil.core.explain.FeatureContribution;
import io.vigil.core.modelfile.AtomicFiles;
import io.vigil.core.modelfile.ModelFile;
import io.vigil.core.modelfile.ModelFormatException;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.Scores;
import io.vigil.core.score.TrainingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds anomalous groups of requests in a licence server's log, as the licensing vendor's anomaly module does: the
 * log is cut into groups of consecutive requests (25 by default), each group becomes one row of
 * {@link GroupStats#FEATURE_NAMES features} (failures and how they concentrate on one key, distinct keys, machines,
 * IPs and countries, how far one key spreads over countries and machines, keys, IPs and countries never seen in the
 * history, the entropy of the states, the request rate, the hour of day), and any Vigil detector learns what groups
 * of the history look like. A group scoring above the threshold learned from the history is flagged.
 *
 * <p><b>Not every entry in a flagged group is bad.</b> The model judges requests together: a group in which one
 * customer's key fails 17 times also holds the ordinary requests of other customers that happened to arrive in
 * between. The reason sentence and top features say what made the group stand out.
 *
 * <p>"Never seen" means new since the history: a new customer's key counts as unseen in the first group it
 * appears in, in training as in scoring. For a log scored batch by batch, a {@link SeenIdentifiers} carries what
 * earlier batches brought, so that batched scoring gives exactly what scoring the whole stretch at once gives.
 *
 * <p>Entries should be pseudonymised ({@link Pseudonymiser}) before they reach the model: its history sets then
 * hold fingerprints of pseudonyms, and neither the model nor its file holds an identifier in the clear.
 *
 * <p>Immutable and thread-safe. The same history, settings and seed give the same model and scores whatever the
 * thread count.
 */
public final class LogGroupModel {
    public static final String FORMAT = "vigil-log-group-model";
    public static final int FORMAT_VERSION = 1;
    /** Fewer training groups than this make no useful picture of normal traffic. */
    public static final int MIN_TRAINING_GROUPS = 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final LogGroupSettings settings;
    private final AnomalyModel model;
    private final IdentifierHistory history;
    private final Explainer explainer;
    private final int trainingGroups;
    private final long trainingEntries;
    private final long lastTrainingEntryId;

    private LogGroupModel(LogGroupSettings settings, AnomalyModel model, IdentifierHistory history,
                          int trainingGroups, long trainingEntries, long lastTrainingEntryId) {
        this.settings = settings;
        this.model = model;
        this.history = history;
        this.explainer = Explainer.forModel(model);
        this.trainingGroups = trainingGroups;
        this.trainingEntries = trainingEntries;
        this.lastTrainingEntryId = lastTrainingEntryId;
        if (!model.encoder().featureNames().equals(GroupStats.FEATURE_NAMES)) {
            throw new IllegalArgumentException("the anomaly model was not trained on log-group features");
        }
    }

    public static LogGroupModel fit(List<LogEntry> history, LogGroupSettings settings) {
        return fit(history, settings, Clock.systemUTC());
    }

    /**
     * Learns normal traffic from {@code history}: cuts it into groups (a last incomplete group is left out),
     * builds the identifier history from all of them, and trains the settings' detector on the features of the
     * groups in the second half of the history (by time). A training group's "never seen" features count the
     * identifiers that first appear in it, as a new group's count those it brings first (see
     * {@link SeenIdentifiers}); the first half is only the past the second is measured against, since against a
     * shorter past a customer who verifies once a week would look new.
     *
     * @throws IllegalArgumentException when the history's second half makes fewer than {@value #MIN_TRAINING_GROUPS}
     *                                  groups
     * @throws io.vigil.core.detect.InvalidParameterException for an unknown detector or parameter
     */
    public static LogGroupModel fit(List<LogEntry> history, LogGroupSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        DetectorParameters params = new DetectorParameters(settings.detectorParameters(), settings.seed(),
                Double.isNaN(settings.contamination()) ? 0.1 : settings.contamination(),
                ParallelLoop.defaultThreads());
        Detector detector = DetectorRegistry.standard().create(settings.detector(), params);
        GroupCut cut = GroupCut.of(history, settings.groupSize(), settings.perProduct());
        List<LogEntry> grouped = new ArrayList<>(cut.groups().size() * settings.groupSize());
        long last = Long.MIN_VALUE;
        for (GroupCut.Slice s : cut.groups()) {
            grouped.addAll(s.entries().subList(s.from(), s.to()));
            last = Math.max(last, s.last().id());
        }
        grouped.sort(java.util.Comparator.comparingLong(LogEntry::id));
        long firstTime = Long.MAX_VALUE;
        long lastTime = Long.MIN_VALUE;
        for (LogEntry e : grouped) {
            firstTime = Math.min(firstTime, e.time().toEpochMilli());
            lastTime = Math.max(lastTime, e.time().toEpochMilli());
        }
        long middle = firstTime + (lastTime - firstTime) / 2;
        List<GroupCut.Slice> trained = new ArrayList<>();
        for (GroupCut.Slice s : cut.groups()) {
            if (s.first().time().toEpochMilli() >= middle) {
                trained.add(s);
            }
        }
        if (trained.size() < MIN_TRAINING_GROUPS) {
            throw new IllegalArgumentException("the history makes " + trained.size() + " groups of "
                    + settings.groupSize() + " entries in its second half; at least " + MIN_TRAINING_GROUPS
                    + " are needed");
        }
        IdentifierHistory known = IdentifierHistory.of(grouped, settings.historyLimit());
        Matrix rows = featureRows(GroupFeatures.forTraining(grouped, settings.zone()), trained, null);
        SchemaEncoder encoder = SchemaEncoder.fit(table(rows), numericSchema());
        AnomalyModel.Training training = AnomalyModel.train(detector, encoder, rows,
                TrainingOptions.of(settings.contamination(), settings.seed(), clock));
        return new LogGroupModel(settings, training.model(), known, trained.size(), grouped.size(), last);
    }

    /** The same settings fitted on a newer history: what a {@link RefitPolicy} asks for. */
    public LogGroupModel refit(List<LogEntry> newHistory, Clock clock) {
        return fit(newHistory, settings, clock);
    }

    public LogGroupModel refit(List<LogEntry> newHistory) {
        return refit(newHistory, Clock.systemUTC());
    }

    /** Scores the complete groups of {@code entries} on their own, explaining the flagged ones. */
    public LogGroupScores score(List<LogEntry> entries) {
        return score(entries, false, null);
    }

    /**
     * Cuts {@code entries} into groups from the first one on (see {@link LogGroupScores#pending()} for the rest)
     * and scores every complete group; flagged groups, or all groups when {@code explainAll}, get top features and
     * a reason sentence. An identifier counts as never seen in a group when neither the model's history, nor
     * {@code seen}, nor an earlier group of {@code entries} has it; the identifiers of the scored groups are then
     * added to {@code seen}. Pass the same {@link SeenIdentifiers} for consecutive batches of the log, or null to
     * score {@code entries} on their own.
     */
    public LogGroupScores score(List<LogEntry> entries, boolean explainAll, SeenIdentifiers seen) {
        GroupCut cut = GroupCut.of(entries, settings.groupSize(), settings.perProduct());
        List<GroupCut.Slice> slices = cut.groups();
        List<LogEntry> grouped = new ArrayList<>(slices.size() * settings.groupSize());
        for (GroupCut.Slice s : slices) {
            grouped.addAll(s.entries().subList(s.from(), s.to()));
        }
        GroupStats[] stats = new GroupStats[slices.size()];
        GroupFeatures features = GroupFeatures.forScoring(history, seen, grouped, settings.zone());
        Matrix rows = seen == null ? featureRows(features, slices, stats)
                : seen.whileReading(() -> featureRows(features, slices, stats));
        if (seen != null) {
            seen.observe(grouped);
        }
        Scores scores = model.scoreEncoded(rows, model.threshold());
        int[] explained = explainedRows(scores, explainAll);
        List<Explanation> explanations = explained.length == 0 ? List.of()
                : explainer.explain(rows.selectRows(explained), settings.topFeatures());
        ScoredLogGroup[] out = new ScoredLogGroup[slices.size()];
        int next = 0;
        for (int i = 0; i < out.length; i++) {
            GroupCut.Slice s = slices.get(i);
            List<FeatureContribution> top = List.of();
            if (next < explained.length && explained[next] == i) {
                top = explanations.get(next++).top();
            }
            double score = scores.normalized()[i];
            out[i] = new ScoredLogGroup(s.first().id(), s.product(), s.first().id(), s.last().id(),
                    s.first().time(), s.last().time(), Double.isNaN(score) ? 1.0 : score, scores.anomalous()[i],
                    top, top.isEmpty() ? "" : GroupReason.describe(stats[i], top), stats[i]);
        }
        return new LogGroupScores(List.of(out), cut.pending());
    }

    /** The statistics of one group of entries (at least two) against this model's history. */
    public GroupStats measure(List<LogEntry> group) {
        if (group.size() < 2) {
            throw new IllegalArgumentException("a group needs at least 2 entries, got " + group.size());
        }
        return GroupFeatures.forScoring(history, null, group, settings.zone()).measure(group, 0, group.size());
    }

    private static int[] explainedRows(Scores scores, boolean all) {
        int n = scores.size();
        int count = all ? n : scores.anomalyCount();
        int[] rows = new int[count];
        int c = 0;
        for (int i = 0; i < n && c < count; i++) {
            if (all || scores.anomalous()[i]) {
                rows[c++] = i;
            }
        }
        return rows;
    }

    private static Matrix featureRows(GroupFeatures features, List<GroupCut.Slice> slices, GroupStats[] statsOut) {
        int d = GroupStats.FEATURE_NAMES.size();
        double[] values = new double[slices.size() * d];
        ParallelLoop.run(ParallelLoop.defaultThreads(), slices.size(), i -> {
            GroupCut.Slice s = slices.get(i);
            GroupStats stats = features.measure(s.entries(), s.from(), s.to());
            stats.writeFeatures(values, i * d);
            if (statsOut != null) {
                statsOut[i] = stats;
            }
        });
        return new Matrix(values, slices.size(), d);
    }

    private static Table table(Matrix rows) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < rows.cols(); j++) {
            columns.add(new Column.Numeric(GroupStats.FEATURE_NAMES.get(j), rows.column(j)));
        }
        return new Table(columns, rows.rows());
    }

    private static Schema numericSchema() {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        GroupStats.FEATURE_NAMES.forEach(name -> fields.put(name, FieldType.NUMERIC));
        return new Schema(fields);
    }

    public LogGroupSettings settings() {
        return settings;
    }

    /** The detector, normaliser and threshold underneath, as any Vigil model. */
    public AnomalyModel anomalyModel() {
        return model;
    }

    public double threshold() {
        return model.threshold();
    }

    public Instant fittedAt() {
        return model.provenance().fittedAt();
    }

    public int trainingGroups() {
        return trainingGroups;
    }

    public long trainingEntries() {
        return trainingEntries;
    }

    /** The id of the newest entry the model was trained on; later entries are new to it. */
    public long lastTrainingEntryId() {
        return lastTrainingEntryId;
    }

    /** How many keys, IPs and countries the history sets hold. */
    public Map<String, Integer> historySizes() {
        return Map.of("keys", history.keys().size(), "ips", history.ips().size(),
                "countries", history.countries().size());
    }

    /**
     * The model as one JSON-compatible document: format, settings, training summary, the identifier history
     * (fingerprint sets, base64) and the anomaly model in {@link ModelFile}'s form.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> state() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("format_version", FORMAT_VERSION);
        doc.put("settings", settings.toJson());
        doc.put("training", Map.of("groups", trainingGroups, "entries", trainingEntries,
                "last_entry_id", lastTrainingEntryId));
        doc.put("history", history.state());
        try {
            doc.put("anomaly_model", JSON.readValue(ModelFile.standard().toBytes(model), Map.class));
        } catch (IOException e) {
            throw new IllegalStateException("the anomaly model did not serialise to JSON", e);
        }
        return doc;
    }

    /**
     * Restores a model from {@link #state()}.
     *
     * @throws ModelFormatException when the document is not a log-group model, is of a newer format version, or
     *                              is damaged
     */
    @SuppressWarnings("unchecked")
    public static LogGroupModel fromState(Map<String, ?> doc) {
        if (!FORMAT.equals(doc.get("format"))) {
            throw new ModelFormatException("not a Vigil log-group model (format is " + doc.get("format") + ")");
        }
        Object version = doc.get("format_version");
        if (!(version instanceof Number v) || v.intValue() < 1 || v.intValue() > FORMAT_VERSION) {
            throw new ModelFormatException("the log-group model has format version " + version + "; this Vigil reads "
                    + "1 to " + FORMAT_VERSION + (version instanceof Number ? ": upgrade Vigil to load it" : ""));
        }
        try {
            LogGroupSettings settings = LogGroupSettings.fromJson((Map<String, ?>) doc.get("settings"));
            Map<String, ?> training = (Map<String, ?>) doc.get("training");
            AnomalyModel model = ModelFile.standard().fromBytes(JSON.writeValueAsBytes(doc.get("anomaly_model")));
            return new LogGroupModel(settings, model, IdentifierHistory.fromState((Map<String, ?>) doc.get("history")),
                    ((Number) training.get("groups")).intValue(), ((Number) training.get("entries")).longValue(),
                    ((Number) training.get("last_entry_id")).longValue());
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException("the log-group model is damaged: " + e.getMessage(), e);
        }
    }

    public byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(state());
        } catch (IOException e) {
            throw new IllegalStateException("model state is not JSON-compatible", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static LogGroupModel fromBytes(byte[] bytes) {
        Map<String, Object> doc;
        try {
            doc = JSON.readValue(bytes, Map.class);
        } catch (IOException e) {
            throw new ModelFormatException("not a Vigil log-group model: " + e.getMessage(), e);
        }
        return fromState(doc);
    }

    /** Writes the model atomically: readers see the old file or the new one. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, toBytes());
    }

    public static LogGroupModel load(Path file) throws IOException {
        try {
            return fromBytes(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("model file " + file + " does not exist");
        }
    }
}
