package io.vigil.monitor.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.monitor.MutableClock;
import io.vigil.monitor.definition.Aggregation;
import io.vigil.monitor.definition.AttributeOperator;
import io.vigil.monitor.definition.AttributePredicate;
import io.vigil.monitor.definition.MetricField;
import io.vigil.monitor.definition.StatusRange;
import io.vigil.monitor.definition.TrafficFilter;
import io.vigil.monitor.definition.TrafficQuery;
import io.vigil.monitor.store.MonitorDatabase;
import io.vigil.monitor.traffic.TrafficRecord;
import io.vigil.monitor.traffic.TrafficResult;
import io.vigil.monitor.traffic.TrafficRetention;
import io.vigil.monitor.traffic.TrafficStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query and filter selection and the aggregates, on a small hand-made traffic table. */
class TrafficMeasurementsTest {
    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    static final TimeWindow WINDOW = new TimeWindow(T, T.plusSeconds(300));

    MonitorDatabase db;
    TrafficMeasurements measurements;

    @BeforeEach
    void load(@TempDir Path dir) {
        db = MonitorDatabase.open(dir);
        measurements = new TrafficMeasurements(db);
        List<TrafficRecord> rows = new ArrayList<>();
        // response times 10, 20, ..., 100 on payments; statuses 200 x6, 404, 500, 503, 502.
        int[] status = {200, 200, 200, 200, 200, 200, 404, 500, 503, 502};
        for (int i = 0; i < 10; i++) {
            Map<String, String> attrs = i < 5 ? Map.of("tenant", "acme", "plan", "gold")
                    : i < 8 ? Map.of("tenant", "o'brien; DROP TABLE traffic") : Map.of();
            rows.add(new TrafficRecord(T.plusSeconds(10 + i), "prod", "payments", i % 2 == 0 ? "GET" : "POST",
                    i < 7 ? "/v1/pay" : "/v1/refund/" + i, status[i],
                    status[i] >= 500 ? TrafficResult.FAILED : status[i] == 404 ? TrafficResult.BLOCKED : TrafficResult.SUCCESS,
                    10.0 * (i + 1), (long) i, 100L * i, null, null, attrs));
        }
        rows.add(new TrafficRecord(T.plusSeconds(400), "prod", "payments", "GET", "/v1/pay", 200, TrafficResult.SUCCESS,
                9999.0, 0L, 0L, null, null, null));
        rows.add(new TrafficRecord(T.plusSeconds(20), "staging", "payments", "GET", "/v1/pay", 200, TrafficResult.SUCCESS,
                9999.0, 0L, 0L, null, null, null));
        rows.add(new TrafficRecord(T.plusSeconds(20), "prod", "search", "GET", "/q", 200, TrafficResult.SUCCESS,
                9999.0, 0L, 0L, null, null, null));
        new TrafficStore(db, TrafficRetention.DEFAULT, new MutableClock(T)).ingest(rows);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static TrafficQuery payments() {
        return new TrafficQuery(List.of("payments"), null, null, null, null, null);
    }

    double agg(TrafficQuery q, Aggregation a, MetricField f) {
        return measurements.aggregate("prod", WINDOW, q, TrafficFilter.NONE, a, f);
    }

    @Test
    void aggregatesMatchHandComputedValues() {
        assertThat(agg(payments(), Aggregation.COUNT, null)).isEqualTo(10.0);
        assertThat(agg(payments(), Aggregation.AVG, MetricField.RESPONSE_TIME_MS)).isEqualTo(55.0);
        assertThat(agg(payments(), Aggregation.SUM, MetricField.RESPONSE_BYTES)).isEqualTo(4500.0);
        assertThat(agg(payments(), Aggregation.MIN, MetricField.RESPONSE_TIME_MS)).isEqualTo(10.0);
        assertThat(agg(payments(), Aggregation.MAX, MetricField.STATUS_CODE)).isEqualTo(503.0);
        // Linear interpolation (quantile_cont, numpy's default): position 0.95 * 9 = 8.55 -> 90 + 0.55 * 10.
        assertThat(agg(payments(), Aggregation.P95, MetricField.RESPONSE_TIME_MS)).isCloseTo(95.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(agg(payments(), Aggregation.P50, MetricField.RESPONSE_TIME_MS)).isEqualTo(55.0);
        assertThat(measurements.aggregate("prod", WINDOW, new TrafficQuery(List.of("nope"), null, null, null, null, null),
                TrafficFilter.NONE, Aggregation.AVG, MetricField.RESPONSE_TIME_MS)).isNull();
    }

    @Test
    void queryListsAndAttributePredicatesSelectTraffic() {
        assertThat(count(new TrafficQuery(null, List.of("post"), null, null, null, null))).isEqualTo(5);
        assertThat(count(new TrafficQuery(null, null, List.of("/v1/refund/*"), null, null, null))).isEqualTo(3);
        assertThat(count(new TrafficQuery(null, null, List.of("/v1/refund/"), null, null, null))).isZero();
        assertThat(count(new TrafficQuery(null, null, null, List.of(new StatusRange(500, 599), new StatusRange(404, 404)),
                null, null))).isEqualTo(4);
        assertThat(count(new TrafficQuery(null, null, null, null, List.of(TrafficResult.BLOCKED), null))).isEqualTo(1);
        assertThat(count(attr("tenant", AttributeOperator.EQUALS, "acme"))).isEqualTo(5);
        assertThat(count(attr("tenant", AttributeOperator.EQUALS, "o'brien; DROP TABLE traffic"))).isEqualTo(3);
        assertThat(count(attr("tenant", AttributeOperator.NOT_EQUALS, "acme"))).isEqualTo(6);
        assertThat(count(attr("tenant", AttributeOperator.CONTAINS, "DROP"))).isEqualTo(3);
        assertThat(count(attr("plan", AttributeOperator.EXISTS, null))).isEqualTo(5);
        assertThat(count(attr("tenant", AttributeOperator.MISSING, null))).isEqualTo(3);
        assertThat(count(TrafficQuery.ALL)).isEqualTo(11);
    }

    @Test
    void filterNarrowsTheQuery() {
        TrafficFilter failedOnly = new TrafficFilter(null, null, null, List.of(TrafficResult.FAILED));
        assertThat(measurements.count("prod", WINDOW, TrafficQuery.ALL, failedOnly)).isEqualTo(3);
        TrafficFilter notSearch = new TrafficFilter(null, null, List.of("search"), null);
        assertThat(measurements.count("prod", WINDOW, TrafficQuery.ALL, notSearch)).isEqualTo(10);
        TrafficFilter onlySearch = new TrafficFilter(null, List.of("search"), null, null);
        assertThat(measurements.count("prod", WINDOW, TrafficQuery.ALL, onlySearch)).isEqualTo(1);
    }

    long count(TrafficQuery q) {
        return measurements.count("prod", WINDOW, q, null);
    }

    static TrafficQuery attr(String key, AttributeOperator op, String value) {
        return new TrafficQuery(null, null, null, null, null, List.of(new AttributePredicate(key, op, value)));
    }
}
