package io.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.monitor.logs.FlaggedGroup;
import io.vigil.monitor.logs.FlaggedGroupStore;
import io.vigil.monitor.store.MonitorDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil logs anomalies}: the suspected-anomaly groups stored in the data directory, newest first. */
@Command(name = "anomalies", mixinStandardHelpOptions = true,
        description = {"List suspected-anomaly log groups, newest first: id, entry id range, time, score, reason.",
                "Not every entry in a flagged group is bad: the group as a whole deviates from normal traffic."})
final class LogsAnomaliesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "${env:VIGIL_DATA_DIR:-${sys:user.home}/.vigil}", paramLabel = "DIR",
            description = "Data directory, as for 'vigil serve' (env VIGIL_DATA_DIR; default: ~/.vigil).")
    Path dataDir;

    @Option(names = "--limit", defaultValue = "25", paramLabel = "N",
            description = "Most groups listed, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per group (as GET /v1/log-anomalies returns them).")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        if (limit < 1 || limit > 1000) {
            throw new UserInputException("--limit must be between 1 and 1000, got " + limit);
        }
        if (!Files.exists(dataDir.resolve(MonitorDatabase.FILE_NAME))) {
            throw new UserInputException("no Vigil database in " + dataDir + "; import logs first with "
                    + "'vigil logs import FILE --data-dir " + dataDir + "'");
        }
        List<FlaggedGroup> groups;
        try (MonitorDatabase db = LogsCommand.open(dataDir)) {
            groups = new FlaggedGroupStore(db).list(limit, null, null, true);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            for (FlaggedGroup g : groups) {
                out.println(JSON.writeValueAsString(g.toJson()));
            }
        } else if (groups.isEmpty()) {
            out.println("no suspected anomalies");
        } else {
            out.println(FlaggedGroup.NOTE);
            out.println(String.format(Locale.ROOT, "%-10s %-23s %-20s %-6s %s", "GROUP", "ENTRIES", "STARTED",
                    "SCORE", "REASON"));
            for (FlaggedGroup g : groups) {
                out.println(String.format(Locale.ROOT, "%-10d %-23s %-20s %-6.3f %s", g.id(),
                        g.startingAt() + "-" + g.endingAt(), g.startTime().toString().substring(0, 19) + "Z",
                        g.score(), g.reason()));
            }
        }
        out.flush();
        return 0;
    }
}
