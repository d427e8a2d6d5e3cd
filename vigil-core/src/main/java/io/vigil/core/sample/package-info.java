/**
 * Sample data sets for demos, tutorials and tests: seeded, realistic CSV files with planted anomalies at a chosen
 * rate and a final {@code label} column (1 = planted anomaly). {@link io.vigil.core.sample.SampleDatasets} writes
 * them; {@link io.vigil.core.sample.SampleKind} names the three kinds (e-commerce transactions with fraud, sensor
 * readings with faults, API request logs with incidents) and {@link io.vigil.core.sample.SampleSpec} sizes one.
 *
 * <p>Files are streamed row by row, so a million rows need little memory, and the same spec always gives the same
 * bytes: every random draw comes from one {@link java.util.SplittableRandom} seeded by the spec, timestamps count
 * from a fixed start (not the wall clock), and numbers are formatted without the platform locale.
 */
package io.vigil.core.sample;
