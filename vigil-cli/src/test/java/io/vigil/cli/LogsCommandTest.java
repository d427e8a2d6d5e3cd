package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.explain.FeatureContribution;
import io.vigil.core.loggroup.GroupStats;
import io.vigil.core.loggroup.LicenceTraffic;
import io.vigil.core.loggroup.LicenceTrafficGenerator;
import io.vigil.core.loggroup.LicenceTrafficGenerator.Plan;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.PlantedIncident.Kind;
import io.vigil.core.loggroup.ScoredLogGroup;
import io.vigil.monitor.logs.FlaggedGroupStore;
import io.vigil.monitor.store.MonitorDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @TempDir
    Path dir;

    private Path ndjson(String name, List<LogEntry> entries) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (LogEntry e : entries) {
            Map<String, Object> json = e.toJson();
            json.remove("id");
            json.remove("successful");
            sb.append(JSON.writeValueAsString(json)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, sb.toString());
        return file;
    }

    private Path csv(List<LogEntry> entries) throws Exception {
        StringBuilder sb = new StringBuilder("time,state,product,key,machine_code,ip,country,method\n");
        for (LogEntry e : entries) {
            sb.append(e.time()).append(',').append(e.state()).append(',').append(e.product()).append(',')
                    .append(e.key() == null ? "" : e.key()).append(',').append(e.machineCode()).append(',')
                    .append(e.ip()).append(',').append(e.country()).append(',').append(e.method()).append('\n');
        }
        Path file = dir.resolve("day.csv");
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void importsHistoryThenADayAndListsTheFlaggedGroups() throws Exception {
        LicenceTrafficGenerator generator = new LicenceTrafficGenerator(LicenceTrafficGenerator.Profile.standard(), 5);
        LicenceTraffic history = generator.generate(START, Duration.ofDays(3), 1, List.of());
        Instant dayStart = START.plus(Duration.ofDays(3));
        LicenceTraffic day = generator.generate(dayStart, Duration.ofHours(8), history.entries().size() + 1L,
                List.of(new Plan(Kind.REPEATED_FAILURES, dayStart.plus(Duration.ofHours(4)))));
        Path data = dir.resolve("data");

        DetectRunCommandTest.Result first = DetectRunCommandTest.run("logs", "import",
                ndjson("history.ndjson", history.entries()).toString(), "--data-dir", data.toString());
        assertThat(first.err()).isEmpty();
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("stored " + history.entries().size() + " entries (ids 1 to "
                + history.entries().size() + "), rejected 0").contains("groups scored");

        DetectRunCommandTest.Result second = DetectRunCommandTest.run("logs", "import", csv(day.entries()).toString(),
                "--data-dir", data.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).containsPattern("groups scored \\d+, flagged [1-9]");

        DetectRunCommandTest.Result listed = DetectRunCommandTest.run("logs", "anomalies", "--data-dir",
                data.toString(), "--json", "--limit", "1000");
        assertThat(listed.code()).as(listed.err()).isZero();
        boolean failuresFound = false;
        for (String line : listed.out().split("\n")) {
            JsonNode g = JSON.readTree(line);
            int planted = day.incidents().get(0).entriesBetween(g.get("starting_at").asLong(),
                    g.get("ending_at").asLong());
            failuresFound |= planted >= 10 && g.get("reason").asText().contains("for one key");
        }
        assertThat(failuresFound).as(listed.out()).isTrue();
        DetectRunCommandTest.Result table = DetectRunCommandTest.run("logs", "anomalies", "--data-dir",
                data.toString(), "--limit", "2");
        assertThat(table.out()).contains("not every entry", "GROUP", "REASON").hasLineCount(4);
    }

    /**
     * Pins the JSON of a flagged group, which {@code GET /v1/log-anomalies} writes with the same
     * {@code FlaggedGroup.toJson}: field names and order, the product left out when groups are not cut per product,
     * a non-finite feature value as null, and the unflagged group not listed.
     */
    @Test
    void anomaliesJsonKeepsTheFlaggedGroupShape() throws Exception {
        Path data = dir.resolve("pinned");
        GroupStats stats = new GroupStats(25, 17, 17, 1, 1, 0, 5, 6, 6, 2, 1, 1, 1, 0, 0, 0, 2, 0.5, 120, 10.5);
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        Instant end = Instant.parse("2026-01-05T10:02:00.250Z");
        List<FeatureContribution> top = List.of(new FeatureContribution("max_failures_one_key", 0.625, 17, 1),
                new FeatureContribution("failed_requests", 0.25, 17, Double.NaN));
        try (MonitorDatabase db = MonitorDatabase.open(data)) {
            new FlaggedGroupStore(db).record(List.of(
                    new ScoredLogGroup(101, "p-3f2a", 101, 125, start, end, 0.8125, true, top,
                            "17 of 25 requests failed for one key", stats),
                    new ScoredLogGroup(126, null, 126, 150, start, end, 0.125, false, List.of(), "", stats),
                    new ScoredLogGroup(151, null, 151, 175, start, end, 0.75, true, top.subList(0, 1),
                            "one key failed", stats)), 175);
        }
        DetectRunCommandTest.Result listed = DetectRunCommandTest.run("logs", "anomalies", "--data-dir",
                data.toString(), "--json");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out().split("\n")).containsExactly(
                "{\"id\":151,\"starting_at\":151,\"ending_at\":175,\"start_time\":\"2026-01-05T10:00:00Z\","
                        + "\"end_time\":\"2026-01-05T10:02:00.250Z\",\"requests\":25,\"score\":0.75,"
                        + "\"reason\":\"one key failed\",\"top_features\":[{\"feature\":\"max_failures_one_key\","
                        + "\"contribution\":0.625,\"value\":17.0,\"normal_value\":1.0}]}",
                "{\"id\":101,\"product\":\"p-3f2a\",\"starting_at\":101,\"ending_at\":125,"
                        + "\"start_time\":\"2026-01-05T10:00:00Z\",\"end_time\":\"2026-01-05T10:02:00.250Z\","
                        + "\"requests\":25,\"score\":0.8125,\"reason\":\"17 of 25 requests failed for one key\","
                        + "\"top_features\":[{\"feature\":\"max_failures_one_key\",\"contribution\":0.625,"
                        + "\"value\":17.0,\"normal_value\":1.0},{\"feature\":\"failed_requests\","
                        + "\"contribution\":0.25,\"value\":17.0,\"normal_value\":null}]}");
    }

    @Test
    void badInputIsOneLineWithExitCode2() throws Exception {
        Path data = dir.resolve("data");
        DetectRunCommandTest.Result missing = DetectRunCommandTest.run("logs", "import",
                dir.resolve("nope.ndjson").toString(), "--data-dir", data.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.ndjson does not exist").doesNotContain("\tat ");

        Path badHeader = dir.resolve("bad.csv");
        Files.writeString(badHeader, "time,state,colour\n2026-01-05T00:00:00Z,200,red\n");
        DetectRunCommandTest.Result header = DetectRunCommandTest.run("logs", "import", badHeader.toString(),
                "--data-dir", data.toString());
        assertThat(header.code()).isEqualTo(2);
        assertThat(header.err()).contains("bad.csv").contains("colour").hasLineCount(1);

        Path allBad = dir.resolve("bad.ndjson");
        Files.writeString(allBad, "{\"time\":\"2026-01-05T00:00:00Z\",\"state\":\"fine\"}\n");
        DetectRunCommandTest.Result rejected = DetectRunCommandTest.run("logs", "import", allBad.toString(),
                "--data-dir", data.toString());
        assertThat(rejected.code()).isEqualTo(2);
        assertThat(rejected.err()).contains("record 0, field state");

        Path someBad = dir.resolve("some.ndjson");
        Files.writeString(someBad, "{\"time\":\"2026-01-05T00:00:00Z\",\"state\":200,\"key\":\"K\"}\n"
                + "{\"time\":\"later\",\"state\":200}\n");
        DetectRunCommandTest.Result partly = DetectRunCommandTest.run("logs", "import", someBad.toString(),
                "--data-dir", data.toString());
        assertThat(partly.code()).isZero();
        assertThat(partly.out()).contains("stored 1 entries (ids 1 to 1), rejected 1")
                .contains("rejected record 1, field time").contains("no model yet");

        assertThat(DetectRunCommandTest.run("logs", "anomalies", "--data-dir", data.toString(), "--limit", "0")
                .err()).contains("--limit");
        DetectRunCommandTest.Result empty = DetectRunCommandTest.run("logs", "anomalies", "--data-dir",
                dir.resolve("elsewhere").toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("no Vigil database");
    }

    @Test
    void saysWhenARunningServerHoldsTheDatabase() throws Exception {
        Path data = dir.resolve("held");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldDatabase.class.getName(), data.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("HELD"));
            assertThat(line).isEqualTo("HELD");
            Path file = dir.resolve("one.ndjson");
            Files.writeString(file, "{\"time\":\"2026-01-05T00:00:00Z\",\"state\":200}\n");
            DetectRunCommandTest.Result r = DetectRunCommandTest.run("logs", "import", file.toString(),
                    "--data-dir", data.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("in use by another process").contains("vigil serve").hasLineCount(1);
            DetectRunCommandTest.Result list = DetectRunCommandTest.run("logs", "anomalies", "--data-dir",
                    data.toString());
            assertThat(list.code()).isEqualTo(2);
            assertThat(list.err()).contains("in use by another process");
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
