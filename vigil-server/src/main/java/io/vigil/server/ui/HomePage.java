package io.vigil.server.ui;

import io.javalin.http.Context;
import io.vigil.monitor.MonitorSearch;
import io.vigil.monitor.MonitorSystem;
import io.vigil.monitor.definition.MonitorStatus;
import io.vigil.server.AnomalyService;
import io.vigil.server.StreamService;
import io.vigil.workflow.RunInfo;
import io.vigil.workflow.Workflow;
import java.util.List;

/** {@code /}: what the server holds, with links to each page. */
final class HomePage {
    private final AnomalyService anomaly;
    private final StreamService streams;
    private final MonitorSystem monitors;
    private final Workflow workflow;
    private final UiSessions sessions;

    HomePage(AnomalyService anomaly, StreamService streams, MonitorSystem monitors, Workflow workflow,
             UiSessions sessions) {
        this.anomaly = anomaly;
        this.streams = streams;
        this.monitors = monitors;
        this.workflow = workflow;
        this.sessions = sessions;
    }

    String render(Context ctx) throws Exception {
        int models = ModelPages.rows(anomaly).size();
        long monitorCount = monitors.monitors().search(MonitorSearch.ALL).total();
        long active = monitors.monitors().search(new MonitorSearch(null, MonitorStatus.ACTIVE, null, 0, 1)).total();
        long met = monitors.runs().activeMetCount();
        int streamCount = streams.list().size();
        int datasets = workflow.datasets().list().size();
        List<RunInfo> runs = workflow.runs().list();
        long running = runs.stream().filter(run -> !run.state().finished()).count();
        String body = """
                <p class="lead">Anomaly detection for the JVM: datasets and detector runs, fitted models, scheduled
                traffic monitors and live stream detectors. Everything here is also available over the REST API (<a href="/openapi.json">OpenAPI
                document</a>).</p>
                <div class="tiles">
                <a class="tile" href="/ui/datasets"><span class="count" id="count-datasets">%d</span>
                <span class="what">datasets</span><span class="hint">CSV or Parquet, or a sample</span></a>
                <a class="tile" href="/ui/runs"><span class="count" id="count-runs">%d</span>
                <span class="what">runs</span><span class="hint">%d running</span></a>
                <a class="tile" href="/ui/models"><span class="count" id="count-models">%d</span>
                <span class="what">models</span><span class="hint">fitted with POST /v1/anomaly/fit</span></a>
                <a class="tile" href="/ui/monitors"><span class="count" id="count-monitors">%d</span>
                <span class="what">monitors</span><span class="hint">%d active, <span id="monitors-met">%d MET</span>
                at their latest run</span></a>
                <a class="tile" href="/ui/streams"><span class="count" id="count-streams">%d</span>
                <span class="what">streams</span><span class="hint">live stream detectors</span></a>
                </div>
                <p><a class="button primary" href="/ui/datasets">Upload a dataset</a>
                <a class="button" href="/ui/monitors/new">New monitor</a></p>
                """.formatted(datasets, runs.size(), running, models, monitorCount, active, met, streamCount);
        return Layout.page("Overview", "/", body, sessions.enabled());
    }
}
