package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many scorers on one model while fits keep replacing it: every answer comes whole from the old or the new model. */
class ConcurrentScoringTest {
    @TempDir
    Path dataDir;

    static String fit(long dataSeed) {
        Random r = new Random(dataSeed);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            rows.append(i == 0 ? "" : ",").append('[');
            for (int j = 0; j < 4; j++) {
                rows.append(j == 0 ? "" : ",").append(r.nextGaussian() * (1 + dataSeed));
            }
            rows.append(']');
        }
        return "{\"model\": \"shared\", \"backend\": \"isolation_forest\", \"n_estimators\": 50, \"data\": ["
                + rows + "]}";
    }

    @Test
    void eightClientsTimesFiftyRequestsWhileTheModelIsReplaced() throws Exception {
        Random r = new Random(9);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            rows.append(i == 0 ? "" : ",").append('[').append(r.nextGaussian() * 3).append(',')
                    .append(r.nextGaussian()).append(',').append(r.nextGaussian()).append(',')
                    .append(r.nextGaussian()).append(']');
        }
        String score = "{\"model\": \"shared\", \"data\": [" + rows + "]}";
        try (TestServer api = TestServer.start(dataDir)) {
            assertThat(api.post("/v1/anomaly/fit", fit(1)).status()).isEqualTo(200);
            JsonNode fromB = api.post("/v1/anomaly/score", score).json();
            assertThat(api.post("/v1/anomaly/fit", fit(0)).status()).isEqualTo(200);
            JsonNode fromA = api.post("/v1/anomaly/score", score).json();
            assertThat(fromA).isNotEqualTo(fromB);

            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger refits = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(9);
            try {
                Future<?> refitter = pool.submit(() -> {
                    while (!done.get() && refits.get() < 40) {
                        int n = refits.incrementAndGet();
                        TestServer.Response f = api.post("/v1/anomaly/fit", fit(n % 2));
                        assertThat(f.status()).as(f.toString()).isEqualTo(200);
                    }
                });
                List<Future<int[]>> clients = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    clients.add(pool.submit(() -> {
                        int[] seen = new int[2];
                        for (int i = 0; i < 50; i++) {
                            TestServer.Response s = api.post("/v1/anomaly/score", score);
                            assertThat(s.status()).as(s.toString()).isEqualTo(200);
                            if (s.json().equals(fromA)) {
                                seen[0]++;
                            } else {
                                assertThat(s.json()).as("a mix of two models").isEqualTo(fromB);
                                seen[1]++;
                            }
                        }
                        return seen;
                    }));
                }
                int total = 0;
                for (Future<int[]> c : clients) {
                    int[] seen = c.get(120, TimeUnit.SECONDS);
                    total += seen[0] + seen[1];
                }
                done.set(true);
                refitter.get(120, TimeUnit.SECONDS);
                assertThat(total).isEqualTo(400);
                assertThat(refits.get()).isGreaterThan(1);
            } finally {
                done.set(true);
                pool.shutdownNow();
            }
            assertThat(api.get("/metrics").text()).contains("vigil_rows_scored_total 8040.0");
        }
    }
}
