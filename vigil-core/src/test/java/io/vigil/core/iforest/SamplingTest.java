package io.vigil.core.iforest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.random.Mt19937;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void drawsWhatScikitLearnDrawsInEachOfItsThreeMethods() throws IOException {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/sklearn/iforest_fixture.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        Iterator<Map.Entry<String, JsonNode>> cases = fixture.get("sample_without_replacement").fields();
        int checked = 0;
        while (cases.hasNext()) {
            Map.Entry<String, JsonNode> c = cases.next();
            String[] nks = c.getKey().split(",");
            int[] s = Sampling.withoutReplacement(Integer.parseInt(nks[0]), Integer.parseInt(nks[1]),
                    new Mt19937(Long.parseLong(nks[2])));
            int[] expected = new int[c.getValue().size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = c.getValue().get(i).asInt();
            }
            assertThat(s).as(c.getKey()).containsExactly(expected);
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void moreIndicesThanThePopulationAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sampling.withoutReplacement(3, 4, new Mt19937(1)))
                .hasMessageContaining("cannot draw 4 distinct indices from 3");
    }

    @Test
    void drawsDistinctIndicesInRange() {
        SplittableRandom r = new SplittableRandom(1);
        Mt19937 m = new Mt19937(9);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(40_000);
            int k = 1 + r.nextInt(Math.min(n, 300));
            int[] s = Sampling.withoutReplacement(n, k, m);
            assertThat(s).hasSize(k);
            assertThat(Arrays.stream(s).distinct().count()).isEqualTo(k);
            assertThat(Arrays.stream(s).allMatch(i -> i >= 0 && i < n)).isTrue();
        }
    }

    @Test
    void isRoughlyUniform() {
        Mt19937 m = new Mt19937(2);
        int[] counts = new int[1000];
        for (int trial = 0; trial < 2000; trial++) {
            for (int i : Sampling.withoutReplacement(1000, 30, m)) {
                counts[i]++;
            }
        }
        // Each index is drawn with probability 30/1000: 60 expected, sd about 7.6.
        for (int c : counts) {
            assertThat(c).isBetween(25, 100);
        }
    }
}
