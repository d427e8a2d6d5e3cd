/**
 * JMH benchmarks of Vigil's detectors on seeded synthetic data, packaged as {@code target/benchmarks.jar}.
 *
 * <p>{@link io.vigil.bench.IsolationForestBenchmark} measures fit and score throughput, in rows per second, of the
 * Isolation Forest of Liu, Ting and Zhou, <i>Isolation Forest</i>, ICDM 2008 (doi:10.1109/ICDM.2008.17), on
 * N(0,1) data. Run with {@code java -jar vigil-bench/target/benchmarks.jar}; see {@code bench/README.md}.
 */
package io.vigil.bench;
