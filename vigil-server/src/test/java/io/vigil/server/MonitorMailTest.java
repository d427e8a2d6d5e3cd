package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.vigil.monitor.action.MailSettings;
import io.vigil.monitor.traffic.TrafficRetention;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's mail settings reach monitors' email actions: a monitor whose condition is met sends its alert
 * through GreenMail, logging in with the configured credentials. The scheduler reads the server's clock, which the
 * test moves; the server's own scheduler thread and the test's {@code tick()} share one lock, so the run happens
 * exactly once whichever gets there first.
 */
class MonitorMailTest {
    static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@vigil.test", "alerts", "s3cret"));

    @TempDir
    Path dir;

    @Test
    void aMetConditionSendsItsEmailThroughTheConfiguredSmtpServer() throws Exception {
        ManualClock clock = new ManualClock(NOON);
        MailSettings mail = new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), false, "alerts", "s3cret",
                "alerts@vigil.test");
        try (TestServer api = TestServer.start(ServerConfig.local(dir).withClock(clock).withMail(mail)
                .withTrafficRetention(new TrafficRetention(7)))) {
            assertThat(api.server.monitors().traffic().retention().days()).isEqualTo(7);
            TestServer.Response created = api.post("/v1/monitors", """
                    {"name": "Payments latency", "environment": "prod", "schedule": "0 */5 * ? * *",
                     "query": {"apis": ["payments"]}, "filter": {"time_range": "5m"},
                     "conditions": [{"type": "metric", "aggregation": "avg", "field": "response_time_ms",
                                     "operator": "above", "threshold": 500}],
                     "actions": [{"type": "email", "to": ["oncall@example.com"]}]}
                    """);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            long id = created.json().path("id").asLong();
            StringBuilder traffic = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                traffic.append("{\"timestamp\":\"").append(NOON.plusSeconds(10 + i * 25L)).append("\",")
                        .append("\"environment\":\"prod\",\"api\":\"payments\",\"method\":\"POST\",")
                        .append("\"endpoint\":\"/v1/pay\",\"status_code\":200,\"result\":\"success\",")
                        .append("\"response_time_ms\":900}\n");
            }
            assertThat(api.post("/v1/traffic", traffic.toString()).json().path("stored").asInt()).isEqualTo(10);

            var scheduler = api.server.monitors().scheduler();
            scheduler.tick();
            assertThat(scheduler.nextFire(id)).contains(NOON.plusSeconds(300));
            clock.set(NOON.plusSeconds(300));
            scheduler.tick();

            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertThat(message.getSubject()).isEqualTo("[Vigil] Payments latency triggered: MET");
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("oncall@example.com");
            assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@vigil.test");

            JsonNode run = api.get("/v1/monitors/" + id + "/runs").json().path("runs").get(0);
            assertThat(run.path("result").asText()).isEqualTo("MET");
            assertThat(run.path("actions").get(0).path("action_type").asText()).isEqualTo("email");
            assertThat(run.path("actions").get(0).path("success").asBoolean()).isTrue();
        }
    }

    @Test
    void aTestNotificationGoesOutOnRequestAndIsNotARun() throws Exception {
        MailSettings mail = new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), false, "alerts", "s3cret",
                "alerts@vigil.test");
        try (TestServer api = TestServer.start(ServerConfig.local(dir).withClock(new ManualClock(NOON)).withMail(mail))) {
            long id = api.post("/v1/monitors", """
                    {"name": "Quiet", "environment": "prod", "schedule": "0 */5 * ? * *", "query": {},
                     "conditions": [{"type": "metric", "aggregation": "count", "operator": "below", "threshold": 1}],
                     "actions": [{"type": "email", "to": ["oncall@example.com"]}]}
                    """).json().path("id").asLong();
            TestServer.Response sent = api.post("/v1/monitors/" + id + "/actions/test", "");
            assertThat(sent.status()).as(sent.text()).isEqualTo(200);
            JsonNode attempt = sent.json().path("data").get(0);
            assertThat(attempt.path("action_type").asText()).isEqualTo("email");
            assertThat(attempt.path("event").asText()).isEqualTo("test");
            assertThat(attempt.path("success").asBoolean()).as(attempt.toString()).isTrue();
            assertThat(smtp.getReceivedMessages()).singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).isEqualTo("[Vigil] Quiet test: MET"));
            assertThat(api.get("/v1/monitors/" + id + "/runs").json().path("total").asLong()).isZero();

            TestServer.Response badIndex = api.post("/v1/monitors/" + id + "/actions/test", "{\"index\": 3}");
            assertThat(badIndex.status()).isEqualTo(400);
            assertThat(badIndex.errorParam()).isEqualTo("index");
            assertThat(api.post("/v1/monitors/" + id + "/actions/test", "{\"index\": \"0\"}").errorParam())
                    .isEqualTo("index");
            assertThat(api.post("/v1/monitors/" + (id + 1) + "/actions/test", "").status()).isEqualTo(404);
            TestServer.Response list = api.post("/v1/monitors/" + id + "/actions/test", "[0]");
            assertThat(list.status()).isEqualTo(400);
            assertThat(list.error().path("message").asText()).isEqualTo("the body must be empty or {\"index\": n}");

            long silent = api.post("/v1/monitors", """
                    {"name": "Silent", "environment": "prod", "schedule": "0 */5 * ? * *", "query": {},
                     "conditions": [{"type": "metric", "aggregation": "count", "operator": "below", "threshold": 1}]}
                    """).json().path("id").asLong();
            TestServer.Response none = api.post("/v1/monitors/" + silent + "/actions/test", "{}");
            assertThat(none.status()).isEqualTo(400);
            assertThat(none.errorParam()).isEqualTo("actions");
            assertThat(none.error().path("message").asText()).startsWith("monitor " + silent + " has no actions");
        }
    }
}
