package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web UI over plain HTTP: escaping, form errors in words, the session login and what it does not open. */
class WebUiTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void userStringsAreEscapedAndUiRoutesStayOutOfTheApiList() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            TestServer.Response created = api.post("/v1/monitors", """
                    {"name": "<script>alert(1)</script>", "description": "a \\"quoted\\" & <b>bold</b> one",
                     "environment": "prod", "schedule": "0 */5 * ? * *", "query": {},
                     "conditions": [{"type": "metric", "aggregation": "count", "operator": "above", "threshold": 5}]}""");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            for (String page : new String[] {"/ui/monitors", "/ui/monitors/" + id, "/ui/monitors/" + id + "/edit"}) {
                HttpResponse<String> r = get(api.base + page, null);
                assertThat(r.statusCode()).as(page).isEqualTo(200);
                assertThat(r.body()).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                        .doesNotContain("<script>alert(1)").doesNotContain("<b>bold</b>");
            }
            assertThat(get(api.base + "/ui/monitors/table?q=%3Cscript", null).body())
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(api.server.routes()).noneMatch(r -> r.path().equals("/") || r.path().startsWith("/ui"));
            assertThat(get(api.base + "/ui/monitors/999", null).statusCode()).isEqualTo(404);
            assertThat(get(api.base + "/ui/monitors/999", null).body()).contains("error-box");
        }
    }

    @Test
    void theMonitorPageListsItsActionsAndSendsATestNotification() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            // Port 9 on loopback has no listener: the test comes back as a failure, in words.
            long id = api.post("/v1/monitors", """
                    {"name": "Hooked", "environment": "prod", "schedule": "0 */5 * ? * *", "query": {},
                     "conditions": [{"type": "metric", "aggregation": "avg", "field": "response_time_ms", "operator": "above",
                                     "threshold": 5}],
                     "actions": [{"type": "webhook", "url": "http://127.0.0.1:9/hook", "secret": "never-shown"}]}""")
                    .json().get("id").asLong();
            String page = get(api.base + "/ui/monitors/" + id, null).body();
            assertThat(page).contains("<li>webhook: POST http://127.0.0.1:9/hook</li>").contains("test-actions-form")
                    .doesNotContain("never-shown");
            String result = postForm(api.base + "/ui/monitors/" + id + "/test-actions", Map.of(), null).body();
            assertThat(result).contains("id=\"test-actions\"").contains("1. webhook")
                    .contains("<span class=\"badge alert\">failed</span>")
                    .contains("cannot connect to 127.0.0.1:9 (connection refused or unreachable)");
            assertThat(api.get("/v1/monitors/" + id + "/runs").json().get("total").asLong()).isZero();
            assertThat(page).doesNotContain("no-traffic-hint");

            // A run over no traffic is an ERROR, and the page points at what traffic is stored.
            for (int minutes = 5; minutes <= 15; minutes += 5) {
                api.server.monitors().runner().run(api.server.monitors().monitors().get(id),
                        java.time.Instant.parse("2026-03-01T12:00:00Z").plusSeconds(60L * minutes));
            }
            assertThat(get(api.base + "/ui/monitors/table", null).body()).contains("<th scope=\"col\">Last run</th>")
                    .contains("<td class=\"last-run\"><span class=\"badge warn\">ERROR</span>");
            String errored = get(api.base + "/ui/monitors/" + id, null).body();
            assertThat(errored).contains("id=\"no-traffic-hint\"").contains("<a href=\"/ui/traffic\">");
            // Three identical ERROR runs are one row that says how many and since when.
            assertThat(errored).contains("The latest 3 of 3 runs").contains("and 2 earlier runs like it, back to ")
                    .containsOnlyOnce("condition 0: no traffic matched");
        }
    }

    @Test
    void theTrafficPageSummarisesStoredTrafficPerApi() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            assertThat(get(api.base + "/ui/traffic?range=all", null).body()).contains("No traffic is stored")
                    .contains("POST /v1/traffic");
            assertThat(api.post("/v1/traffic", """
                    {"timestamp": "2020-03-01T12:00:00Z", "environment": "prod", "api": "<b>pay</b>", "method": "GET",
                     "endpoint": "/x", "status_code": 502, "result": "failed", "response_time_ms": 40}""")
                    .json().get("stored").asInt()).isEqualTo(1);
            String page = get(api.base + "/ui/traffic?range=all", null).body();
            assertThat(page).contains("<p id=\"traffic-total\">1 requests stored in all.</p>")
                    .contains("<td>prod</td><td>&lt;b&gt;pay&lt;/b&gt;</td><td>1</td><td>1</td><td>1</td>")
                    .contains("href=\"/ui/traffic\"");
            // The record is from 2020: outside the last 24 hours, the default.
            assertThat(get(api.base + "/ui/traffic", null).body()).contains("No traffic in this range");
            HttpResponse<String> bad = get(api.base + "/ui/traffic?range=forever", null);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("range must be one of 1h, 24h, 7d, all");
        }
    }

    @Test
    void formErrorsComeBackInWordsNextToTheirField() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            HttpResponse<String> badJson = postForm(api.base + "/ui/monitors", Map.of("name", "Checkout",
                    "environment", "prod", "status", "active", "schedule", "0 */5 * ? * *", "query", "{}",
                    "conditions", "[{\"type\": \"metric\",", "actions", "[]"), null);
            assertThat(badJson.statusCode()).isEqualTo(400);
            assertThat(badJson.body()).containsPattern("id=\"conditions-error\" role=\"alert\">conditions is not valid "
                    + "JSON: [^<]+ \\(line \\d+, column \\d+\\)</");
            HttpResponse<String> trailing = postForm(api.base + "/ui/monitors", Map.of("name", "Checkout",
                    "environment", "prod", "status", "active", "schedule", "0 */5 * ? * *", "query", "{}",
                    "conditions", "[{\"type\": \"ratio\", \"operator\": \"above\", \"threshold\": 90}] junk",
                    "actions", "[]"), null);
            assertThat(trailing.statusCode()).isEqualTo(400);
            assertThat(trailing.body()).contains("id=\"conditions-error\" role=\"alert\">conditions is not valid JSON");
            HttpResponse<String> badRule = postForm(api.base + "/ui/monitors", Map.of("name", "Checkout",
                    "environment", "prod", "status", "active", "schedule", "0 */5 * ? * *", "query", "{}",
                    "conditions", "[{\"type\": \"ema\", \"aggregation\": \"avg\", \"field\": \"response_time_ms\", "
                            + "\"band\": \"outside\", \"points\": 20, \"sensitivity\": 9}]", "actions", "[]"), null);
            assertThat(badRule.statusCode()).isEqualTo(400);
            assertThat(badRule.body()).contains("id=\"conditions-error\" role=\"alert\">").contains("sensitivity");
            HttpResponse<String> ok = postForm(api.base + "/ui/monitors", Map.of("name", "Checkout",
                    "environment", "prod", "status", "passive", "schedule", "0 */5 * ? * *", "query", "{}",
                    "conditions", "[{\"type\": \"ratio\", \"operator\": \"above\", \"threshold\": 90}]", "actions", ""),
                    null);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
            assertThat(api.get("/v1/monitors?q=checkout").json().get("data").get(0).get("status").asText())
                    .isEqualTo("passive");
            HttpResponse<String> taken = postForm(api.base + "/ui/monitors", Map.of("name", "CHECKOUT",
                    "environment", "prod", "schedule", "0 */5 * ? * *", "query", "{}",
                    "conditions", "[{\"type\": \"ratio\", \"operator\": \"above\", \"threshold\": 90}]"), null);
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(taken.body()).contains("id=\"name-error\" role=\"alert\">");
            long id = api.get("/v1/monitors?q=checkout").json().get("data").get(0).get("id").asLong();
            HttpResponse<String> edited = postForm(api.base + "/ui/monitors/" + id, Map.of("monitor_id",
                    Long.toString(id), "name", "Checkout ratio", "environment", "prod", "status", "active",
                    "schedule", "0 0 * ? * *", "query", "{}",
                    "conditions", "[{\"type\": \"ratio\", \"operator\": \"above\", \"threshold\": 80}]"), null);
            assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
            assertThat(api.get("/v1/monitors/" + id).json().get("name").asText()).isEqualTo("Checkout ratio");
            HttpResponse<String> forged = CLIENT.send(HttpRequest.newBuilder(URI.create(api.base + "/ui/monitors/"
                            + id + "/status")).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "http://evil.example.com").POST(HttpRequest.BodyPublishers.ofString(
                            "status=passive")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(api.get("/v1/monitors/" + id).json().get("status").asText()).isEqualTo("active");
            assertThat(get(api.base + "/ui/schedules/describe?schedule=nope", null).body())
                    .contains("field-error").contains("is not a Quartz cron expression");
            assertThat(get(api.base + "/ui/monitors/name-check?name=CHECKOUT%20ratio", null).body())
                    .contains("already exists");
        }
    }

    /** The UI had a mapper of its own, which printed 1e23 as 9.999999999999999E22 where the API prints 1.0E23. */
    @Test
    void theEditFormPrintsAMonitorsNumbersAsTheApiDoes() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            TestServer.Response created = api.post("/v1/monitors", """
                    {"name": "Huge", "environment": "prod", "schedule": "0 */5 * ? * *", "query": {},
                     "conditions": [{"type": "metric", "aggregation": "count", "operator": "above",
                                     "threshold": 1e23}], "no_data": "met"}""");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.text()).contains("\"threshold\":1.0E23").contains("\"no_data\":\"met\"");
            long id = created.json().get("id").asLong();
            String form = get(api.base + "/ui/monitors/" + id + "/edit", null).body();
            assertThat(form).contains("&quot;threshold&quot; : 1.0E23")
                    .contains("<option value=\"met\" selected>").doesNotContain("<option value=\"error\" selected>");
            // Saving the form keeps the choice; a forged value is refused naming the field.
            Map<String, String> fields = new java.util.HashMap<>(Map.of("monitor_id", String.valueOf(id), "name", "Huge",
                    "environment", "prod", "status", "active", "schedule", "0 */5 * ? * *", "query", "{}",
                    "conditions", "[{\"type\": \"metric\", \"aggregation\": \"count\", \"operator\": \"above\", "
                            + "\"threshold\": 5}]", "actions", "[]", "no_data", "not_met"));
            assertThat(postForm(api.base + "/ui/monitors/" + id, fields, null).statusCode()).isLessThan(400);
            assertThat(api.get("/v1/monitors/" + id).json().get("no_data").asText()).isEqualTo("not_met");
            fields.put("no_data", "sometimes");
            assertThat(postForm(api.base + "/ui/monitors/" + id, fields, null).body())
                    .contains("id=\"no_data-error\" role=\"alert\">no_data must be one of error, met, not_met");
        }
    }

    @Test
    void aKeyedServerOpensTheUiWithASessionCookieButNotTheApi() throws Exception {
        try (TestServer keyed = TestServer.start(ServerConfig.local(dataDir).withApiKey("s3cret"))) {
            HttpResponse<String> page = get(keyed.base + "/ui/monitors", null);
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).hasValue("/ui/login?next=%2Fui%2Fmonitors");
            HttpResponse<String> withQuery = get(keyed.base + "/ui/runs?status=done&page=2", null);
            assertThat(withQuery.headers().firstValue("Location"))
                    .hasValue("/ui/login?next=%2Fui%2Fruns%3Fstatus%3Ddone%26page%3D2");
            HttpResponse<String> fragment = get(keyed.base + "/ui/monitors/table", null);
            assertThat(fragment.statusCode()).isEqualTo(401);
            assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/ui/login");
            assertThat(get(keyed.base + "/ui/streams/x/recent.json", null).body()).contains("\"error\"");

            assertThat(postForm(keyed.base + "/ui/login", Map.of("api_key", "s3cre"), null).statusCode())
                    .isEqualTo(401);
            HttpResponse<String> login = postForm(keyed.base + "/ui/login", Map.of("api_key", "s3cret",
                    "next", "//evil.example.com/"), null);
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Location")).hasValue("/");
            HttpResponse<String> back = postForm(keyed.base + "/ui/login", Map.of("api_key", "s3cret",
                    "next", "/ui/runs?status=done&page=2"), null);
            assertThat(back.headers().firstValue("Location")).hasValue("/ui/runs?status=done&page=2");
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            assertThat(get(keyed.base + "/ui/monitors", cookie).statusCode()).isEqualTo(200);
            assertThat(get(keyed.base + "/v1/monitors", cookie).statusCode()).isEqualTo(401);
            assertThat(get(keyed.base + "/ui/monitors", "vigil_session=forged").statusCode()).isEqualTo(303);
            postForm(keyed.base + "/ui/logout", Map.of(), cookie);
            assertThat(get(keyed.base + "/ui/monitors", cookie).statusCode()).isEqualTo(303);
        }
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String url, Map<String, String> form, String cookie)
            throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
