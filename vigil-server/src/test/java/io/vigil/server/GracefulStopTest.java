package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulStopTest {
    @TempDir
    Path dataDir;

    @Test
    void stopLetsTheRequestInFlightFinishAndLeavesNoTemporaryFiles() throws Exception {
        Random r = new Random(5);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            rows.append(i == 0 ? "" : ",").append('[').append(r.nextGaussian()).append(',')
                    .append(r.nextGaussian()).append(',').append(r.nextGaussian()).append(']');
        }
        String slowFit = "{\"model\": \"slow\", \"backend\": \"autoencoder\", \"epochs\": 60, \"patience\": 60, "
                + "\"data\": [" + rows + "]}";
        TestServer api = TestServer.start(dataDir);
        CompletableFuture<TestServer.Response> fit = CompletableFuture.supplyAsync(
                () -> api.post("/v1/anomaly/fit", slowFit));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (api.server.inFlight() == 0 && !fit.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        boolean wasInFlight = !fit.isDone();
        api.close();
        TestServer.Response response = fit.get(60, TimeUnit.SECONDS);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(wasInFlight).as("the fit was still running when stop began").isTrue();
        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }
}
