package io.vigil.core.stream.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.detect.InvalidParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadComplexityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /**
     * Depth 1, payloads 1, 1, 2, 12 (canonical bytes '1' = 49, '2' = 50), worked by hand.
     *
     * <pre>
     * P1 "1": context 0, no child yet -> root, freq 32 -> 6 bits; bits = 14 - 6 = 8; no stats -> z 0.
     *   update root and new node A = (0) with s = 49:
     *   cdf[49] = 1568 + ((49 - 1568) >> 5) = 1568 - 48 = 1520; cdf[50] = 1600 + ((7986 - 1600) >> 5) = 1799;
     *   cdf[51] = 1632 + ((7987 - 1632) >> 5) = 1830.   stats: n 1, mean 8, M2 0.
     * P2 "1": context 0 -> A, freq 1799 - 1520 = 279 -> 9 bits; bits 5; sd 0 -> z 0.
     *   update s = 49: cdf[49] = 1520 + (-1471 >> 5) = 1474; cdf[50] = 1799 + (6187 >> 5) = 1992;
     *   cdf[51] = 1830 + (6157 >> 5) = 2022.   stats: n 2, mean 6.5, M2 = (5 - 8)(5 - 6.5) = 4.5, sd 1.5.
     * P3 "2": context 0 -> A, freq 2022 - 1992 = 30 -> 5 bits; bits 9; z = |9 - 6.5| / 1.5 = 1.6667.
     *   update s = 50: cdf[49] = 1474 + (-1425 >> 5) = 1429; cdf[50] = 1992 + (-1942 >> 5) = 1931;
     *   cdf[51] = 2022 + (5965 >> 5) = 2208.   stats: n 3, mean 7.3333, M2 = 4.5 + 2.5 * 1.6667 = 8.6667.
     * P4 "12": '1' under context 0 -> A, freq 1931 - 1429 = 502 -> 9 bits; '2' under context '1': no node ->
     *   root, freq 2208 - 1931 = 277 -> 9 bits; bits = 14 - 18 / 2 = 5;
     *   z = |5 - 7.3333| / sqrt(8.6667 / 3) = 2.3333 / 1.69967 = 1.37281; the update creates node ('1').
     * </pre>
     */
    @Test
    void goldenSequenceWorkedByHand() throws Exception {
        PayloadComplexity d = PayloadComplexity.builder().depth(1).build();
        ComplexityResult r1 = d.observe(json("1"));
        assertThat(r1.bits()).isEqualTo(8.0);
        assertThat(r1.complexity()).isEqualTo(0.0);
        assertThat(r1.count()).isEqualTo(1);
        ComplexityResult r2 = d.observe(json("1"));
        assertThat(r2.bits()).isEqualTo(5.0);
        assertThat(r2.complexity()).isEqualTo(0.0);
        ComplexityResult r3 = d.observe(json("2"));
        assertThat(r3.bits()).isEqualTo(9.0);
        assertThat(r3.complexity()).isCloseTo(2.5 / 1.5, within(1e-5));
        assertThat(d.nodeCount()).isEqualTo(2);
        ComplexityResult r4 = d.observe(json("12"));
        assertThat(r4.bits()).isEqualTo(5.0);
        assertThat(r4.complexity()).isCloseTo(1.37281, within(1e-4));
        assertThat(r4.count()).isEqualTo(4);
        assertThat(d.nodeCount()).isEqualTo(3);
    }

    @Test
    void tablesFollowTheHandComputedUpdate() throws Exception {
        ContextModel m = new ContextModel(1, 16);
        byte[] one = {'1'};
        m.update(one, 1);
        int[] root = m.table(0);
        assertThat(root[49]).isEqualTo(1520);
        assertThat(root[50]).isEqualTo(1799);
        assertThat(root[51]).isEqualTo(1830);
        assertThat(root[0]).isZero();
        assertThat(root[256]).isEqualTo(8192);
        for (int j = 0; j < 256; j++) {
            assertThat(root[j + 1] - root[j]).as("freq of %d", j).isPositive();
        }
    }

    @Test
    void fieldOrderDoesNotChangeTheScore() throws Exception {
        PayloadComplexity a = PayloadComplexity.builder().build();
        PayloadComplexity b = PayloadComplexity.builder().build();
        for (int i = 0; i < 50; i++) {
            ComplexityResult ra = a.observe(json("{\"user\":\"u" + i % 7 + "\",\"n\":" + i + ",\"ok\":true}"));
            ComplexityResult rb = b.observe(json("{\"ok\":true,\"n\":" + i + ",\"user\":\"u" + i % 7 + "\"}"));
            assertThat(rb).isEqualTo(ra);
        }
    }

    @Test
    void oddPayloadScoresAboveThreeAfterOrdinaryTraffic() throws Exception {
        PayloadComplexity d = PayloadComplexity.builder().build();
        Random random = new Random(7);
        String[] actions = {"login", "logout", "view", "purchase"};
        ComplexityResult last = null;
        for (int i = 0; i < 200; i++) {
            last = d.observe(json(String.format(
                    "{\"user\":\"user%d\",\"action\":\"%s\",\"amount\":%d,\"ts\":%d}",
                    random.nextInt(50), actions[random.nextInt(4)], random.nextInt(1000), 1_700_000_000 + i * 7)));
        }
        assertThat(last.complexity()).isLessThan(3.0);
        StringBuilder odd = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            odd.append((char) ('!' + random.nextInt(90)));
        }
        String oddPayload = JSON.writeValueAsString(java.util.Map.of("cmd", odd.toString(), "q", "' OR 1=1 --"));
        ComplexityResult r = d.observe(JSON.readTree(oddPayload));
        assertThat(r.count()).isEqualTo(201);
        assertThat(r.complexity()).isGreaterThan(3.0);
        assertThat(r.anomaly()).isTrue();
    }

    @Test
    void nodeCapIsRespectedAndEvictionIsDeterministic() throws Exception {
        PayloadComplexity a = PayloadComplexity.builder().depth(2).maxNodes(40).build();
        PayloadComplexity b = PayloadComplexity.builder().depth(2).maxNodes(40).build();
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            JsonNode p = json("{\"k\":\"" + Long.toHexString(random.nextLong()) + "\",\"i\":" + i + "}");
            a.observe(p);
            b.observe(p);
            assertThat(a.nodeCount()).isLessThanOrEqualTo(40);
        }
        assertThat(a.nodeCount()).isEqualTo(40);
        int[][] contexts = a.contextsByRecency();
        assertThat(contexts).isDeepEqualTo(b.contextsByRecency());
        // The root is always the most recent and every node's parent context is still present (no orphans).
        assertThat(contexts[0]).isEmpty();
        Set<List<Integer>> present = new HashSet<>();
        for (int[] c : contexts) {
            present.add(asList(c));
        }
        for (int[] c : contexts) {
            if (c.length > 0) {
                assertThat(present).contains(asList(Arrays.copyOf(c, c.length - 1)));
            }
        }
        // The last payload ended in '}' after its number, so that context was among the last touched.
        assertThat(present).contains(List.of((int) '9', (int) '9'));
    }

    @Test
    void onlyTheMostRecentContextsSurviveATightCap() throws Exception {
        PayloadComplexity capped = PayloadComplexity.builder().depth(1).maxNodes(2).build();
        capped.observe(json("\"a\""));
        capped.observe(json("\"b\""));
        // Only root plus one child fit: the most recently created context survives.
        assertThat(capped.nodeCount()).isEqualTo(2);
        assertThat(capped.contextsByRecency()[0]).isEmpty();
        assertThat(capped.contextsByRecency()[1]).containsExactly('b');
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> PayloadComplexity.builder().depth(-1).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("depth must be at least 0");
        assertThatThrownBy(() -> PayloadComplexity.builder().depth(3).maxNodes(3).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("maxNodes must be greater than depth");
        assertThatThrownBy(() -> PayloadComplexity.builder().threshold(Double.NaN).build())
                .isInstanceOf(InvalidParameterException.class);
    }

    private static List<Integer> asList(int[] c) {
        List<Integer> out = new ArrayList<>();
        for (int v : c) {
            out.add(v);
        }
        return out;
    }
}
