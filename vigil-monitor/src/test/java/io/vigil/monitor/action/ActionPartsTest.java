package io.vigil.monitor.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionPartsTest {
    @Test
    void signatureIsHexHmacSha256() {
        // RFC 4231 test case 2.
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(500), 2.0, Duration.ofSeconds(3));
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(p.delayAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayAfter(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.delayAfter(5)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void templateFillsKnownPlaceholdersAndKeepsUnknownOnes() {
        String out = MessageTemplate.render("{{ monitor.name }} is {{run.result}}; {{nope}} $1 \\ {{event}}",
                Map.of("monitor.name", "A $ name", "run.result", "MET", "event", "triggered"));
        assertThat(out).isEqualTo("A $ name is MET; {{nope}} $1 \\ triggered");
    }

    @Test
    void incidentEventsFollowTransitions() {
        assertThat(NotificationEvent.after(null, io.vigil.monitor.evaluate.RunResult.MET)).isEqualTo(NotificationEvent.TRIGGERED);
        assertThat(NotificationEvent.after(io.vigil.monitor.evaluate.RunResult.MET, io.vigil.monitor.evaluate.RunResult.MET))
                .isEqualTo(NotificationEvent.NONE);
        assertThat(NotificationEvent.after(io.vigil.monitor.evaluate.RunResult.MET, io.vigil.monitor.evaluate.RunResult.ERROR))
                .isEqualTo(NotificationEvent.NONE);
        assertThat(NotificationEvent.after(io.vigil.monitor.evaluate.RunResult.MET, io.vigil.monitor.evaluate.RunResult.NOT_MET))
                .isEqualTo(NotificationEvent.RECOVERED);
        assertThat(NotificationEvent.after(null, io.vigil.monitor.evaluate.RunResult.NOT_MET)).isEqualTo(NotificationEvent.NONE);
    }

    @Test
    void exhaustedRetriesRecordEveryFailedAttempt() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        java.time.Instant now = java.time.Instant.parse("2026-03-01T12:00:00Z");
        io.vigil.monitor.Monitor monitor = new io.vigil.monitor.Monitor(7, io.vigil.monitor.definition.MonitorJson.parse(Map.of(
                "name", "m", "environment", "prod", "schedule", "0 */5 * ? * *", "query", Map.of(),
                "conditions", java.util.List.of(Map.of("type", "metric", "aggregation", "count", "operator", "above", "threshold", 1)),
                "actions", java.util.List.of(Map.of("type", "webhook", "url", "http://127.0.0.1:" + closedPort + "/x"),
                        Map.of("type", "email", "to", java.util.List.of("a@example.com"))))), now, now);
        io.vigil.monitor.run.MonitorRun run = new io.vigil.monitor.run.MonitorRun(1, 7, now, now.minusSeconds(300), now,
                io.vigil.monitor.evaluate.RunResult.MET, NotificationEvent.TRIGGERED, null, java.util.List.of(), java.util.List.of());
        java.util.List<Duration> waits = new java.util.ArrayList<>();
        ActionDispatcher d = new ActionDispatcher(ActionDispatcher.defaultHttpClient(), null,
                new RetryPolicy(3, Duration.ofSeconds(1), 3.0, Duration.ofSeconds(60)), waits::add, java.time.Clock.systemUTC());
        java.util.List<ActionAttempt> attempts = d.dispatch(monitor, run, NotificationEvent.TRIGGERED);
        assertThat(attempts).extracting(ActionAttempt::actionType, ActionAttempt::attempt, ActionAttempt::success)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("webhook", 1, false),
                        org.assertj.core.groups.Tuple.tuple("webhook", 2, false),
                        org.assertj.core.groups.Tuple.tuple("webhook", 3, false),
                        org.assertj.core.groups.Tuple.tuple("email", 1, false));
        assertThat(attempts.get(0).message()).isEqualTo("cannot connect to 127.0.0.1:" + closedPort
                + " (connection refused or unreachable)");
        assertThat(attempts.get(3).message()).contains("no SMTP server");
        // The missing mail configuration is not retried: only the webhook waited.
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void requestsThatGetNoAnswerSayWhichReceiverAndWhy() {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("https://hooks.example.com:8443/x")).timeout(Duration.ofSeconds(10)).build();
        assertThat(ActionDispatcher.failure(request, new java.net.http.HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("no connection to hooks.example.com:8443 within the connect timeout");
        assertThat(ActionDispatcher.failure(request, new java.net.http.HttpTimeoutException("request timed out")))
                .isEqualTo("no answer from hooks.example.com:8443 within 10 s");
        assertThat(ActionDispatcher.failure(request, new java.net.ConnectException()))
                .isEqualTo("cannot connect to hooks.example.com:8443 (connection refused or unreachable)");
        assertThat(ActionDispatcher.failure(request, new java.io.IOException(null,
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed"))))
                .isEqualTo("SSLHandshakeException: PKIX path building failed");
        java.net.http.HttpRequest noPort = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://hooks.example.com/x")).build();
        assertThat(ActionDispatcher.failure(noPort, new java.net.ConnectException()))
                .isEqualTo("cannot connect to hooks.example.com (connection refused or unreachable)");
    }
}
