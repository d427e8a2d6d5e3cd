package io.vigil.monitor.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.monitor.store.MonitorDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged ingest survives SIGKILL of the process that wrote it (DuckDB's WAL is synced on commit). */
class KillDurabilityTest {
    @Test
    void acknowledgedRecordsSurviveKillMinusNine(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IngestThenHang.class.getName(), dir.toString(), "5").redirectErrorStream(true).start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("DONE")) {
                if (line.startsWith("ACK ")) {
                    acknowledged += Long.parseLong(line.substring(4));
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).isEqualTo(5000);
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            assertThat(new TrafficStore(db, TrafficRetention.DEFAULT, Clock.systemUTC()).count()).isEqualTo(acknowledged);
        }
    }
}
