package io.vigil.monitor.action;

import io.vigil.monitor.Monitor;
import io.vigil.monitor.evaluate.ConditionResult;
import io.vigil.monitor.run.MonitorRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The webhook body and the placeholder values of HTTP-call and email templates for one run. */
final class NotificationPayload {
    private NotificationPayload() {
    }

    static Map<String, Object> body(Monitor monitor, MonitorRun run, NotificationEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", monitor.id());
        m.put("name", monitor.name());
        m.put("description", monitor.spec().description());
        m.put("environment", monitor.spec().environment());
        m.put("schedule", monitor.spec().schedule());
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (ConditionResult c : run.conditions()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("index", c.index());
            cm.put("type", c.type());
            cm.put("measure", c.measure());
            cm.put("state", c.state().name());
            cm.put("value", c.value());
            cm.put("lower", c.lower());
            cm.put("upper", c.upper());
            cm.put("baseline", c.baseline());
            cm.put("message", c.message());
            conditions.add(cm);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", run.id());
        r.put("fired_at", run.firedAt().toString());
        r.put("window_from", run.windowFrom().toString());
        r.put("window_to", run.windowTo().toString());
        r.put("result", run.result().name());
        r.put("error", run.error());
        r.put("conditions", conditions);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.wireName());
        body.put("monitor", m);
        body.put("run", r);
        return body;
    }

    static Map<String, String> placeholders(Monitor monitor, MonitorRun run, NotificationEvent event, String json) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("event", event.wireName());
        v.put("monitor.id", Long.toString(monitor.id()));
        v.put("monitor.name", monitor.name());
        v.put("monitor.description", monitor.spec().description() == null ? "" : monitor.spec().description());
        v.put("monitor.environment", monitor.spec().environment());
        v.put("run.id", Long.toString(run.id()));
        v.put("run.result", run.result().name());
        v.put("run.fired_at", run.firedAt().toString());
        v.put("run.window_from", run.windowFrom().toString());
        v.put("run.window_to", run.windowTo().toString());
        v.put("run.error", run.error() == null ? "" : run.error());
        StringBuilder summary = new StringBuilder();
        for (ConditionResult c : run.conditions()) {
            summary.append("condition ").append(c.index()).append(" (").append(c.type()).append(" ").append(c.measure()).append("): ")
                    .append(c.state()).append(", value ").append(c.value());
            if (c.lower() != null || c.upper() != null) {
                summary.append(", bounds [").append(c.lower()).append(", ").append(c.upper()).append(']');
            }
            if (c.message() != null) {
                summary.append(", ").append(c.message());
            }
            summary.append('\n');
        }
        v.put("conditions", summary.toString());
        v.put("payload", json);
        return v;
    }
}
