package io.vigil.monitor.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vigil.monitor.InvalidMonitorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorJsonTest {
    /** A valid request as a web framework would hand it over; tests break one field at a time. */
    static Map<String, Object> request() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Payments latency");
        m.put("description", "p95 of the payment API");
        m.put("environment", "prod");
        m.put("schedule", "0 */5 * ? * *");
        m.put("query", new LinkedHashMap<>(Map.of("apis", List.of("payments"),
                "status_ranges", List.of(Map.of("from", 200, "to", 599)),
                "attributes", List.of(Map.of("key", "tenant", "op", "equals", "value", "acme")))));
        m.put("filter", new LinkedHashMap<>(Map.of("time_range", "5m", "results", List.of("failed"))));
        List<Object> conditions = new ArrayList<>();
        conditions.add(new LinkedHashMap<>(Map.of("type", "metric", "aggregation", "p95", "field", "response_time_ms",
                "operator", "above", "threshold", 1000, "times", 3)));
        conditions.add(new LinkedHashMap<>(Map.of("type", "ema", "aggregation", "avg", "field", "response_time_ms",
                "band", "outside", "points", 20, "sensitivity", 1.5)));
        conditions.add(new LinkedHashMap<>(Map.of("type", "rate", "aggregation", "count", "direction", "increase",
                "comparison", "more_than", "percent", 50, "baseline", "avg", "previous", 5)));
        conditions.add(new LinkedHashMap<>(Map.of("type", "ratio", "operator", "between", "threshold", 10,
                "upper_threshold", 90)));
        m.put("conditions", conditions);
        m.put("actions", new ArrayList<>(List.of(
                new LinkedHashMap<>(Map.of("type", "webhook", "url", "https://hooks.example.com/x", "secret", "s3")),
                new LinkedHashMap<>(Map.of("type", "email", "to", List.of("ops@example.com"))))));
        return m;
    }

    static InvalidMonitorException rejection(Map<String, Object> request) {
        return catchThrowableOfType(InvalidMonitorException.class, () -> MonitorJson.parse(request));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> m, String key, int index) {
        return (Map<String, Object>) ((List<Object>) m.get(key)).get(index);
    }

    @Test
    void parsesAValidRequestAndRoundTripsIt() {
        MonitorSpec spec = MonitorJson.parse(request());
        assertThat(spec.status()).isEqualTo(MonitorStatus.ACTIVE);
        assertThat(spec.notifyRecovery()).isTrue();
        assertThat(spec.conditions()).hasSize(4);
        assertThat(spec.conditions().get(0)).isInstanceOf(MetricCondition.class);
        assertThat(((MetricCondition) spec.conditions().get(0)).times()).isEqualTo(3);
        assertThat(spec.filter().range()).contains(java.time.Duration.ofMinutes(5));
        Map<String, Object> written = MonitorJson.toMap(spec);
        assertThat(at(written, "conditions", 1)).containsEntry("type", "ema").containsEntry("band", "outside");
        assertThat(MonitorJson.parse(written)).isEqualTo(spec);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @Test
    void unknownFieldsAreRejectedByPath() {
        Map<String, Object> top = request();
        top.put("colour", "red");
        assertThat(rejection(top).field()).isEqualTo("colour");

        Map<String, Object> nested = request();
        at(nested, "conditions", 1).put("window", 3);
        InvalidMonitorException e = rejection(nested);
        assertThat(e.field()).isEqualTo("conditions[1].window");
        assertThat(e.getMessage()).contains("unknown field 'conditions[1].window'").contains("sensitivity");

        Map<String, Object> query = request();
        part(query, "query").put("hosts", List.of("x"));
        assertThat(rejection(query).field()).isEqualTo("query.hosts");
    }

    @Test
    void typeMistakesNameTheFieldAndQuoteTheValueInsteadOfJavaTypes() {
        Map<String, Object> apis = request();
        part(apis, "query").put("apis", "payments");
        assertRejected(apis, "query.apis", "query.apis must be a list, got the string \"payments\"");

        Map<String, Object> threshold = request();
        at(threshold, "conditions", 0).put("threshold", "abc");
        assertRejected(threshold, "conditions[0].threshold",
                "conditions[0].threshold must be a number, got the string \"abc\"");

        Map<String, Object> times = request();
        at(times, "conditions", 0).put("times", 2.5);
        assertRejected(times, "conditions[0].times", "conditions[0].times must be a whole number, got 2.5");

        Map<String, Object> status = request();
        status.put("status", "bogus");
        assertRejected(status, "status", "status must be one of active, passive, got the string \"bogus\"");

        Map<String, Object> noType = request();
        at(noType, "conditions", 2).remove("type");
        assertRejected(noType, "conditions[2].type", "conditions[2].type is required: one of metric, rate, ema, ratio");

        Map<String, Object> badType = request();
        at(badType, "actions", 0).put("type", "pager");
        assertRejected(badType, "actions[0].type", "actions[0].type 'pager' is not known: use one of webhook, http, email");

        Map<String, Object> recovery = request();
        recovery.put("notify_recovery", "yes");
        assertRejected(recovery, "notify_recovery", "notify_recovery must be true or false, got the string \"yes\"");

        Map<String, Object> query = request();
        query.put("query", "all");
        assertRejected(query, "query", "query must be an object, got the string \"all\"");

        Map<String, Object> noData = request();
        noData.put("no_data", "alert");
        assertRejected(noData, "no_data", "no_data must be one of error, met, not_met, got the string \"alert\"");
    }

    @Test
    void noDataIsAnErrorUnlessTheMonitorSaysOtherwise() {
        assertThat(MonitorJson.parse(request()).noData()).isEqualTo(NoDataState.ERROR);
        Map<String, Object> met = request();
        met.put("no_data", "met");
        MonitorSpec spec = MonitorJson.parse(met);
        assertThat(spec.noData()).isEqualTo(NoDataState.MET);
        assertThat(MonitorJson.toMap(spec)).containsEntry("no_data", "met");
        assertThat(spec.withStatus(MonitorStatus.PASSIVE).noData()).isEqualTo(NoDataState.MET);
    }

    @Test
    void numbersWhereTextBelongsAreRejectedNotQuoted() {
        Map<String, Object> name = request();
        name.put("name", 5);
        assertRejected(name, "name", "name must be a string, got 5");

        Map<String, Object> apis = request();
        part(apis, "query").put("apis", List.of("payments", 7));
        assertRejected(apis, "query.apis[1]", "query.apis[1] must be a string, got 7");
    }

    @Test
    void bodiesThatAreNotOneJsonObjectAreRejectedOnBody() {
        assertThat(bodyRejection("[1, 2]")).isEqualTo("body must be a JSON object, got a list");
        assertThat(bodyRejection("null")).isEqualTo("body must be a JSON object, got null");
        assertThat(bodyRejection("")).isEqualTo("body must be a JSON object, got nothing");
        assertThat(bodyRejection("{\"name\": ")).startsWith("body is not valid JSON: ").endsWith("(line 1, column 10)");
        assertThat(bodyRejection(MonitorJson.write(MonitorJson.parse(request())) + " x"))
                .startsWith("body is not valid JSON: Unrecognized token 'x'");
    }

    private static void assertRejected(Map<String, Object> request, String field, String message) {
        InvalidMonitorException e = rejection(request);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    private static String bodyRejection(String body) {
        InvalidMonitorException e = catchThrowableOfType(InvalidMonitorException.class,
                () -> MonitorJson.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(e.field()).isEqualTo("body");
        return e.getMessage();
    }

    @Test
    void cronWithoutQuestionMarkIsRejectedOnSchedule() {
        Map<String, Object> m = request();
        m.put("schedule", "0 */5 * * * *");
        InvalidMonitorException e = rejection(m);
        assertThat(e.field()).isEqualTo("schedule");
        assertThat(e.getMessage()).contains("0 */5 * * * *");
        m.put("schedule", "*/5 * * * *");
        assertThat(rejection(m).field()).isEqualTo("schedule");
    }

    @Test
    void descriptionOver500CharactersIsRejected() {
        Map<String, Object> m = request();
        m.put("description", "x".repeat(500));
        assertThat(MonitorJson.parse(m).description()).hasSize(500);
        m.put("description", "x".repeat(501));
        InvalidMonitorException e = rejection(m);
        assertThat(e.field()).isEqualTo("description");
        assertThat(e.getMessage()).contains("500").contains("501");
    }

    @Test
    void nonHttpActionUrlIsRejectedOnTheUrlField() {
        Map<String, Object> m = request();
        at(m, "actions", 0).put("url", "file:///etc/passwd");
        InvalidMonitorException e = rejection(m);
        assertThat(e.field()).isEqualTo("actions[0].url");
        assertThat(e.getMessage()).contains("http");
        at(m, "actions", 0).put("url", "ftp://example.com/");
        assertThat(rejection(m).field()).isEqualTo("actions[0].url");
    }

    @Test
    void ruleViolationsNameTheirField() {
        Map<String, Object> name = request();
        name.put("name", " leading space");
        assertThat(rejection(name).field()).isEqualTo("name");

        Map<String, Object> sensitivity = request();
        at(sensitivity, "conditions", 1).put("sensitivity", 2.5);
        assertThat(rejection(sensitivity).field()).isEqualTo("conditions[1].sensitivity");

        Map<String, Object> between = request();
        at(between, "conditions", 3).remove("upper_threshold");
        assertThat(rejection(between).field()).isEqualTo("conditions[3].upper_threshold");

        Map<String, Object> type = request();
        at(type, "conditions", 0).put("type", "magic");
        assertThat(rejection(type).field()).isEqualTo("conditions[0].type");

        Map<String, Object> enumValue = request();
        at(enumValue, "conditions", 0).put("operator", "greater");
        InvalidMonitorException e = rejection(enumValue);
        assertThat(e.field()).isEqualTo("conditions[0].operator");
        assertThat(e.getMessage()).contains("above_or_equal");

        Map<String, Object> key = request();
        part(key, "query").put("attributes", List.of(Map.of("key", "x' OR 1=1 --", "value", "v")));
        assertThat(rejection(key).field()).isEqualTo("query.attributes[0].key");

        Map<String, Object> none = request();
        none.put("conditions", List.of());
        assertThat(rejection(none).field()).isEqualTo("conditions");

        Map<String, Object> range = request();
        part(range, "filter").put("time_range", "last week");
        assertThat(rejection(range).field()).isEqualTo("filter.time_range");

        Map<String, Object> fractional = request();
        at(fractional, "conditions", 0).put("times", 2.5);
        assertThat(rejection(fractional).field()).isEqualTo("conditions[0].times");

        Map<String, Object> wrongType = request();
        at(wrongType, "conditions", 0).put("threshold", "high");
        assertThat(rejection(wrongType).field()).isEqualTo("conditions[0].threshold");
    }
}
