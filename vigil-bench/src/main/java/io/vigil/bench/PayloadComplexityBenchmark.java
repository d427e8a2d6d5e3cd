package io.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.core.stream.complexity.CanonicalJson;
import io.vigil.core.stream.complexity.ComplexityResult;
import io.vigil.core.stream.complexity.PayloadComplexity;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Payload complexity throughput, single thread: {@value #PAYLOADS} seeded API-like JSON payloads (about 200 bytes
 * each) cycled through a detector that has already seen them once, so the context tree is at its working size.
 *
 * <p>One operation is one payload; the {@code bytes} counter (an auxiliary counter, reported per second) is the
 * canonical JSON bytes processed, i.e. the MB/s figure. {@code observe} includes canonical serialisation of the
 * parsed tree; {@code observeCanonical} starts from the bytes. Run with {@code -prof gc} for bytes allocated per
 * operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PayloadComplexityBenchmark {
    static final int PAYLOADS = 4096;
    private static final long SEED = 2015_05_26L;
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
    private static final String[] PATHS = {"/api/orders", "/api/users", "/api/cart", "/api/search", "/health"};

    /** Context length in bytes. */
    @Param({"2"})
    public int depth;

    private PayloadComplexity detector;
    private JsonNode[] payloads;
    private byte[][] canonical;
    private int next;

    /** Bytes processed; JMH reports it per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        payloads = payloads(PAYLOADS, SEED);
        canonical = new byte[PAYLOADS][];
        CanonicalJson writer = new CanonicalJson();
        for (int i = 0; i < PAYLOADS; i++) {
            writer.write(payloads[i]);
            canonical[i] = writer.toByteArray();
        }
        detector = PayloadComplexity.builder().depth(depth).build();
        for (JsonNode p : payloads) {
            detector.observe(p);
        }
    }

    /** API-gateway-like request bodies: a few fixed keys, ids, amounts, short strings and a nested object. */
    static JsonNode[] payloads(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode[] out = new JsonNode[n];
        for (int i = 0; i < n; i++) {
            ObjectNode p = f.objectNode();
            p.put("method", METHODS[random.nextInt(METHODS.length)]);
            p.put("path", PATHS[random.nextInt(PATHS.length)] + "/" + random.nextInt(100_000));
            p.put("user_id", "u-" + Long.toHexString(random.nextLong() & 0xFFFFFFFFL));
            p.put("amount", random.nextInt(100_000) / 100.0);
            p.put("quantity", random.nextInt(20));
            p.put("currency", random.nextInt(10) < 8 ? "EUR" : "USD");
            p.put("ts", 1_700_000_000_000L + i * 997L);
            ObjectNode client = p.putObject("client");
            client.put("ip", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
            client.put("agent", random.nextBoolean() ? "Mozilla/5.0 (X11; Linux x86_64)" : "okhttp/4.12.0");
            p.putArray("tags").add("web").add(random.nextBoolean() ? "mobile" : "desktop");
            out[i] = p;
        }
        return out;
    }

    @Benchmark
    public ComplexityResult observe(Bytes counter) {
        JsonNode p = payloads[next];
        next = next + 1 == PAYLOADS ? 0 : next + 1;
        ComplexityResult r = detector.observe(p);
        counter.bytes += canonical[next == 0 ? PAYLOADS - 1 : next - 1].length;
        return r;
    }

    @Benchmark
    public ComplexityResult observeCanonical(Bytes counter) {
        byte[] p = canonical[next];
        next = next + 1 == PAYLOADS ? 0 : next + 1;
        counter.bytes += p.length;
        return detector.observeCanonical(p, p.length);
    }

    int payloadCount() {
        return payloads.length;
    }
}
