package io.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Monitor runs as a table, one line per condition: the run's time, result and incident event on its first line,
 * then each condition's state, value and what the value was compared with.
 */
final class RunTable {
    private RunTable() {
    }

    static TextTable of(JsonNode runs) {
        TextTable t = new TextTable("FIRED AT", "RESULT", "EVENT", "#", "CONDITION", "STATE", "VALUE", "LOWER",
                "UPPER", "BASELINE", "NOTE");
        for (JsonNode run : runs) {
            String firedAt = run.path("fired_at").asText();
            String result = words(run.path("result").asText());
            String event = MonitorCommand.text(run, "event");
            JsonNode conditions = run.path("conditions");
            if (conditions.isEmpty()) {
                t.row(firedAt, result, event, null, null, null, null, null, null, null, MonitorCommand.text(run, "error"));
            }
            boolean first = true;
            for (JsonNode c : conditions) {
                t.row(first ? firedAt : "", first ? result : "", first ? event : "", c.path("index").asInt(),
                        c.path("type").asText() + " " + c.path("measure").asText(), words(c.path("state").asText()),
                        number(c.path("value")), number(c.path("lower")), number(c.path("upper")),
                        number(c.path("baseline")), MonitorCommand.text(c, "message"));
                first = false;
            }
        }
        return t;
    }

    /** NOT_MET as NOT MET, the way people write it. */
    private static String words(String state) {
        return state.replace('_', ' ').toUpperCase(java.util.Locale.ROOT);
    }

    static String number(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        return BigDecimal.valueOf(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
