package io.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Runs the benchmark bodies once, so a broken benchmark fails the build rather than a JMH run. */
class PayloadComplexityBenchmarkTest {
    @Test
    void bothBodiesScorePayloadsAndCountTheirBytes() {
        PayloadComplexityBenchmark bench = new PayloadComplexityBenchmark();
        bench.depth = 2;
        bench.setUp();
        PayloadComplexityBenchmark.Bytes counter = new PayloadComplexityBenchmark.Bytes();
        var a = bench.observe(counter);
        var b = bench.observeCanonical(counter);
        assertThat(a.count()).isEqualTo(PayloadComplexityBenchmark.PAYLOADS + 1);
        assertThat(b.count()).isEqualTo(PayloadComplexityBenchmark.PAYLOADS + 2);
        assertThat(counter.bytes).isBetween(200L, 800L);
        assertThat(a.complexity()).isFinite().isLessThan(3.0);
    }

    @Test
    void payloadsAreSeededAndAboutTwoHundredBytes() {
        JsonNode[] one = PayloadComplexityBenchmark.payloads(50, 1);
        JsonNode[] two = PayloadComplexityBenchmark.payloads(50, 1);
        assertThat(one).containsExactly(two);
        assertThat(one[0].toString().length()).isBetween(150, 350);
    }
}
