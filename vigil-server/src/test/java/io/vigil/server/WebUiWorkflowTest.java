package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.workflow.RunInfo;
import io.vigil.workflow.RunState;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset, detector, run, compare and log-anomaly pages over plain HTTP: escaping and form errors in words. */
class WebUiWorkflowTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    /** 400 rows; every 20th has a huge amount at night, labelled 1; a note column carries markup. */
    static String labelledCsv() {
        StringBuilder sb = new StringBuilder("id,amount,hour,note,ref,label\n");
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 400; i++) {
            boolean odd = i % 20 == 3;
            sb.append(i).append(',').append(odd ? 4000 + 300 * r.nextGaussian() : 40 + 8 * r.nextGaussian())
                    .append(',').append(odd ? r.nextInt(4) : 9 + r.nextInt(9)).append(',')
                    .append(i == 0 ? "<img src=x onerror=alert(1)>" : i % 7 == 0 ? "" : "ok").append(',')
                    .append("ref-").append(i * 37).append(',').append(odd ? 1 : 0).append('\n');
        }
        return sb.toString();
    }

    @Test
    void uploadDetectorRunAndResultsPagesEscapeAndExplain() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            HttpResponse<String> noName = upload(api.base, "", "tx.csv", labelledCsv());
            assertThat(noName.statusCode()).isEqualTo(400);
            assertThat(noName.body()).contains("id=\"name-error\" role=\"alert\">").contains("was not uploaded");
            HttpResponse<String> badName = upload(api.base, "<b>x</b>", "tx.csv", labelledCsv());
            assertThat(badName.statusCode()).isEqualTo(400);
            assertThat(badName.body()).contains("value=\"&lt;b&gt;x&lt;/b&gt;\"").doesNotContain("<b>x</b>");
            HttpResponse<String> garbage = upload(api.base, "bad", "bad.parquet", "not parquet at all");
            assertThat(garbage.statusCode()).isEqualTo(400);
            assertThat(garbage.body()).contains("id=\"file-error\" role=\"alert\">cannot read");

            HttpResponse<String> ok = upload(api.base, "tx", "tx.csv", labelledCsv());
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
            assertThat(ok.headers().firstValue("Location")).hasValue("/ui/datasets/tx");
            HttpResponse<String> taken = upload(api.base, "tx", "tx.csv", labelledCsv());
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(taken.body()).contains("id=\"name-error\" role=\"alert\">");
            String dataset = get(api.base + "/ui/datasets/tx").body();
            assertThat(dataset).contains("id=\"column-stats\"").contains("<code>label</code>")
                    .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
            // The note column is empty on every 7th row but the first: 57 missing values, marked.
            assertThat(dataset).containsPattern("<code>note</code></th><td>[^<]*<span class=\"sub\">text</span>"
                    + "</td><td class=\"value warn-text\">57</td>");
            assertThat(get(api.base + "/ui/datasets").body()).contains("href=\"/ui/datasets/tx\"");

            HttpResponse<String> badContamination = postForm(api.base + "/ui/detectors", Map.of("name", "forest",
                    "algorithm", "isolation_forest", "contamination", "2", "parameters", "", "description", ""));
            assertThat(badContamination.statusCode()).isEqualTo(400);
            assertThat(badContamination.body()).contains("id=\"contamination-error\" role=\"alert\">contamination "
                    + "must be");
            HttpResponse<String> badLine = postForm(api.base + "/ui/detectors", Map.of("name", "forest",
                    "algorithm", "isolation_forest", "contamination", "0.05", "parameters", "trees 200"));
            assertThat(badLine.body()).contains("id=\"parameters-error\" role=\"alert\">parameters line 1");
            HttpResponse<String> badParam = postForm(api.base + "/ui/detectors", Map.of("name", "forest",
                    "algorithm", "isolation_forest", "contamination", "0.05", "parameters", "trees=-3"));
            assertThat(badParam.statusCode()).isEqualTo(400);
            assertThat(badParam.body()).contains("id=\"parameters-error\" role=\"alert\">").contains("trees")
                    .contains(">trees=-3</textarea>");
            HttpResponse<String> badAlgorithm = postForm(api.base + "/ui/detectors", Map.of("name", "forest",
                    "algorithm", "<svg>", "contamination", "0.05"));
            assertThat(badAlgorithm.body()).contains("id=\"algorithm-error\" role=\"alert\">")
                    .doesNotContain("<svg>");
            HttpResponse<String> created = postForm(api.base + "/ui/detectors", Map.of("name", "forest",
                    "algorithm", "isolation_forest", "contamination", "0.05", "parameters", "trees=100\n",
                    "exclude", "id, note", "description", "<script>alert('d')</script>"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            assertThat(api.server.workflow().detectors().get("forest").parameters()).containsEntry("trees", 100);
            assertThat(get(api.base + "/ui/detectors/forest").body())
                    .contains("&lt;script&gt;alert(&#39;d&#39;)&lt;/script&gt;").doesNotContain("<script>alert");

            HttpResponse<String> noDataset = postForm(api.base + "/ui/runs", Map.of("detector", "forest",
                    "dataset", ""));
            assertThat(noDataset.statusCode()).isEqualTo(400);
            assertThat(noDataset.body()).contains("id=\"dataset-error\" role=\"alert\">dataset is required");
            HttpResponse<String> started = postForm(api.base + "/ui/runs", Map.of("detector", "forest",
                    "dataset", "tx"));
            assertThat(started.statusCode()).isEqualTo(303);
            String runId = started.headers().firstValue("Location").orElseThrow().substring("/ui/runs/".length());
            RunInfo run = api.server.workflow().runs().await(runId, Duration.ofSeconds(60));
            assertThat(run.state()).as(String.valueOf(run.message())).isEqualTo(RunState.SUCCEEDED);
            String page = get(api.base + "/ui/runs/" + runId).body();
            // A text column with a value of its own in every row is left out, and the summary says so.
            assertThat(page).contains("<dd id=\"run-ignored\">ref <span");
            assertThat(page).contains("id=\"run-metrics\"").contains("id=\"confusion\"").contains("id=\"roc-chart\"")
                    .contains("id=\"flagged-rows\"").contains("class=\"top-features\"")
                    .doesNotContain("hx-trigger=\"every");
            assertThat(get(api.base + "/ui/runs/" + runId + "/progress").headers().firstValue("HX-Refresh"))
                    .hasValue("true");
            // With every run finished the runs table stops polling.
            String table = get(api.base + "/ui/runs-table").body();
            assertThat(table).contains("id=\"runs-card\"").contains(runId).doesNotContain("hx-trigger");
            String next = get(api.base + "/ui/runs/" + runId + "/flagged?offset=10").body();
            assertThat(next).contains("Rows 11–");
            assertThat(get(api.base + "/ui/runs/" + runId + "/flagged?offset=-1").body())
                    .contains("error-box").contains("offset must be");
            JsonNode charts = TestServer.JSON.readTree(get(api.base + "/ui/runs/" + runId
                    + "/charts.json?x=amount&y=hour").body());
            assertThat(charts.get("scatter").get("points").size()).isGreaterThan(0);
            HttpResponse<String> textAxis = get(api.base + "/ui/runs/" + runId + "/charts.json?x=note&y=hour");
            assertThat(textAxis.statusCode()).isEqualTo(400);
            assertThat(TestServer.JSON.readTree(textAxis.body()).get("error").get("message").asText())
                    .contains("text column 'note'");
            HttpResponse<String> anomalies = get(api.base + "/ui/runs/" + runId + "/results.csv?anomalies_only=true");
            assertThat(anomalies.body().lines().count()).isEqualTo(run.summary().anomalies() + 1);
            assertThat(get(api.base + "/ui/runs/run-nosuch").statusCode()).isEqualTo(404);
            assertThat(get(api.base + "/ui/runs/..%2Fx").body()).contains("error-box");

            assertThat(get(api.base + "/").body()).contains("<span class=\"count\" id=\"count-datasets\">1</span>")
                    .contains("<span class=\"count\" id=\"count-runs\">1</span>").contains("0 running");
            HttpResponse<String> crossSite = send(HttpRequest.newBuilder(URI.create(api.base
                    + "/ui/datasets/tx/delete")).header("Sec-Fetch-Site", "cross-site")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(crossSite.statusCode()).isEqualTo(403);
            assertThat(api.server.workflow().datasets().exists("tx")).isTrue();
            HttpResponse<String> deleted = postForm(api.base + "/ui/datasets/tx/delete", Map.of());
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(api.server.workflow().datasets().exists("tx")).isFalse();
            assertThat(get(api.base + "/ui/datasets/tx").statusCode()).isEqualTo(404);
            // The run keeps its scores; its page still renders, without the dataset's columns.
            assertThat(get(api.base + "/ui/runs/" + runId).statusCode()).isEqualTo(200);
            assertThat(postForm(api.base + "/ui/detectors/forest/delete", Map.of()).statusCode()).isEqualTo(303);
            assertThat(get(api.base + "/ui/detectors").body()).contains("No detectors yet");
        }
    }

    @Test
    void compareMarksTheBestAndExplainsWhatIsMissing() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            assertThat(get(api.base + "/ui/compare").body()).contains("needs a dataset with a label column");
            upload(api.base, "tx", "tx.csv", labelledCsv());
            upload(api.base, "plain", "plain.csv", "a,b\n1,2\n3,4\n5,6\n");
            postForm(api.base + "/ui/detectors", Map.of("name", "forest", "algorithm", "isolation_forest",
                    "contamination", "0.05", "exclude", "id,note"));
            postForm(api.base + "/ui/detectors", Map.of("name", "tails", "algorithm", "ecod",
                    "contamination", "0.05", "exclude", "id,note"));
            HttpResponse<String> none = postForm(api.base + "/ui/compare", Map.of("dataset", "tx"));
            assertThat(none.statusCode()).isEqualTo(400);
            assertThat(none.body()).contains("id=\"detectors-error\" role=\"alert\">detectors must name");
            HttpResponse<String> unlabelled = postForm(api.base + "/ui/compare", Map.of("dataset", "plain",
                    "detectors", "forest"));
            assertThat(unlabelled.body()).contains("has no label column");
            HttpResponse<String> table = send(HttpRequest.newBuilder(URI.create(api.base + "/ui/compare"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                    .POST(HttpRequest.BodyPublishers.ofString("dataset=tx&detectors=forest&detectors=tails")));
            assertThat(table.statusCode()).isEqualTo(200);
            assertThat(table.body()).startsWith("<p>Dataset").contains("data-detector=\"forest\"")
                    .contains("data-detector=\"tails\"").contains("★");
            assertThat(get(api.base + "/ui/log-anomalies").body()).contains("No suspected groups")
                    .contains("no model fitted yet: it fits once 10000 entries covering at least 2 days are stored")
                    .contains("not every entry");
            assertThat(get(api.base + "/ui/log-anomalies/abc/entries").body()).contains("error-box")
                    .contains("group id must be");
            assertThat(get(api.base + "/ui/log-anomalies/5/entries").statusCode()).isEqualTo(404);
            for (String path : List.of("/ui/datasets", "/ui/detectors", "/ui/runs", "/ui/compare",
                    "/ui/log-anomalies", "/ui/detectors/new")) {
                assertThat(get(api.base + path).statusCode()).as(path).isEqualTo(200);
            }
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> upload(String base, String name, String filename, String content)
            throws Exception {
        String boundary = "vigil-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\n\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create(base + "/ui/datasets"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
