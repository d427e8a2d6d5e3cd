package io.vigil.bench;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.iforest.IsolationForest;
import io.vigil.core.iforest.IsolationForestModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Isolation Forest fit and score throughput on {@value #ROWS} rows of seeded N(0,1) data, with scikit-learn's
 * defaults (100 trees, 256 rows per tree).
 *
 * <p>Each invocation handles all {@value #ROWS} rows and declares them as operations, so JMH's ops/s is rows/s.
 * Fit draws only 256 rows per tree, so its rows/s says how fast a forest is ready for a table of that size, not how
 * much work each row costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IsolationForestBenchmark {
    static final int ROWS = 100_000;
    private static final long DATA_SEED = 20_080_101L;
    private static final long FOREST_SEED = 42L;

    /** Feature columns of the synthetic matrix. */
    @Param({"10"})
    public int features;

    /** Worker threads for fit and score: a count, or "all" for every available core. */
    @Param({"1", "all"})
    public String threads;

    private Matrix data;
    private IsolationForest forest;
    private IsolationForestModel model;

    @Setup(Level.Trial)
    public void setUp() {
        prepare(ROWS);
    }

    /** Builds the data, the detector and a fitted model; split from {@link #setUp()} so tests can use fewer rows. */
    void prepare(int rows) {
        data = GaussianMatrix.standardNormal(rows, features, DATA_SEED);
        forest = IsolationForest.builder()
                .seed(FOREST_SEED)
                .threads(threadCount(threads))
                .build();
        model = forest.fit(data);
    }

    Matrix data() {
        return data;
    }

    static int threadCount(String threads) {
        if ("all".equals(threads)) {
            return ParallelLoop.defaultThreads();
        }
        return Integer.parseInt(threads);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public IsolationForestModel fit() {
        return forest.fit(data);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double[] score() {
        return model.score(data);
    }
}
