package io.vigil.bench;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.FittedDetector;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The speed bars, one invocation each: fit on every row and score every row, as
 * {@code ./vigil detect run} does, on seeded N(0,1) data of the stated size, with all cores.
 * <ul>
 *   <li>{@code local_outlier_factor} on 100,000 x 10 (scikit-learn: about 125 s; bar: 10x faster);</li>
 *   <li>{@code ecod} and {@code hbos} on 1,000,000 x 10 (bar: under 2 s);</li>
 *   <li>{@code autoencoder} on 10,000 x 30, 100 epochs, early stopping off (bar: under 30 s on 2 cores).</li>
 * </ul>
 * Run: {@code java -jar vigil-bench/target/benchmarks.jar DetectorFitScoreBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DetectorFitScoreBenchmark {

    /** detector:rows:columns. */
    @Param({"local_outlier_factor:100000:10", "ecod:1000000:10", "hbos:1000000:10", "autoencoder:10000:30"})
    public String workload;

    private Matrix data;
    private Detector detector;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = workload.split(":");
        prepare(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    void prepare(String name, int rows, int columns) {
        data = GaussianMatrix.standardNormal(rows, columns, 7);
        // patience = epochs keeps the autoencoder training all 100 epochs, the bar's workload
        Map<String, Object> params = name.equals("autoencoder") ? Map.of("epochs", 100, "patience", 100) : Map.of();
        detector = DetectorRegistry.standard().create(name,
                new DetectorParameters(params, 1, 0.1, ParallelLoop.defaultThreads()));
    }

    @Benchmark
    public double[] fitAndScore() {
        FittedDetector model = detector.fit(data);
        return model.score(data);
    }
}
