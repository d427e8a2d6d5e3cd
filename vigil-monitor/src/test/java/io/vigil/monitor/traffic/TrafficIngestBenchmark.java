package io.vigil.monitor.traffic;

import io.vigil.monitor.store.MonitorDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Ingest throughput, run by hand (not a unit test): records/s through {@link TrafficStore#ingest} in batches of
 * 5,000, each batch one committed transaction. Records are built before timing so only validation, appending and
 * commit are measured.
 *
 * <pre>
 * mvn -o -q -pl vigil-monitor test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp vigil-monitor/target/test-classes:vigil-monitor/target/classes:$(cat /tmp/cp.txt) \
 *     io.vigil.monitor.traffic.TrafficIngestBenchmark [records] [batch]
 * </pre>
 */
public final class TrafficIngestBenchmark {
    private TrafficIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path dir = Files.createTempDirectory("vigil-ingest-bench");
        List<List<TrafficRecord>> batches = generate(total, batchSize);
        try (MonitorDatabase db = MonitorDatabase.open(dir)) {
            TrafficStore store = new TrafficStore(db, TrafficRetention.DEFAULT, Clock.systemUTC());
            store.ingest(batches.get(0)); // warm-up: class loading and JIT of the append path
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            long stored = 0;
            for (int b = 1; b < batches.size(); b++) {
                stored += store.ingest(batches.get(b)).stored();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            // On a shared machine wall time includes waiting for a core; process CPU time shows the cost itself.
            System.out.printf("ingested %,d records in batches of %,d in %.2f s wall: %,.0f records/s; process CPU %.2f s:"
                            + " %,.0f records per CPU-second (%,d in store)%n",
                    stored, batchSize, seconds, stored / seconds, cpuSeconds, stored / cpuSeconds, store.count());
        }
    }

    private static List<List<TrafficRecord>> generate(int total, int batchSize) {
        SplittableRandom rnd = new SplittableRandom(42);
        String[] apis = {"payments", "orders", "search", "users", "inventory"};
        String[] methods = {"GET", "POST", "PUT", "DELETE"};
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        List<List<TrafficRecord>> batches = new ArrayList<>();
        List<TrafficRecord> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < total + batchSize; i++) {
            int status = rnd.nextInt(100) < 95 ? 200 : 500 + rnd.nextInt(4);
            batch.add(new TrafficRecord(t0.plusMillis(i * 3L), "prod", apis[rnd.nextInt(apis.length)],
                    methods[rnd.nextInt(methods.length)], "/v1/items/" + rnd.nextInt(1000), status,
                    status < 400 ? TrafficResult.SUCCESS : TrafficResult.FAILED, 5 + rnd.nextDouble() * 400,
                    (long) rnd.nextInt(5000), (long) rnd.nextInt(50000), "10.0." + rnd.nextInt(256) + "." + rnd.nextInt(256),
                    "Mozilla/5.0 (bench)", Map.of("tenant", "t" + rnd.nextInt(50), "plan", rnd.nextBoolean() ? "gold" : "free")));
            if (batch.size() == batchSize) {
                batches.add(batch);
                batch = new ArrayList<>(batchSize);
            }
        }
        return batches;
    }
}
