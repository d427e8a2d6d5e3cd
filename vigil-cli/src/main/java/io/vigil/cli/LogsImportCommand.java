package io.vigil.cli;

import io.vigil.core.loggroup.LogEntry;
import io.vigil.monitor.logs.LogAnomalies;
import io.vigil.monitor.logs.LogCsv;
import io.vigil.monitor.logs.LogIngestResult;
import io.vigil.monitor.logs.LogJson;
import io.vigil.monitor.logs.LogSettings;
import io.vigil.monitor.logs.ParsedLogs;
import io.vigil.monitor.store.MonitorDatabase;
import io.vigil.monitor.traffic.RejectedRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil logs import FILE}: stores a log file's entries as {@code POST /v1/logs} does, fitting the group
 * model once enough entries are stored and scoring every group completed, on the calling thread.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a licence-server log: NDJSON, a JSON array, or CSV whose header names the fields "
                + "(time, state, product, key, machine_code, ip, country, method, endpoint, attributes.NAME).",
                "Prints entries stored and rejected and the groups flagged. The first model is fitted once "
                        + "10,000 entries are stored (they are its history); later groups are scored as they "
                        + "complete."})
final class LogsImportCommand implements Callable<Integer> {
    private static final int BATCH = 5_000;
    private static final int SHOWN_REJECTIONS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The log file (.csv for CSV; JSON or NDJSON otherwise).")
    Path file;

    @Option(names = "--data-dir", defaultValue = "${env:VIGIL_DATA_DIR:-${sys:user.home}/.vigil}", paramLabel = "DIR",
            description = "Data directory, as for 'vigil serve' (env VIGIL_DATA_DIR; default: ~/.vigil).")
    Path dataDir;

    @Option(names = "--pseudonyms-only", description = "Store product, key, machine code and IP as pseudonyms only, "
            + "never in the clear.")
    boolean pseudonymsOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ParsedLogs parsed = parse();
        LogSettings settings = LogSettings.defaults().withStoreRawIdentifiers(!pseudonymsOnly);
        List<RejectedRecord> rejected = new ArrayList<>(parsed.errors());
        int stored = 0;
        long firstId = 0;
        long lastId = 0;
        Map<String, Object> before;
        Map<String, Object> after;
        try (MonitorDatabase db = LogsCommand.open(dataDir)) {
            LogAnomalies logs = LogAnomalies.open(db, dataDir, settings, Clock.systemUTC(), Runnable::run);
            before = logs.status();
            List<LogEntry> entries = parsed.entries();
            for (int from = 0; from < entries.size(); from += BATCH) {
                int to = Math.min(entries.size(), from + BATCH);
                LogIngestResult r = logs.ingest(entries.subList(from, to));
                for (RejectedRecord bad : r.rejected()) {
                    rejected.add(new RejectedRecord(parsed.positions().get(from + bad.index()), bad.field(),
                            bad.message()));
                }
                if (r.stored() > 0) {
                    firstId = firstId == 0 ? r.firstId() : firstId;
                    lastId = r.lastId();
                    stored += r.stored();
                }
            }
            after = logs.status();
        }
        rejected.sort(Comparator.comparingInt(RejectedRecord::index));
        if (stored == 0 && !rejected.isEmpty()) {
            RejectedRecord r = rejected.get(0);
            throw new UserInputException(file + ": no entry stored; record " + r.index() + ", field " + r.field()
                    + ": " + r.message() + (rejected.size() > 1 ? " (and " + (rejected.size() - 1) + " more)" : ""));
        }
        out.println("stored " + stored + " entries" + (stored == 0 ? "" : " (ids " + firstId + " to " + lastId + ")")
                + ", rejected " + rejected.size());
        for (RejectedRecord r : rejected.subList(0, Math.min(SHOWN_REJECTIONS, rejected.size()))) {
            out.println("  rejected record " + r.index() + ", field " + r.field() + ": " + r.message());
        }
        if (rejected.size() > SHOWN_REJECTIONS) {
            out.println("  ... and " + (rejected.size() - SHOWN_REJECTIONS) + " more rejected");
        }
        long scored = (Long) after.get("groups_scored") - (Long) before.get("groups_scored");
        long flagged = (Long) after.get("groups_flagged") - (Long) before.get("groups_flagged");
        if (Boolean.TRUE.equals(after.get("model_fitted"))) {
            out.println("groups scored " + scored + ", flagged " + flagged
                    + " (list them with 'vigil logs anomalies')");
        } else {
            out.println("no model yet: " + after.get("entries") + " entries stored, the first fit needs "
                    + after.get("fit_after_entries"));
        }
        out.flush();
        return 0;
    }

    private ParsedLogs parse() {
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + " does not exist; give the path of a log file");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
        LogSettings settings = LogSettings.defaults();
        try {
            return csv(body) ? LogCsv.parse(body, settings.states()) : LogJson.parse(body, settings.states());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
    }

    /** CSV by extension, or when the first character that is not white space cannot start JSON. */
    private boolean csv(byte[] body) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return true;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b != '{' && b != '[';
            }
        }
        return false;
    }
}
