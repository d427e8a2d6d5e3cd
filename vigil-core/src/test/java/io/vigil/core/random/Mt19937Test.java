package io.vigil.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Draws checked against NumPy 1.24's legacy RandomState (src/test/python/sklearn_iforest_fixture.py). */
class Mt19937Test {

    static JsonNode fixture() throws IOException {
        try (InputStream in = Mt19937Test.class.getResourceAsStream("/sklearn/iforest_fixture.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void randintMatchesNumpyForSeedsAcrossTheUnsignedRange() throws IOException {
        Iterator<Map.Entry<String, JsonNode>> cases = fixture().get("randint_max_int").fields();
        int checked = 0;
        while (cases.hasNext()) {
            Map.Entry<String, JsonNode> c = cases.next();
            Mt19937 r = new Mt19937(Long.parseLong(c.getKey()));
            for (JsonNode expected : c.getValue()) {
                assertThat(r.randint(Integer.MAX_VALUE)).as("seed %s", c.getKey()).isEqualTo(expected.asLong());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(24);
    }

    @Test
    void smallRangesRejectAboveTheMaskLikeNumpy() throws IOException {
        Mt19937 r = new Mt19937(5);
        for (JsonNode expected : fixture().get("randint_small")) {
            assertThat(r.randint(10)).isEqualTo(expected.asLong());
        }
    }

    @Test
    void permutationMatchesNumpy() throws IOException {
        int[] p = new Mt19937(3).permutation(20);
        JsonNode expected = fixture().get("permutation");
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).isEqualTo(expected.get(i).asInt());
        }
    }

    @Test
    void firstOutputOfTheReferenceSeedIsMatsumotoNishimurasValue() {
        // init_genrand(5489) is the reference implementation's default; its first output is 3499211612.
        assertThat(new Mt19937(5489).nextInt32() & 0xffffffffL).isEqualTo(3499211612L);
    }

    @Test
    void seedsOutsideTheUnsignedRangeStillSeedDeterministically() {
        assertThat(new Mt19937(-1).nextInt32()).isEqualTo(new Mt19937(-1).nextInt32());
        assertThat(new Mt19937(1L << 40).nextInt32()).isNotEqualTo(new Mt19937(0).nextInt32());
    }

    @Test
    void emptyRangesAreRefused() {
        assertThatThrownBy(() -> new Mt19937(1).randint(0)).hasMessageContaining("high must be greater than 0");
        assertThatThrownBy(() -> new Mt19937(1).randint(4, 4)).hasMessageContaining("greater than low");
        assertThatThrownBy(() -> new Mt19937(1).interval(1L << 32)).hasMessageContaining("max must be in [0, 2^32)");
        assertThat(new Mt19937(1).interval(0)).isZero();
    }
}
