package io.vigil.monitor.traffic;

import io.vigil.monitor.store.MonitorDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Child process for {@link KillDurabilityTest}: ingests, acknowledges on stdout, then waits to be killed. */
public final class IngestThenHang {
    private IngestThenHang() {
    }

    public static void main(String[] args) throws Exception {
        MonitorDatabase db = MonitorDatabase.open(Path.of(args[0]));
        TrafficStore store = new TrafficStore(db, TrafficRetention.DEFAULT, Clock.systemUTC());
        int batches = Integer.parseInt(args[1]);
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        for (int b = 0; b < batches; b++) {
            List<TrafficRecord> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                batch.add(new TrafficRecord(t.plusMillis(b * 1000L + i), "prod", "api", "GET", "/x", 200,
                        TrafficResult.SUCCESS, 1.0 * i, 1L, 1L, null, null, null));
            }
            IngestResult r = store.ingest(batch);
            System.out.println("ACK " + r.stored());
            System.out.flush();
        }
        System.out.println("DONE");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
