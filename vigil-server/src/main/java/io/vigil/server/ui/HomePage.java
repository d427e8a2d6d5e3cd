package io.vigil.server.ui;

import io.javalin.http.Context;
import io.vigil.monitor.MonitorSearch;
import io.vigil.monitor.MonitorSystem;
import io.vigil.monitor.definition.MonitorStatus;
import io.vigil.server.AnomalyService;
import io.vigil.server.StreamService;

/** {@code /}: what the server holds, with links to each page. */
final class HomePage {
    private final AnomalyService anomaly;
    private final StreamService streams;
    private final MonitorSystem monitors;
    private final UiSessions sessions;

    HomePage(AnomalyService anomaly, StreamService streams, MonitorSystem monitors, UiSessions sessions) {
        this.anomaly = anomaly;
        this.streams = streams;
        this.monitors = monitors;
        this.sessions = sessions;
    }

    String render(Context ctx) throws Exception {
        int models = ModelPages.rows(anomaly).size();
        long monitorCount = monitors.monitors().search(MonitorSearch.ALL).total();
        long active = monitors.monitors().search(new MonitorSearch(null, MonitorStatus.ACTIVE, null, 0, 1)).total();
        int streamCount = streams.list().size();
        String body = """
                <p class="lead">Anomaly detection for the JVM: fitted models, scheduled traffic monitors and live
                stream detectors. Everything here is also available over the REST API (<a href="/openapi.json">OpenAPI
                document</a>).</p>
                <div class="tiles">
                <a class="tile" href="/ui/models"><span class="count" id="count-models">%d</span>
                <span class="what">models</span><span class="hint">fitted with POST /v1/anomaly/fit</span></a>
                <a class="tile" href="/ui/monitors"><span class="count" id="count-monitors">%d</span>
                <span class="what">monitors</span><span class="hint">%d active</span></a>
                <a class="tile" href="/ui/streams"><span class="count" id="count-streams">%d</span>
                <span class="what">streams</span><span class="hint">live stream detectors</span></a>
                </div>
                <p><a class="button primary" href="/ui/monitors/new">New monitor</a></p>
                """.formatted(models, monitorCount, active, streamCount);
        return Layout.page("Overview", "/", body, sessions.enabled());
    }
}
