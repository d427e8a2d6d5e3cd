package io.vigil.server.ui;

import io.javalin.http.Context;
import io.vigil.core.score.AnomalyModel;
import io.vigil.core.score.Provenance;
import io.vigil.server.AnomalyService;
import io.vigil.server.ModelStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code /ui/models}: the {@code /v1/anomaly} models, in memory or saved, and one model's details. */
final class ModelPages {
    /** One model as the list shows it: size and modified time come from its latest save, when it has one. */
    record ModelRow(String name, String backend, boolean inMemory, Long sizeBytes, Instant modified, int versions) {
    }

    private final AnomalyService anomaly;
    private final UiSessions sessions;

    ModelPages(AnomalyService anomaly, UiSessions sessions) {
        this.anomaly = anomaly;
        this.sessions = sessions;
    }

    /** Models served from memory and models saved on disk, one row per name. */
    static List<ModelRow> rows(AnomalyService anomaly) throws IOException {
        Map<String, ModelRow> rows = new TreeMap<>();
        List<ModelStore.SavedFile> files = anomaly.store().list();
        // Counted in one pass first: counting per model inside the loop below made the page quadratic in the files.
        Map<String, Integer> versions = new HashMap<>();
        for (ModelStore.SavedFile f : files) {
            if (f.version() != null) {
                versions.merge(f.model(), 1, Integer::sum);
            }
        }
        for (ModelStore.SavedFile f : files) {
            if (f.version() == null) {
                rows.put(f.model(), new ModelRow(f.model(), f.backend(), false, f.sizeBytes(),
                        Instant.ofEpochMilli(Math.round(f.modifiedEpochSeconds() * 1000)),
                        versions.getOrDefault(f.model(), 0)));
            }
        }
        for (String name : anomaly.loadedNames()) {
            ModelRow saved = rows.get(name);
            Provenance p = anomaly.model(name, null).provenance();
            rows.put(name, saved == null ? new ModelRow(name, p.detector(), true, null, p.fittedAt(), 0)
                    : new ModelRow(name, p.detector(), true, saved.sizeBytes(), saved.modified(), saved.versions()));
        }
        return new ArrayList<>(rows.values());
    }

    String list(Context ctx) throws Exception {
        List<ModelRow> rows = rows(anomaly);
        StringBuilder body = new StringBuilder();
        if (rows.isEmpty()) {
            body.append("""
                    <p class="empty">No models yet. Fit one with <code>POST /v1/anomaly/fit</code>; save it with
                    <code>POST /v1/anomaly/save</code> to keep it across restarts.</p>""");
        } else {
            body.append("""
                    <div class="table-wrap"><table id="models">
                    <thead><tr><th scope="col">Model</th><th scope="col">Backend</th><th scope="col">Where</th>
                    <th scope="col">Size</th><th scope="col">Modified</th><th scope="col">Saved versions</th></tr></thead>
                    <tbody>""");
            for (ModelRow r : rows) {
                body.append("<tr><td><a href=\"/ui/models/").append(Html.escape(Html.pathSegment(r.name())))
                        .append("\">").append(Html.escape(r.name())).append("</a></td><td>")
                        .append(Html.escape(r.backend())).append("</td><td>")
                        .append(r.inMemory() ? (r.sizeBytes() == null ? "in memory, not saved" : "in memory and saved")
                                : "saved")
                        .append("</td><td>").append(r.sizeBytes() == null ? "—" : Html.bytes(r.sizeBytes()))
                        .append("</td><td>").append(Html.time(r.modified())).append("</td><td>")
                        .append(r.versions()).append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        return Layout.page("Models", "/ui/models", body.toString(), sessions.enabled());
    }

    String detail(Context ctx) throws Exception {
        String name = ctx.pathParam("name");
        ModelStore.checkModelName(name, "model");
        AnomalyModel m = anomaly.model(name, null);
        Provenance p = m.provenance();
        StringBuilder body = new StringBuilder("<p><a href=\"/ui/models\">← All models</a></p>");
        body.append("<section class=\"card\"><h2>Summary</h2><dl class=\"facts\">");
        fact(body, "Backend", Html.escape(p.detector()));
        fact(body, "Threshold", Html.number(m.threshold()) + " (" + Html.escape(m.thresholdRule().jsonName()) + ")");
        fact(body, "Contamination", Double.isNaN(m.contamination()) ? "auto" : Html.number(m.contamination()));
        fact(body, "Calibrated", m.calibration() != null ? "yes (conformal p-values)" : "no");
        fact(body, "Explainable", m.baseline() != null ? "yes" : "no");
        body.append("</dl></section>");

        body.append("<section class=\"card\"><h2>Parameters</h2>");
        table(body, "parameters", "Parameter", "Value", new TreeMap<>(p.parameters()));
        body.append("</section><section class=\"card\"><h2>Schema</h2>");
        table(body, "schema", "Field", "Encoding", m.encoder().schema().toJson());
        body.append("<p>Features after encoding (").append(m.encoder().featureNames().size()).append("): ")
                .append(Html.escape(String.join(", ", m.encoder().featureNames()))).append("</p>");
        body.append("</section><section class=\"card\"><h2>Provenance</h2><dl class=\"facts\">");
        fact(body, "Rows fitted", Integer.toString(p.rows()));
        fact(body, "Features", Integer.toString(p.features()));
        fact(body, "Seed", Long.toString(p.seed()));
        fact(body, "Vigil version", Html.escape(p.vigilVersion()));
        fact(body, "Fitted at", Html.time(p.fittedAt()));
        List<Integer> versions = anomaly.store().list().stream()
                .filter(f -> f.model().equals(name) && f.version() != null).map(ModelStore.SavedFile::version)
                .sorted().toList();
        fact(body, "Saved versions", versions.isEmpty() ? "not saved" : Html.escape(versions.toString()));
        body.append("</dl></section>");
        return Layout.page("Model " + name, "/ui/models", body.toString(), sessions.enabled());
    }

    private static void fact(StringBuilder out, String label, String valueHtml) {
        out.append("<dt>").append(Html.escape(label)).append("</dt><dd>").append(valueHtml).append("</dd>");
    }

    private static void table(StringBuilder out, String id, String keyHeader, String valueHeader, Map<String, ?> rows) {
        if (rows.isEmpty()) {
            out.append("<p class=\"empty\">None.</p>");
            return;
        }
        out.append("<div class=\"table-wrap\"><table id=\"").append(Html.escape(id)).append("\"><thead><tr>")
                .append("<th scope=\"col\">").append(Html.escape(keyHeader)).append("</th><th scope=\"col\">")
                .append(Html.escape(valueHeader)).append("</th></tr></thead><tbody>");
        rows.forEach((k, v) -> out.append("<tr><td>").append(Html.escape(k)).append("</td><td>")
                .append(Html.escape(v)).append("</td></tr>"));
        out.append("</tbody></table></div>");
    }
}
