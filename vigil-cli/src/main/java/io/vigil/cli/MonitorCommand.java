package io.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.json.JsonSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil monitor ...}: traffic monitors on a running {@code vigil serve}, over its REST API. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Create, list, change and inspect traffic monitors on a running 'vigil serve'.",
                "Every subcommand takes --url (env VIGIL_URL) and --api-key (env VIGIL_API_KEY). A request the "
                        + "server rejects exits with 2 and its message; no server at --url exits with 2 too."})
final class MonitorCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a monitor from a JSON definition (see vigil-monitor/README.md); prints its id.")
    int create(@Mixin ServerApiOptions api,
               @Option(names = "--file", required = true, paramLabel = "SPEC.json",
                       description = "The monitor definition; '-' reads standard input.") String file) {
        JsonNode created = api.client().post("/v1/monitors", spec(file));
        out().println("created monitor " + created.path("id").asLong() + " (" + created.path("name").asText() + ")");
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List monitors as a table: id, name, status, environment, schedule, next fire time and "
                    + "the latest run's result.")
    int list(@Mixin ServerApiOptions api,
             @Option(names = "--query", paramLabel = "TEXT", description = "Words to find in name or description.")
             String query,
             @Option(names = "--status", paramLabel = "STATUS", description = "active or passive.") String status,
             @Option(names = "--environment", paramLabel = "ENV", description = "Only this environment.")
             String environment,
             @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
                     description = "At most N monitors (default: ${DEFAULT-VALUE}).") int limit) {
        positive("--limit", limit);
        if (status != null && !status.equals("active") && !status.equals("passive")) {
            throw new UserInputException("--status must be 'active' or 'passive', got '" + status + "'");
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("q", query);
        q.put("status", status);
        q.put("environment", environment);
        q.put("limit", limit);
        JsonNode page = api.client().get("/v1/monitors", q);
        TextTable table = new TextTable("ID", "NAME", "STATUS", "ENVIRONMENT", "SCHEDULE", "NEXT FIRE", "LAST RUN");
        for (JsonNode m : page.path("data")) {
            JsonNode last = m.path("last_run");
            table.row(m.path("id").asLong(), m.path("name").asText(), m.path("status").asText(),
                    text(m, "environment"), m.path("schedule").asText(), text(m, "next_fire_at"),
                    last.isObject() ? last.path("result").asText().replace('_', ' ') + " at "
                            + last.path("fired_at").asText() : null);
        }
        PrintWriter out = out();
        table.print(out);
        out.println(table.size() + " of " + page.path("total").asLong() + " monitors");
        out.flush();
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one monitor.")
    int show(@Mixin ServerApiOptions api,
             @Parameters(paramLabel = "ID", description = "Monitor id.") long id,
             @Option(names = "--json", description = "Print the monitor as JSON, as the API returns it.") boolean json)
            throws IOException {
        JsonNode m = api.client().get("/v1/monitors/" + id);
        PrintWriter out = out();
        if (json) {
            out.println(VigilApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        } else {
            TextTable t = new TextTable("FIELD", "VALUE");
            for (String f : new String[] {"id", "name", "status", "environment", "description", "schedule",
                    "next_fire_at", "notify_recovery", "created_at", "updated_at"}) {
                t.row(f, text(m, f));
            }
            for (String f : new String[] {"query", "filter"}) {
                t.row(f, m.path(f).isMissingNode() ? null : VigilApiClient.JSON.writeValueAsString(m.path(f)));
            }
            int i = 0;
            for (JsonNode c : m.path("conditions")) {
                t.row("conditions[" + i++ + "]", VigilApiClient.JSON.writeValueAsString(c));
            }
            i = 0;
            for (JsonNode a : m.path("actions")) {
                t.row("actions[" + i++ + "]", a.path("type").asText() + " " + (a.has("url") ? a.path("url").asText()
                        : a.path("to").toString()));
            }
            t.print(out);
        }
        out.flush();
        return 0;
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Replace a monitor's definition with a JSON file (the whole definition, not a patch).")
    int update(@Mixin ServerApiOptions api,
               @Parameters(paramLabel = "ID", description = "Monitor id.") long id,
               @Option(names = "--file", required = true, paramLabel = "SPEC.json",
                       description = "The new definition; '-' reads standard input.") String file) {
        JsonNode m = api.client().put("/v1/monitors/" + id, spec(file));
        out().println("updated monitor " + m.path("id").asLong() + " (" + m.path("name").asText() + ")");
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a monitor and its runs.")
    int delete(@Mixin ServerApiOptions api, @Parameters(paramLabel = "ID", description = "Monitor id.") long id) {
        api.client().delete("/v1/monitors/" + id);
        out().println("deleted monitor " + id);
        return 0;
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Set a monitor active: the scheduler runs it.")
    int activate(@Mixin ServerApiOptions api, @Parameters(paramLabel = "ID", description = "Monitor id.") long id) {
        return setStatus(api, id, "active");
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "Set a monitor passive: not scheduled, its runs are kept.")
    int deactivate(@Mixin ServerApiOptions api, @Parameters(paramLabel = "ID", description = "Monitor id.") long id) {
        return setStatus(api, id, "passive");
    }

    @Command(name = "runs", mixinStandardHelpOptions = true,
            description = "A monitor's stored runs, newest first: each condition's state (MET / NOT MET / ERROR), "
                    + "value and the thresholds or bands it was compared with.")
    int runs(@Mixin ServerApiOptions api,
             @Parameters(paramLabel = "ID", description = "Monitor id.") long id,
             @Option(names = "--from", paramLabel = "ISO", description = "Runs fired at or after this instant.")
             String from,
             @Option(names = "--to", paramLabel = "ISO", description = "Runs fired before this instant.") String to,
             @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
                     description = "At most N runs (default: ${DEFAULT-VALUE}).") int limit) {
        positive("--limit", limit);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("from", instant("--from", from));
        q.put("to", instant("--to", to));
        q.put("limit", limit);
        JsonNode page = api.client().get("/v1/monitors/" + id + "/runs", q);
        PrintWriter out = out();
        RunTable.of(page.path("runs")).print(out);
        out.println(page.path("runs").size() + " of " + page.path("total").asLong() + " runs");
        out.flush();
        return 0;
    }

    @Command(name = "backtest", mixinStandardHelpOptions = true,
            description = "Evaluate a monitor over stored traffic as if it had been running; sends nothing.")
    int backtest(@Mixin ServerApiOptions api,
                 @Parameters(paramLabel = "ID", description = "Monitor id.") long id,
                 @Option(names = "--from", required = true, paramLabel = "ISO", description = "Start instant.")
                 String from,
                 @Option(names = "--to", required = true, paramLabel = "ISO", description = "End instant.") String to) {
        JsonNode result = api.client().post("/v1/monitors/" + id + "/backtest",
                Map.of("from", instant("--from", from), "to", instant("--to", to)));
        PrintWriter out = out();
        RunTable.of(result.path("runs")).print(out);
        out.println(result.path("runs").size() + " simulated runs; would alert at: "
                + instants(result.path("would_alert_at")) + "; would recover at: "
                + instants(result.path("would_recover_at")));
        out.flush();
        return 0;
    }

    @Command(name = "test-actions", mixinStandardHelpOptions = true,
            description = "Send a test notification through a monitor's actions (each tried once, event 'test', the "
                    + "latest run's values) and print what each receiver answered; stores nothing. Exits 1 when an "
                    + "action failed.")
    int testActions(@Mixin ServerApiOptions api,
                    @Parameters(paramLabel = "ID", description = "Monitor id.") long id,
                    @Option(names = "--index", paramLabel = "N",
                            description = "Only the action at this position (0 is the first).") Integer index) {
        JsonNode result = api.client().post("/v1/monitors/" + id + "/actions/test",
                index == null ? Map.of() : Map.of("index", index));
        PrintWriter out = out();
        boolean all = true;
        for (JsonNode a : result.path("data")) {
            boolean ok = a.path("success").asBoolean();
            all &= ok;
            JsonNode status = a.path("status_code");
            String answer = text(a, "message") != null ? text(a, "message")
                    : status.isNumber() ? "HTTP " + status.asInt() : null;
            out.println("action " + a.path("action_index").asInt() + " (" + a.path("action_type").asText() + "): "
                    + (ok ? "delivered" : "failed") + (answer == null ? "" : ": " + answer));
        }
        out.flush();
        return all ? 0 : 1;
    }

    @Command(name = "describe-schedule", mixinStandardHelpOptions = true,
            description = "Describe a Quartz cron expression (with seconds) in words, with its next 3 fire times.")
    int describeSchedule(@Mixin ServerApiOptions api,
                         @Parameters(paramLabel = "CRON", description = "e.g. '0 */5 * ? * *'.") String cron) {
        JsonNode d = api.client().get("/v1/schedules/describe", Map.of("cron", cron));
        PrintWriter out = out();
        out.println(d.path("description").asText());
        for (JsonNode t : d.path("next_fires")) {
            out.println("  " + t.asText());
        }
        out.flush();
        return 0;
    }

    @Command(name = "name-available", mixinStandardHelpOptions = true,
            description = "Whether a monitor name is free (names are unique ignoring case); exits 0 if it is, "
                    + "1 if not.")
    int nameAvailable(@Mixin ServerApiOptions api, @Parameters(paramLabel = "NAME", description = "Name to check.")
                      String name) {
        JsonNode a = api.client().get("/v1/monitors/name-availability", Map.of("name", name));
        boolean free = a.path("available").asBoolean();
        out().println(free ? "available" : "not available: " + a.path("reason").asText());
        return free ? 0 : 1;
    }

    private int setStatus(ServerApiOptions api, long id, String status) {
        JsonNode m = api.client().post("/v1/monitors/" + id + "/status", Map.of("status", status));
        out().println("monitor " + id + " (" + m.path("name").asText() + ") is " + m.path("status").asText());
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The definition's bytes, checked to be JSON here so a typo names the file rather than the server's body. */
    private static byte[] spec(String file) {
        byte[] body;
        try {
            if ("-".equals(file)) {
                InputStream in = System.in;
                body = in.readAllBytes();
            } else {
                body = Files.readAllBytes(Path.of(file));
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException("--file " + file + " does not exist; check the path");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new UserInputException("--file " + file + " cannot be read: " + e.getMessage());
        }
        JsonNode node;
        try {
            node = VigilApiClient.JSON.readTree(body);
        } catch (IOException e) {
            throw new UserInputException("--file " + file + " is not valid JSON: "
                    + JsonSyntax.messageWithLocation(e));
        }
        if (node == null || !node.isObject()) {
            throw new UserInputException("--file " + file + " must hold one JSON object, the monitor definition");
        }
        // What 'show --json' adds (id, timestamps, last_run) the server ignores in a request, so it goes as it is.
        return body;
    }

    private static String instant(String flag, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new UserInputException(flag + " must be an ISO-8601 instant such as 2026-03-01T12:00:00Z, got '"
                    + value + "'");
        }
    }

    private static void positive(String flag, int value) {
        if (value < 1) {
            throw new UserInputException(flag + " must be at least 1, got " + value);
        }
    }

    private static String instants(JsonNode list) {
        if (list.isEmpty()) {
            return "never";
        }
        StringBuilder sb = new StringBuilder();
        list.forEach(t -> sb.append(sb.length() == 0 ? "" : ", ").append(t.asText()));
        return sb.toString();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
