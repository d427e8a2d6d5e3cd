package io.vigil.monitor.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.Pseudonymiser;
import io.vigil.core.loggroup.Pseudonymiser.Identifier;
import io.vigil.core.loggroup.StateMapping;
import io.vigil.monitor.store.MonitorDatabase;
import io.vigil.monitor.traffic.RejectedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    static LogEntry entry(int second, String product, String key, int state) {
        return LogEntry.of(0, T0.plusSeconds(second), product, key, "machine-" + key, "10.0.0." + second % 200,
                "SE", state, "Activate", "/api/key/Activate", Map.of("app", "v" + second % 3),
                StateMapping.standard());
    }

    private static Pseudonymiser secret(Path dir) throws IOException {
        return Pseudonymiser.open(dir.resolve("secrets"));
    }

    @Test
    void assignsIncreasingIdsRejectsBadEntriesAloneAndKeepsWhatWasAcknowledged() throws Exception {
        List<LogEntry> batch = new ArrayList<>();
        batch.add(entry(0, "p1", "KEY-A", 200));
        batch.add(entry(1, "p1", "x".repeat(LogStore.MAX_TEXT + 1), 200));
        batch.add(entry(2, "p1", "KEY-B", 401));
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            LogStore store = new LogStore(db, secret(dir), true);
            LogStore.Batch first = store.ingest(batch);
            assertThat(first.result().stored()).isEqualTo(2);
            assertThat(first.result().firstId()).isEqualTo(1);
            assertThat(first.result().lastId()).isEqualTo(2);
            assertThat(first.result().rejected()).extracting(RejectedRecord::index, RejectedRecord::field)
                    .containsExactly(tuple(1, "key"));
            // Models see pseudonyms only.
            assertThat(first.entries()).extracting(LogEntry::key).doesNotContain("KEY-A", "KEY-B")
                    .allMatch(k -> k.length() == 22);
            assertThat(first.entries().get(1).successful()).isFalse();
        }
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            LogStore store = new LogStore(db, secret(dir), true);
            assertThat(store.count()).isEqualTo(2);
            LogStore.Batch second = store.ingest(List.of(entry(3, "p2", "KEY-C", 200)));
            assertThat(second.result().firstId()).isEqualTo(3);
            List<LoggedEntry> all = store.page(new LogQuery(10, null, null, false, null, null, false)).entries();
            assertThat(all).extracting(e -> e.entry().id()).containsExactly(1L, 2L, 3L);
            LogEntry a = all.get(0).entry();
            assertThat(a.key()).isEqualTo("KEY-A");
            assertThat(a.product()).isEqualTo("p1");
            assertThat(a.attributes()).containsEntry("app", "v0");
            assertThat(a.time()).isEqualTo(T0);
            assertThat(all.get(0).anomalyGroupId()).isNull();
        }
    }

    @Test
    void pagesInBothOrdersWithBoundsAndFilters() throws Exception {
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            LogStore store = new LogStore(db, secret(dir), true);
            List<LogEntry> batch = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                batch.add(entry(i, i % 2 == 0 ? "p1" : "p2", i % 3 == 0 ? "KEY-A" : "KEY-B", 200));
            }
            store.ingest(batch);
            assertThat(ids(store.page(new LogQuery(5, 10L, null, false, null, null, false)).entries()))
                    .containsExactly(11L, 12L, 13L, 14L, 15L);
            assertThat(ids(store.page(new LogQuery(3, null, 10L, true, null, null, false)).entries()))
                    .containsExactly(9L, 8L, 7L);
            assertThat(ids(store.page(new LogQuery(25, 20L, 26L, true, null, null, false)).entries()))
                    .containsExactly(25L, 24L, 23L, 22L, 21L);
            // Entry ids are i + 1: key A at i % 3 == 0, product p1 at even i.
            assertThat(ids(store.page(new LogQuery(4, null, null, false, "KEY-A", null, false)).entries()))
                    .containsExactly(1L, 4L, 7L, 10L);
            assertThat(ids(store.page(new LogQuery(3, null, null, true, "KEY-A", "p1", false)).entries()))
                    .containsExactly(25L, 19L, 13L);
            assertThat(store.page(new LogQuery(10, null, null, false, "KEY-Z", null, false)).entries()).isEmpty();
            assertThat(store.page(new LogQuery(10, null, null, false, null, null, true)).entries()).isEmpty();
            assertThat(store.page(new LogQuery(5, 10L, null, false, null, null, false)).hasMore()).isTrue();
            assertThat(store.page(new LogQuery(5, 25L, null, false, null, null, false)).hasMore()).isFalse();
            assertThat(store.page(new LogQuery(25, 20L, 26L, true, null, null, false)).hasMore()).isFalse();
        }
    }

    @Test
    void pseudonymOnlyModeNeverWritesRawIdentifiersYetFiltersByThem() throws Exception {
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            Pseudonymiser secret = secret(dir);
            LogStore store = new LogStore(db, secret, false);
            store.ingest(List.of(entry(0, "p1", "KEY-A", 200), entry(1, "p1", "KEY-B", 200)));
            List<LoggedEntry> page = store.page(new LogQuery(10, null, null, false, "KEY-B", "p1", false)).entries();
            assertThat(page).hasSize(1);
            LogEntry e = page.get(0).entry();
            assertThat(e.key()).isEqualTo(secret.pseudonym(Identifier.KEY, "KEY-B"));
            assertThat(e.product()).isEqualTo(secret.pseudonym(Identifier.PRODUCT, "p1"));
            assertThat(e.ip()).isEqualTo(secret.pseudonym(Identifier.IP, "10.0.0.1"));
            assertThat(e.country()).isEqualTo("SE");
            db.withConnection(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM log_entries WHERE product IS NOT NULL OR key IS NOT NULL "
                                + "OR machine_code IS NOT NULL OR ip IS NOT NULL")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
                return null;
            });
        }
        // The database file holds no raw key at all.
        byte[] file = Files.readAllBytes(dir.resolve(MonitorDatabase.FILE_NAME));
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("KEY-A", "KEY-B");
        Path secretFile = dir.resolve("secrets").resolve(Pseudonymiser.SECRET_FILE);
        assertThat(Files.getPosixFilePermissions(secretFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void queriesRejectOutOfRangeParametersNamingThem() {
        assertThatThrownBy(() -> new LogQuery(0, null, null, false, null, null, false))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("limit must be between 1 and 1000");
        assertThatThrownBy(() -> new LogQuery(1001, null, null, false, null, null, false))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new LogQuery(10, -1L, null, false, null, null, false))
                .hasMessageContaining("starting_after");
        assertThatThrownBy(() -> new LogQuery(10, null, 0L, false, null, null, false))
                .hasMessageContaining("ending_before");
    }

    @Test
    void parsesJsonNdjsonAndCsvReportingEachBadRecord() {
        String ndjson = """
                {"time":"2026-03-02T09:00:00Z","state":200,"key":"K1","product":"p1","attributes":{"v":2}}
                {"time":"yesterday","state":200}
                {"time":1772442000000,"state":"ok"}
                not json
                {"time":"2026-03-02T09:00:01Z","state":409,"colour":"red"}
                {"time":"2026-03-02T09:00:02Z","state":200,"successful":true}
                {"time":"2026-03-02T09:00:03Z","state":410,"key":7}
                """;
        ParsedLogs parsed = LogJson.parse(ndjson.getBytes(StandardCharsets.UTF_8), StateMapping.standard());
        assertThat(parsed.positions()).containsExactly(0, 6);
        assertThat(parsed.entries().get(0).attributes()).containsEntry("v", "2");
        assertThat(parsed.entries().get(1).successful()).isFalse();
        assertThat(parsed.entries().get(1).key()).isEqualTo("7");
        assertThat(parsed.errors()).extracting(RejectedRecord::index, RejectedRecord::field).containsExactly(
                tuple(1, "time"), tuple(2, "state"), tuple(3, "body"), tuple(4, "colour"), tuple(5, "successful"));
        assertThat(LogJson.parse("[{\"time\":\"2026-03-02T09:00:00Z\",\"state\":200},{\"state\":1}]"
                .getBytes(StandardCharsets.UTF_8), StateMapping.standard()).errors())
                .extracting(RejectedRecord::index, RejectedRecord::field).containsExactly(tuple(1, "time"));

        // Arrays stream: a bad nested value rejects its entry only; a broken array keeps the entries before it.
        ParsedLogs array = LogJson.parse(("[{\"time\":\"2026-03-02T09:00:00Z\",\"state\":200,\"attributes\":"
                + "{\"a\":{\"x\":[1,2]}},\"key\":\"K\"},{\"time\":\"2026-03-02T09:00:01Z\",\"state\":201},7,"
                + "{\"time\":\"2026-03-02T09:00:02Z\",\"state\":202,\"key\":{\"deep\":[{}]}}]")
                .getBytes(StandardCharsets.UTF_8), StateMapping.standard());
        assertThat(array.positions()).containsExactly(1);
        assertThat(array.errors()).extracting(RejectedRecord::index, RejectedRecord::field)
                .containsExactly(tuple(0, "attributes.a"), tuple(2, "entry"), tuple(3, "key"));
        ParsedLogs broken = LogJson.parse("[{\"time\":\"2026-03-02T09:00:00Z\",\"state\":200},{\"time\":"
                .getBytes(StandardCharsets.UTF_8), StateMapping.standard());
        assertThat(broken.positions()).containsExactly(0);
        assertThat(broken.errors()).extracting(RejectedRecord::index, RejectedRecord::field)
                .containsExactly(tuple(1, "body"));
        ParsedLogs lines = LogJson.parse(("{\"time\":\"2026-03-02T09:00:00Z\",\"state\":200}\n"
                + "{\"time\":\"2026-03-02T09:00:00Z\",\"colour\":1,\"state\":\n"
                + "{\"time\":\"2026-03-02T09:00:00Z\",\"state\":200} {}\n"
                + "{\"time\":\"2026-03-02T09:00:00.5Z\",\"state\":503}\n").getBytes(StandardCharsets.UTF_8),
                StateMapping.standard());
        assertThat(lines.positions()).containsExactly(0, 3);
        assertThat(lines.entries().get(1).time()).isEqualTo(Instant.parse("2026-03-02T09:00:00.5Z"));
        assertThat(lines.errors()).extracting(RejectedRecord::index, RejectedRecord::field)
                .containsExactly(tuple(1, "body"), tuple(2, "body"));

        String csv = "time,state,key,product,attributes.app\n"
                + "2026-03-02T09:00:00Z,200,K1,p1,\"v1, beta\"\n"
                + "2026-03-02T09:00:01Z,oops,K2,p1,\n"
                + "2026-03-02T09:00:02Z,401,,p1,x\n";
        ParsedLogs rows = LogCsv.parse(csv.getBytes(StandardCharsets.UTF_8), StateMapping.standard());
        assertThat(rows.positions()).containsExactly(0, 2);
        assertThat(rows.entries().get(0).attributes()).containsEntry("app", "v1, beta");
        assertThat(rows.entries().get(1).key()).isNull();
        assertThat(rows.errors()).extracting(RejectedRecord::index, RejectedRecord::field)
                .containsExactly(tuple(1, "state"));
        assertThatThrownBy(() -> LogCsv.parse("time,state,colour\n".getBytes(StandardCharsets.UTF_8),
                StateMapping.standard())).hasMessageContaining("colour");
        assertThatThrownBy(() -> LogCsv.parse("time,key\n".getBytes(StandardCharsets.UTF_8),
                StateMapping.standard())).hasMessageContaining("state column");
        assertThat(Set.copyOf(LogJson.FIELDS)).doesNotContain("id", "successful");
    }

    private static List<Long> ids(List<LoggedEntry> page) {
        return page.stream().map(e -> e.entry().id()).toList();
    }
}
