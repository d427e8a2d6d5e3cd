package io.vigil.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.vigil.monitor.Monitor;
import io.vigil.monitor.MonitorSystem;
import io.vigil.monitor.MutableClock;
import io.vigil.monitor.action.ActionAttempt;
import io.vigil.monitor.action.ActionDispatcher;
import io.vigil.monitor.action.MailSettings;
import io.vigil.monitor.action.NotificationEvent;
import io.vigil.monitor.action.RetryPolicy;
import io.vigil.monitor.action.WebhookSignature;
import io.vigil.monitor.definition.MonitorJson;
import io.vigil.monitor.definition.MonitorStatus;
import io.vigil.monitor.evaluate.ConditionState;
import io.vigil.monitor.evaluate.RunResult;
import io.vigil.monitor.schedule.MonitorScheduler;
import io.vigil.monitor.traffic.TrafficRecord;
import io.vigil.monitor.traffic.TrafficResult;
import io.vigil.monitor.traffic.TrafficRetention;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor end to end on real DuckDB, a local webhook receiver that fails twice before succeeding, and GreenMail
 * as SMTP server; the scheduler is driven by a fake clock and backoff waits are recorded, not slept.
 */
class MonitorFlowTest {
    static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@vigil.test", "alerts", "s3cret"));

    @TempDir
    Path dir;
    HttpServer receiver;
    final AtomicInteger hits = new AtomicInteger();
    final List<byte[]> bodies = Collections.synchronizedList(new ArrayList<>());
    final List<String> signatures = Collections.synchronizedList(new ArrayList<>());
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    MutableClock clock;
    MonitorSystem system;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            int n = hits.incrementAndGet();
            bodies.add(exchange.getRequestBody().readAllBytes());
            signatures.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            int status = n <= 2 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.createContext("/call", exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Team") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        clock = new MutableClock(NOON);
        MailSettings mail = new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), false, "alerts", "s3cret",
                "alerts@vigil.test");
        ActionDispatcher dispatcher = new ActionDispatcher(ActionDispatcher.defaultHttpClient(), mail,
                new RetryPolicy(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)), waits::add, clock);
        system = MonitorSystem.open(dir, TrafficRetention.DEFAULT, dispatcher, clock);
    }

    @AfterEach
    void stop() {
        system.close();
        receiver.stop(0);
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    Monitor latencyMonitor() {
        return system.monitors().create(MonitorJson.parse(Map.of(
                "name", "Payments latency",
                "environment", "prod",
                "schedule", "0 */5 * ? * *",
                "query", Map.of("apis", List.of("payments")),
                "filter", Map.of("time_range", "5m"),
                "conditions", List.of(Map.of("type", "metric", "aggregation", "avg", "field", "response_time_ms",
                        "operator", "above", "threshold", 500)),
                "actions", List.of(Map.of("type", "webhook", "url", hookUrl(), "secret", "hook-secret"),
                        Map.of("type", "email", "to", List.of("oncall@example.com"))))));
    }

    /** Ten payments requests in the five minutes before {@code end}, all taking {@code ms}, plus other-API noise. */
    void traffic(Instant end, double ms) {
        List<TrafficRecord> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant t = end.minusSeconds(290 - i * 25L);
            batch.add(new TrafficRecord(t, "prod", "payments", "POST", "/v1/pay", 200, TrafficResult.SUCCESS, ms,
                    100L, 50L, null, null, null));
            batch.add(new TrafficRecord(t, "prod", "search", "GET", "/v1/q", 200, TrafficResult.SUCCESS, 5000.0,
                    10L, 10L, null, null, null));
            batch.add(new TrafficRecord(t, "staging", "payments", "POST", "/v1/pay", 200, TrafficResult.SUCCESS,
                    5000.0, 10L, 10L, null, null, null));
        }
        assertThat(system.traffic().ingest(batch).stored()).isEqualTo(30);
    }

    @Test
    void alertsOncePerIncidentRetriesTheWebhookAndSendsRecovery() throws Exception {
        Monitor monitor = latencyMonitor();
        traffic(NOON.plusSeconds(300), 100);
        traffic(NOON.plusSeconds(600), 800);
        traffic(NOON.plusSeconds(900), 900);
        traffic(NOON.plusSeconds(1200), 120);
        MonitorScheduler scheduler = system.scheduler();

        assertThat(scheduler.tick()).isEmpty();
        assertThat(scheduler.nextFire(monitor.id())).contains(NOON.plusSeconds(300));
        clock.advance(Duration.ofSeconds(299));
        assertThat(scheduler.tick()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        List<MonitorRun> first = scheduler.tick();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).firedAt()).isEqualTo(NOON.plusSeconds(300));
        assertThat(first.get(0).result()).isEqualTo(RunResult.NOT_MET);
        assertThat(first.get(0).conditions().get(0).value()).isEqualTo(100.0);
        assertThat(hits).hasValue(0);

        clock.advance(Duration.ofSeconds(300));
        MonitorRun triggered = scheduler.tick().get(0);
        assertThat(triggered.result()).isEqualTo(RunResult.MET);
        assertThat(triggered.event()).isEqualTo(NotificationEvent.TRIGGERED);
        assertThat(triggered.conditions().get(0).value()).isEqualTo(800.0);
        assertThat(hits).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(triggered.actions()).extracting(ActionAttempt::actionType, ActionAttempt::attempt, ActionAttempt::success)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("webhook", 1, false),
                        org.assertj.core.groups.Tuple.tuple("webhook", 2, false),
                        org.assertj.core.groups.Tuple.tuple("webhook", 3, true),
                        org.assertj.core.groups.Tuple.tuple("email", 1, true));
        assertThat(triggered.actions().get(0).statusCode()).isEqualTo(500);
        for (int i = 0; i < 3; i++) {
            assertThat(signatures.get(i)).isEqualTo(WebhookSignature.sign("hook-secret", bodies.get(i)));
        }
        JsonNode body = new ObjectMapper().readTree(bodies.get(2));
        assertThat(body.path("event").asText()).isEqualTo("triggered");
        assertThat(body.path("monitor").path("name").asText()).isEqualTo("Payments latency");
        assertThat(body.path("run").path("conditions").get(0).path("value").asDouble()).isEqualTo(800.0);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[Vigil] Payments latency triggered: MET");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("oncall@example.com");

        // Still anomalous five minutes later: the incident is open, nothing is sent again.
        clock.advance(Duration.ofSeconds(300));
        MonitorRun ongoing = scheduler.tick().get(0);
        assertThat(ongoing.result()).isEqualTo(RunResult.MET);
        assertThat(ongoing.event()).isEqualTo(NotificationEvent.NONE);
        assertThat(ongoing.actions()).isEmpty();
        assertThat(hits).hasValue(3);

        clock.advance(Duration.ofSeconds(300));
        MonitorRun recovered = scheduler.tick().get(0);
        assertThat(recovered.result()).isEqualTo(RunResult.NOT_MET);
        assertThat(recovered.event()).isEqualTo(NotificationEvent.RECOVERED);
        assertThat(hits).hasValue(4);
        assertThat(new ObjectMapper().readTree(bodies.get(3)).path("event").asText()).isEqualTo("recovered");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessages()[1].getSubject()).contains("recovered");

        // Results API: runs newest first with their stored attempts, and the chart series.
        RunPage page = system.runs().runs(monitor.id(), NOON, NOON.plusSeconds(3600), 0, 10);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.runs()).extracting(MonitorRun::result)
                .containsExactly(RunResult.NOT_MET, RunResult.MET, RunResult.MET, RunResult.NOT_MET);
        assertThat(page.runs().get(2).actions()).hasSize(4);
        assertThat(page.runs().get(2).actions().get(2).message()).startsWith("HTTP 200");
        assertThat(system.runs().runs(monitor.id(), NOON, NOON.plusSeconds(3600), 1, 2).runs())
                .extracting(MonitorRun::firedAt).containsExactly(NOON.plusSeconds(900), NOON.plusSeconds(600));
        ConditionSeries series = system.runs().series(monitor.id(), 0, NOON, NOON.plusSeconds(3600));
        assertThat(series.type()).isEqualTo("metric");
        assertThat(series.points()).extracting(SeriesPoint::value).containsExactly(100.0, 800.0, 900.0, 120.0);
        assertThat(series.points()).extracting(SeriesPoint::met).containsExactly(false, true, true, false);
        assertThat(series.points()).extracting(SeriesPoint::upper).containsOnly(500.0);

        system.runs().deleteRun(page.runs().get(0).id());
        assertThat(system.runs().runs(monitor.id(), NOON, NOON.plusSeconds(3600), 0, 10).total()).isEqualTo(3);
    }

    @Test
    void schedulerSkipsPassiveMonitorsAndDoesNotReplayMissedRunsAfterRestart() {
        Monitor monitor = latencyMonitor();
        MonitorScheduler scheduler = system.scheduler();
        scheduler.tick();
        system.monitors().setStatus(monitor.id(), MonitorStatus.PASSIVE);
        clock.advance(Duration.ofMinutes(20));
        assertThat(scheduler.tick()).isEmpty();
        assertThat(scheduler.nextFire(monitor.id())).isEmpty();

        system.monitors().setStatus(monitor.id(), MonitorStatus.ACTIVE);
        // A new scheduler stands in for a restarted process: next fire computed from now, the gap is not replayed.
        MonitorScheduler restarted = new MonitorScheduler(system.monitors(), system.runner(), null, clock);
        clock.set(NOON.plusSeconds(3 * 3600 + 61));
        assertThat(restarted.tick()).isEmpty();
        assertThat(restarted.nextFire(monitor.id())).contains(NOON.plusSeconds(3 * 3600 + 300));
        // A late tick runs the due fire time once, then moves past now.
        clock.set(NOON.plusSeconds(3 * 3600 + 900 + 30));
        List<MonitorRun> late = restarted.tick();
        assertThat(late).extracting(MonitorRun::firedAt).containsExactly(NOON.plusSeconds(3 * 3600 + 300));
        assertThat(late.get(0).result()).isEqualTo(RunResult.ERROR);
        assertThat(late.get(0).error()).contains("no traffic matched");
        assertThat(restarted.nextFire(monitor.id())).contains(NOON.plusSeconds(3 * 3600 + 1200));
        assertThat(system.runs().runs(monitor.id(), NOON, NOON.plusSeconds(86400), 0, 100).total()).isEqualTo(1);
    }

    @Test
    void backtestReplaysCronTimesOverStoredTrafficWithoutSending() {
        Monitor monitor = latencyMonitor();
        traffic(NOON.plusSeconds(300), 100);
        traffic(NOON.plusSeconds(600), 800);
        traffic(NOON.plusSeconds(900), 900);
        traffic(NOON.plusSeconds(1200), 120);
        BacktestResult r = system.backtester().backtest(monitor.id(), NOON, NOON.plusSeconds(1200));
        assertThat(r.runs()).extracting(MonitorRun::firedAt).containsExactly(NOON, NOON.plusSeconds(300),
                NOON.plusSeconds(600), NOON.plusSeconds(900), NOON.plusSeconds(1200));
        assertThat(r.runs()).extracting(MonitorRun::result).containsExactly(RunResult.ERROR, RunResult.NOT_MET,
                RunResult.MET, RunResult.MET, RunResult.NOT_MET);
        assertThat(r.wouldAlertAt()).containsExactly(NOON.plusSeconds(600));
        assertThat(r.wouldRecoverAt()).containsExactly(NOON.plusSeconds(1200));
        assertThat(hits).hasValue(0);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(system.runs().runs(monitor.id(), NOON, NOON.plusSeconds(3600), 0, 10).total()).isZero();
    }

    @Test
    void ratioRateAndEmaConditionsRunOnStoredTraffic() {
        Monitor monitor = system.monitors().create(MonitorJson.parse(Map.of(
                "name", "Failed share",
                "environment", "prod",
                "schedule", "0 */5 * ? * *",
                "query", Map.of("apis", List.of("orders"), "attributes", List.of(Map.of("key", "tenant", "value", "acme"))),
                "filter", Map.of("results", List.of("failed")),
                "conditions", List.of(
                        Map.of("type", "ratio", "operator", "above_or_equal", "threshold", 25, "times", 2),
                        Map.of("type", "rate", "aggregation", "count", "direction", "increase",
                                "comparison", "more_than", "percent", 50, "previous", 2),
                        Map.of("type", "ema", "aggregation", "max", "field", "status_code", "points", 2,
                                "sensitivity", 1.0, "band", "above_upper")))));
        // Per 5-minute window: requests for tenant acme (4 of them failed with 503 in the last two windows).
        int[][] windows = {{8, 0}, {8, 2}, {8, 4}};
        for (int w = 0; w < windows.length; w++) {
            Instant end = NOON.plusSeconds(300L * (w + 1));
            List<TrafficRecord> batch = new ArrayList<>();
            for (int i = 0; i < windows[w][0]; i++) {
                boolean failed = i < windows[w][1];
                batch.add(new TrafficRecord(end.minusSeconds(200 - i), "prod", "orders", "GET", "/o", failed ? 503 : 200,
                        failed ? TrafficResult.FAILED : TrafficResult.SUCCESS, 10.0, 0L, 0L, null, null,
                        Map.of("tenant", "acme")));
                batch.add(new TrafficRecord(end.minusSeconds(200 - i), "prod", "orders", "GET", "/o", 500,
                        TrafficResult.FAILED, 10.0, 0L, 0L, null, null, Map.of("tenant", "other")));
            }
            system.traffic().ingest(batch);
        }
        MonitorRunner runner = system.runner();
        MonitorRun r1 = runner.run(monitor, NOON.plusSeconds(300));
        MonitorRun r2 = runner.run(monitor, NOON.plusSeconds(600));
        MonitorRun r3 = runner.run(monitor, NOON.plusSeconds(900));
        // Window is the interval since the previous cron time when the filter sets no range.
        assertThat(r1.windowFrom()).isEqualTo(NOON);
        assertThat(List.of(r1, r2, r3)).extracting(r -> r.conditions().get(0).value()).containsExactly(0.0, 25.0, 50.0);
        assertThat(List.of(r1, r2, r3)).extracting(r -> r.conditions().get(0).state())
                .containsExactly(ConditionState.NOT_MET, ConditionState.NOT_MET, ConditionState.MET);
        // Count of failed acme requests: 0 (error? no: count is 0), 2, 4; rate baseline avg(0, 2) = 1 -> +300%.
        assertThat(r3.conditions().get(1).baseline()).isEqualTo(1.0);
        assertThat(r3.conditions().get(1).state()).isEqualTo(ConditionState.MET);
        // max status over failed acme: none in window 1 (ERROR), then 503 and 503: EMA waits for 2 values.
        assertThat(r1.conditions().get(2).state()).isEqualTo(ConditionState.ERROR);
        assertThat(r3.conditions().get(2).message()).contains("has 1");
        assertThat(r3.result()).isEqualTo(RunResult.MET);
    }

    @Test
    void aTestNotificationTriesEachActionOnceAndStoresNothing() throws Exception {
        Monitor monitor = latencyMonitor();
        List<ActionAttempt> first = system.testActions(monitor.id(), null);
        assertThat(first).extracting(ActionAttempt::actionType, ActionAttempt::success, ActionAttempt::statusCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("webhook", false, 500),
                        org.assertj.core.groups.Tuple.tuple("email", true, null));
        assertThat(first).allSatisfy(a -> assertThat(a.event()).isEqualTo(NotificationEvent.TEST));
        assertThat(waits).isEmpty(); // a failed test is reported, not retried
        JsonNode body = new ObjectMapper().readTree(bodies.get(0));
        assertThat(body.get("event").asText()).isEqualTo("test");
        assertThat(body.get("run").get("id").asLong()).isZero(); // no run yet: an empty one
        assertThat(signatures.get(0)).isNotNull();
        assertThat(smtp.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("[Vigil] Payments latency test: MET"));

        // Only the action asked for; the receiver answers 200 from its third request on.
        assertThat(system.testActions(monitor.id(), 0)).singleElement().satisfies(a -> assertThat(a.statusCode())
                .isEqualTo(500));
        assertThat(system.testActions(monitor.id(), 0)).singleElement().satisfies(a -> assertThat(a.success()).isTrue());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(system.runs().runs(monitor.id(), Instant.EPOCH, NOON.plusSeconds(86_400), 0, 10).total()).isZero();

        // After a run, a test carries that run's values.
        traffic(NOON.plusSeconds(300), 100);
        MonitorRun run = system.runner().run(monitor, NOON.plusSeconds(300));
        system.testActions(monitor.id(), 0);
        JsonNode after = new ObjectMapper().readTree(bodies.get(bodies.size() - 1));
        assertThat(after.get("run").get("id").asLong()).isEqualTo(run.id());
        assertThat(after.get("run").get("conditions").get(0).get("value").asDouble()).isEqualTo(100.0);

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                io.vigil.monitor.InvalidMonitorException.class, () -> system.testActions(monitor.id(), 2)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("index"))
                .hasMessage("index must be between 0 and 1 (the monitor has 2 actions), got 2");
    }

    @Test
    void silenceAlertsWhenNoDataIsMetAndRecoversWhenTrafficReturns() {
        Monitor monitor = system.monitors().create(MonitorJson.parse(Map.of(
                "name", "Payments silent", "environment", "prod", "schedule", "0 */5 * ? * *",
                "query", Map.of("apis", List.of("payments")), "filter", Map.of("time_range", "5m"),
                "conditions", List.of(Map.of("type", "metric", "aggregation", "avg", "field", "response_time_ms",
                        "operator", "above", "threshold", 500)),
                "actions", List.of(Map.of("type", "http", "method", "post", "url", "http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/call", "body", "{{event}} {{run.result}}")),
                "no_data", "met")));
        MonitorRun silent = system.runner().run(monitor, NOON.plusSeconds(300));
        assertThat(silent.result()).isEqualTo(RunResult.MET);
        assertThat(silent.event()).isEqualTo(NotificationEvent.TRIGGERED);
        assertThat(silent.conditions().get(0).message()).endsWith("; no_data counts it as met");
        traffic(NOON.plusSeconds(600), 100);
        MonitorRun back = system.runner().run(monitor, NOON.plusSeconds(600));
        assertThat(back.result()).isEqualTo(RunResult.NOT_MET);
        // The latest run per monitor, asked for among as many ids as a page of monitors holds, and more.
        List<Long> ids = new ArrayList<>();
        for (long i = 1_000; i < 2_200; i++) {
            ids.add(i);
        }
        ids.add(monitor.id());
        assertThat(system.runs().lastRuns(ids)).containsOnlyKeys(monitor.id())
                .containsEntry(monitor.id(), new RunStore.LastRun(NOON.plusSeconds(600), RunResult.NOT_MET));
        assertThat(system.runs().activeMetCount()).isZero();
        system.runner().run(monitor, NOON.plusSeconds(1200)); // silent again: MET
        assertThat(system.runs().activeMetCount()).isEqualTo(1);
        system.monitors().setStatus(monitor.id(), MonitorStatus.PASSIVE);
        assertThat(system.runs().activeMetCount()).isZero();
        assertThat(back.event()).isEqualTo(NotificationEvent.RECOVERED);
        assertThat(calls).containsExactly("POST null triggered MET", "POST null recovered NOT_MET",
                "POST null triggered MET");
    }

    @Test
    void httpCallActionFillsItsTemplate() {
        Monitor monitor = system.monitors().create(MonitorJson.parse(Map.of(
                "name", "Slow search",
                "environment", "prod",
                "schedule", "0 */5 * ? * *",
                "query", Map.of("apis", List.of("search")),
                "conditions", List.of(Map.of("type", "metric", "aggregation", "max", "field", "response_time_ms",
                        "operator", "above_or_equal", "threshold", 5000)),
                "actions", List.of(Map.of("type", "http", "method", "put",
                        "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/call",
                        "headers", Map.of("X-Team", "{{monitor.environment}}"),
                        "body", "{\"text\":\"{{monitor.name}} is {{run.result}} ({{event}}) {{unknown}}\"}")))));
        traffic(NOON.plusSeconds(300), 100);
        MonitorRun run = system.runner().run(monitor, NOON.plusSeconds(300));
        assertThat(run.event()).isEqualTo(NotificationEvent.TRIGGERED);
        assertThat(calls).containsExactly("PUT prod {\"text\":\"Slow search is MET (triggered) {{unknown}}\"}");
        assertThat(run.actions()).singleElement().satisfies(a -> {
            assertThat(a.success()).isTrue();
            assertThat(a.statusCode()).isEqualTo(204);
        });
    }
}
