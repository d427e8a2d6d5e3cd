package io.vigil.core.stream.cad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextLinksTest {

    /**
     * The walk orders below are what CPython 2.7.18 prints for {@code d = {}; for k in keys: d.setdefault(k, len(d));
     * list(d)}: a small table with collisions, one grown from 8 to 32 slots, and one grown twice.
     */
    @Test
    void walksEntriesInCPython2DictOrder() {
        assertWalk(new int[] {8, 0, 16}, new int[] {8, 0, 16});
        assertWalk(new int[] {19, 9, 39, 4, 32}, new int[] {32, 9, 19, 4, 39});
        assertWalk(new int[] {22, 3, 30, 2, 26, 4, 5, 25, 50, 7, 13, 38},
                new int[] {2, 3, 4, 5, 38, 7, 13, 50, 22, 25, 26, 30});
        assertWalk(new int[] {57, 35, 24, 59, 2, 52, 17, 8, 7, 18, 49, 11, 38, 22, 33, 3, 12, 41, 26, 19, 27, 48, 42,
            14, 32}, new int[] {2, 3, 7, 8, 11, 12, 14, 17, 18, 19, 22, 24, 26, 27, 32, 33, 35, 38, 41, 42, 48, 49, 52,
            57, 59});
    }

    @Test
    void putIfAbsentKeepsTheFirstValue() {
        ContextLinks links = new ContextLinks();
        links.ensure(3);
        assertThat(links.putIfAbsent(2, 5, 100)).isEqualTo(100);
        assertThat(links.putIfAbsent(2, 5, 101)).isEqualTo(100);
        assertThat(links.size(2)).isEqualTo(1);
        assertThat(links.walk(0)).isNull();
    }

    private static void assertWalk(int[] keys, int[] expected) {
        ContextLinks links = new ContextLinks();
        links.ensure(1);
        for (int i = 0; i < keys.length; i++) {
            links.putIfAbsent(0, keys[i], i);
        }
        int[] walk = links.walk(0);
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < links.size(0); e++) {
            order.add(walk[2 * e]);
            assertThat(walk[2 * e + 1]).isEqualTo(indexOf(keys, walk[2 * e]));
        }
        assertThat(order).containsExactly(java.util.Arrays.stream(expected).boxed().toArray(Integer[]::new));
    }

    private static int indexOf(int[] keys, int key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        return -1;
    }
}
