package io.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.concurrent.ParallelLoop;
import org.junit.jupiter.api.Test;

/** Runs the benchmark bodies once on a small table, so a broken benchmark fails the build rather than a JMH run. */
class IsolationForestBenchmarkTest {

    @Test
    void scoreCoversEveryRowWithFiniteScoresInUnitInterval() {
        IsolationForestBenchmark bench = benchmark("all");
        bench.prepare(2_000);

        double[] scores = bench.score();

        assertThat(scores).hasSize(2_000);
        for (double s : scores) {
            assertThat(s).isFinite().isGreaterThan(0.0).isLessThan(1.0);
        }
    }

    @Test
    void fitIsDeterministicWhateverTheThreadCount() {
        IsolationForestBenchmark single = benchmark("1");
        single.prepare(2_000);
        IsolationForestBenchmark parallel = benchmark("all");
        parallel.prepare(2_000);

        assertThat(parallel.fit().score(single.data())).containsExactly(single.fit().score(single.data()));
    }

    @Test
    void threadsParameterAcceptsCountsAndAll() {
        assertThat(IsolationForestBenchmark.threadCount("3")).isEqualTo(3);
        assertThat(IsolationForestBenchmark.threadCount("all")).isEqualTo(ParallelLoop.defaultThreads());
    }

    private static IsolationForestBenchmark benchmark(String threads) {
        IsolationForestBenchmark bench = new IsolationForestBenchmark();
        bench.features = 10;
        bench.threads = threads;
        return bench;
    }
}
