package io.vigil.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunExplanationsTest {

    @Test
    void highestFlaggedTakesTheTopScoresWithTiesInRowOrderAndReturnsThemInRowOrder() {
        int n = 40_000;
        boolean[] flags = new boolean[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            flags[i] = i % 3 != 0;
            // Few distinct values, so the cut falls inside a run of ties.
            scores[i] = 0.5 + (i * 7919 % 23) / 100.0;
        }
        int[] chosen = RunExplanations.highestFlagged(flags, scores);
        int[] expected = IntStream.range(0, n).filter(i -> flags[i]).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i))
                .limit(RunExplanations.MAX_EXPLAINED).mapToInt(Integer::intValue).sorted().toArray();
        assertThat(chosen).hasSize(RunExplanations.MAX_EXPLAINED).isEqualTo(expected);
    }

    @Test
    void fewerFlaggedRowsThanTheLimitAreAllTaken() {
        boolean[] flags = {false, true, true, false, true};
        double[] scores = {0.1, 0.9, 0.8, 0.2, 0.95};
        assertThat(RunExplanations.highestFlagged(flags, scores)).containsExactly(1, 2, 4);
        assertThat(RunExplanations.highestFlagged(new boolean[3], new double[3])).isEmpty();
        assertThat(Arrays.stream(RunExplanations.highestFlagged(flags, scores)).count()).isEqualTo(3);
    }
}
