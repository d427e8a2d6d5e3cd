package io.vigil.server.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vigil.server.StreamService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code /ui/streams}: the stream detectors, and one stream's live chart of its latest scores. */
final class StreamPages {
    /** How often the stream page asks for new results. */
    static final int POLL_MILLIS = 2000;

    private final StreamService streams;
    private final UiSessions sessions;
    private final ObjectMapper json;

    StreamPages(StreamService streams, UiSessions sessions, ObjectMapper json) {
        this.streams = streams;
        this.sessions = sessions;
        this.json = json;
    }

    String list(Context ctx) {
        List<Map<String, Object>> all = streams.list();
        StringBuilder body = new StringBuilder();
        if (all.isEmpty()) {
            body.append("""
                    <p class="empty">No streams yet. Create one with <code>PUT /v1/stream/{name}</code>
                    (type <code>complexity</code>, <code>ema_bollinger</code>, <code>rcf</code>, <code>knn_cad</code>
                    or <code>cad_ose</code>) and feed it with <code>POST /v1/stream/{name}/observe</code>.</p>""");
        } else {
            body.append("""
                    <div class="table-wrap"><table id="streams"><thead><tr><th scope="col">Stream</th>
                    <th scope="col">Type</th><th scope="col">Observations</th></tr></thead><tbody>""");
            for (Map<String, Object> s : all) {
                String name = String.valueOf(s.get("name"));
                body.append("<tr><td><a href=\"/ui/streams/").append(Html.escape(Html.pathSegment(name))).append("\">")
                        .append(Html.escape(name)).append("</a></td><td>").append(Html.escape(s.get("type")))
                        .append("</td><td>").append(Html.escape(s.get("count"))).append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        return Layout.page("Streams", "/ui/streams", body.toString(), sessions.enabled());
    }

    String detail(Context ctx) {
        String name = ctx.pathParam("name");
        Map<String, Object> s = streams.get(name);
        StringBuilder body = new StringBuilder("<p><a href=\"/ui/streams\">← All streams</a></p>");
        body.append("<section class=\"card\"><dl class=\"facts\"><dt>Type</dt><dd>").append(Html.escape(s.get("type")))
                .append("</dd><dt>Observations</dt><dd id=\"stream-count\">").append(Html.escape(s.get("count")))
                .append("</dd></dl>");
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) s.get("settings");
        if (settings != null && !settings.isEmpty()) {
            body.append("<h2>Settings</h2><div class=\"table-wrap\"><table id=\"settings\"><thead><tr>")
                    .append("<th scope=\"col\">Setting</th><th scope=\"col\">Value</th></tr></thead><tbody>");
            new TreeMap<>(settings).forEach((k, v) -> body.append("<tr><td>").append(Html.escape(k))
                    .append("</td><td>").append(Html.escape(v)).append("</td></tr>"));
            body.append("</tbody></table></div>");
        }
        body.append("</section>");
        String label = "complexity".equals(s.get("type")) ? "complexity score" : "anomaly score";
        body.append("""
                <section class="card"><h2>Live %s</h2>
                <p>The latest %d results since the server started, refreshed every %d seconds; anomalies in red.</p>
                <figure class="chart"><div class="chart-box"><canvas id="stream-chart" data-stream-url="/ui/streams/%s/recent.json"
                 data-poll-ms="%d" role="img" aria-label="Live %s of stream %s"></canvas></div>
                <p class="chart-error" hidden></p></figure></section>
                """.formatted(Html.escape(label), StreamService.RECENT_RESULTS, POLL_MILLIS / 1000,
                Html.escape(Html.pathSegment(name)), POLL_MILLIS, Html.escape(label), Html.escape(name)));
        return Layout.page("Stream " + name, "/ui/streams", body.toString(), sessions.enabled());
    }

    /** The chart's data: counts, scores and anomaly flags of the latest results, oldest first. */
    String recent(Context ctx) throws Exception {
        String name = ctx.pathParam("name");
        List<Map<String, Object>> results = streams.recent(name);
        List<Object> counts = new ArrayList<>(results.size());
        List<Object> scores = new ArrayList<>(results.size());
        List<Object> anomalies = new ArrayList<>(results.size());
        for (Map<String, Object> r : results) {
            counts.add(r.get("count"));
            scores.add(r.get("score") instanceof Number n ? n : null);
            anomalies.add(r.get("is_anomaly"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", streams.get(name).get("count"));
        out.put("labels", counts);
        out.put("score", scores);
        out.put("anomaly", anomalies);
        return json.writeValueAsString(out);
    }
}
