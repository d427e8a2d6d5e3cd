package io.vigil.monitor.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.monitor.MutableClock;
import io.vigil.monitor.store.MonitorDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficStoreTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    static TrafficRecord record(Instant ts, String api, int status, TrafficResult result, double ms) {
        return new TrafficRecord(ts, "prod", api, "get", "/v1/items", status, result, ms, 10L, 200L, "10.0.0.1",
                "curl/8", Map.of("tenant", "acme", "note", "say \"hi\" \\ \n bye"));
    }

    @Test
    void storesValidRecordsDurablyAndRejectsEachBadOneNamingTheField(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(T0);
        List<TrafficRecord> batch = new ArrayList<>();
        batch.add(record(T0, "orders", 200, TrafficResult.SUCCESS, 12.5));
        batch.add(new TrafficRecord(null, "prod", "orders", "GET", "/x", 200, TrafficResult.SUCCESS, 1.0, null, null, null, null, null));
        batch.add(record(T0, "orders", 700, TrafficResult.SUCCESS, 1.0));
        batch.add(record(T0, " ", 200, TrafficResult.SUCCESS, 1.0));
        batch.add(record(T0, "orders", 500, TrafficResult.FAILED, -3));
        batch.add(record(T0.plusSeconds(1), "payments", 503, TrafficResult.FAILED, 900));
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            IngestResult r = new TrafficStore(db, TrafficRetention.DEFAULT, clock).ingest(batch);
            assertThat(r.stored()).isEqualTo(2);
            assertThat(r.rejected()).extracting(RejectedRecord::index, RejectedRecord::field)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "timestamp"),
                            org.assertj.core.groups.Tuple.tuple(2, "status_code"),
                            org.assertj.core.groups.Tuple.tuple(3, "api"),
                            org.assertj.core.groups.Tuple.tuple(4, "response_time_ms"));
            assertThat(r.rejected().get(1).message()).contains("between 100 and 599");
        }
        // A fresh open sees everything acknowledged, with values intact (method upper-cased, attributes kept).
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            TrafficStore store = new TrafficStore(db, TrafficRetention.DEFAULT, clock);
            assertThat(store.count()).isEqualTo(2);
            assertThat(store.environments()).containsExactly("prod");
            db.withConnection(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT method, api, response_time_ms, json_extract_string(attributes, '$.tenant'), json_extract_string(attributes, '$.note') FROM traffic ORDER BY ts")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("GET");
                    assertThat(rs.getString(2)).isEqualTo("orders");
                    assertThat(rs.getDouble(3)).isEqualTo(12.5);
                    assertThat(rs.getString(4)).isEqualTo("acme");
                    assertThat(rs.getString(5)).isEqualTo("say \"hi\" \\ \n bye");
                }
                return null;
            });
        }
    }

    @Test
    void purgeDeletesTrafficOlderThanTheRetention(@TempDir Path dir) {
        MutableClock clock = new MutableClock(T0);
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            TrafficStore store = new TrafficStore(db, new TrafficRetention(7), clock);
            store.ingest(List.of(record(T0.minusSeconds(8 * 86400), "a", 200, TrafficResult.SUCCESS, 1),
                    record(T0.minusSeconds(6 * 86400), "a", 200, TrafficResult.SUCCESS, 1),
                    record(T0, "a", 200, TrafficResult.SUCCESS, 1)));
            assertThat(store.purgeExpired()).isEqualTo(1);
            assertThat(store.count()).isEqualTo(2);
        }
    }

    @Test
    void summaryCountsEachApiOfEachEnvironmentInTheRange(@TempDir Path dir) {
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            TrafficStore store = new TrafficStore(db, TrafficRetention.DEFAULT, new MutableClock(T0));
            List<TrafficRecord> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(record(T0.plusSeconds(i), "orders", i < 2 ? 503 : 200,
                        i < 2 ? TrafficResult.FAILED : TrafficResult.SUCCESS, 10 + i));
            }
            batch.add(record(T0.plusSeconds(5), "search", 200, TrafficResult.BLOCKED, 7));
            batch.add(record(T0.minusSeconds(3600), "search", 200, TrafficResult.SUCCESS, 7));
            store.ingest(batch);

            TrafficSummary all = store.summary(null, T0, T0.plusSeconds(60));
            assertThat(all.requests()).isEqualTo(21);
            assertThat(all.truncated()).isFalse();
            assertThat(all.apis()).extracting(TrafficSummary.ApiTraffic::api, TrafficSummary.ApiTraffic::requests,
                    TrafficSummary.ApiTraffic::failed, TrafficSummary.ApiTraffic::serverErrors)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("orders", 20L, 2L, 2L),
                            org.assertj.core.groups.Tuple.tuple("search", 1L, 1L, 0L));
            TrafficSummary.ApiTraffic orders = all.apis().get(0);
            assertThat(orders.avgResponseTimeMs()).isEqualTo(19.5);
            assertThat(orders.p95ResponseTimeMs()).isCloseTo(28.05, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(orders.firstAt()).isEqualTo(T0);
            assertThat(orders.lastAt()).isEqualTo(T0.plusSeconds(19));

            assertThat(store.summary("staging", T0, T0.plusSeconds(60)).apis()).isEmpty();
            assertThat(store.summary("staging", T0, T0.plusSeconds(60)).requests()).isZero();
            assertThat(store.summary("prod' OR '1'='1", T0, T0.plusSeconds(60)).requests()).isZero();
        }
    }

    @Test
    void summaryStopsAtItsGroupLimitButCountsEveryRecord(@TempDir Path dir) {
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            TrafficStore store = new TrafficStore(db, TrafficRetention.DEFAULT, new MutableClock(T0));
            List<TrafficRecord> batch = new ArrayList<>();
            for (int i = 0; i <= TrafficSummary.MAX_GROUPS; i++) {
                batch.add(record(T0, String.format("api-%04d", i), 200, TrafficResult.SUCCESS, 1));
                batch.add(record(T0, String.format("api-%04d", i), 200, TrafficResult.SUCCESS, 2));
            }
            store.ingest(batch);
            TrafficSummary s = store.summary(null, T0, T0.plusSeconds(1));
            assertThat(s.truncated()).isTrue();
            assertThat(s.apis()).hasSize(TrafficSummary.MAX_GROUPS);
            assertThat(s.apis().get(TrafficSummary.MAX_GROUPS - 1).api()).isEqualTo("api-0999");
            assertThat(s.requests()).isEqualTo(2L * (TrafficSummary.MAX_GROUPS + 1));
        }
    }

    @Test
    void parsesArraysNdjsonAndWrappedBodiesReportingBadRecords() {
        String ndjson = """
                {"timestamp":"2026-03-01T12:00:00Z","environment":"prod","api":"a","method":"GET","endpoint":"/x","status_code":200,"result":"success","response_time_ms":5,"attributes":{"tenant":"acme","tier":2}}
                {"timestamp":1772366400000,"environment":"prod","api":"a","method":"GET","endpoint":"/x","status_code":500,"result":"failed","response_time_ms":7.5,"colour":"red"}
                {not json
                {"timestamp":"yesterday","environment":"prod"}
                {"timestamp":"2026-03-01T12:00:01Z","environment":"prod","api":"a","method":"GET","endpoint":"/x","status_code":"200","result":"success","response_time_ms":5}
                {"timestamp":"2026-03-01T12:00:02Z","environment":"prod","api":"b","method":"POST","endpoint":"/y","status_code":201,"result":"blocked","response_time_ms":1}
                """;
        ParsedTraffic p = TrafficJson.parse(ndjson.getBytes(StandardCharsets.UTF_8));
        assertThat(p.records()).hasSize(2);
        assertThat(p.positions()).containsExactly(0, 5);
        assertThat(p.records().get(0).attributes()).containsEntry("tier", "2");
        assertThat(p.records().get(1).result()).isEqualTo(TrafficResult.BLOCKED);
        assertThat(p.errors()).extracting(RejectedRecord::index, RejectedRecord::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "colour"), org.assertj.core.groups.Tuple.tuple(2, "body"),
                org.assertj.core.groups.Tuple.tuple(3, "timestamp"), org.assertj.core.groups.Tuple.tuple(4, "status_code"));

        String array = "[{\"timestamp\":\"2026-03-01T12:00:00Z\",\"environment\":\"prod\",\"api\":\"a\",\"method\":\"GET\","
                + "\"endpoint\":\"/x\",\"status_code\":200,\"result\":\"success\",\"response_time_ms\":5}, 42]";
        ParsedTraffic a = TrafficJson.parse(array.getBytes(StandardCharsets.UTF_8));
        assertThat(a.records()).hasSize(1);
        assertThat(a.errors()).extracting(RejectedRecord::index).containsExactly(1);
        ParsedTraffic w = TrafficJson.parse(("{\"records\":" + array + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(w.records()).hasSize(1);
    }

    @Test
    void mergesStoreRejectionsBackOntoBodyPositions(@TempDir Path dir) {
        String body = """
                {"timestamp":"2026-03-01T12:00:00Z","environment":"prod","api":"a","method":"GET","endpoint":"/x","status_code":200,"result":"success","response_time_ms":5}
                {"oops":1}
                {"timestamp":"2026-03-01T12:00:00Z","environment":"prod","api":"a","method":"GET","endpoint":"/x","status_code":200,"response_time_ms":5}
                """;
        ParsedTraffic p = TrafficJson.parse(body.getBytes(StandardCharsets.UTF_8));
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            IngestResult r = p.withStoreResult(new TrafficStore(db, TrafficRetention.DEFAULT, new MutableClock(T0)).ingest(p.records()));
            assertThat(r.stored()).isEqualTo(1);
            assertThat(r.rejected()).extracting(RejectedRecord::index, RejectedRecord::field).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, "oops"), org.assertj.core.groups.Tuple.tuple(2, "result"));
        }
    }

    @Test
    void concurrentIngestsOnMoreThreadsThanConnectionsAllCommit(@TempDir Path dir) throws Exception {
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            TrafficStore store = new TrafficStore(db, TrafficRetention.DEFAULT, new MutableClock(T0));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            List<java.util.concurrent.Future<IngestResult>> results = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<TrafficRecord> batch = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        batch.add(record(T0.plusMillis(thread * 1000L + i), "api" + thread, 200, TrafficResult.SUCCESS, i));
                    }
                    return store.ingest(batch);
                }));
            }
            for (var f : results) {
                assertThat(f.get().stored()).isEqualTo(500);
            }
            pool.shutdown();
            assertThat(store.count()).isEqualTo(12 * 500);
            List<Long> perApi = db.withConnection(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(DISTINCT api), min(cnt), max(cnt) FROM "
                             + "(SELECT api, count(*) AS cnt FROM traffic GROUP BY api)")) {
                    rs.next();
                    return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            });
            assertThat(perApi).containsExactly(12L, 500L, 500L);
        }
    }
}
