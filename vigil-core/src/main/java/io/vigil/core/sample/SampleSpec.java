package io.vigil.core.sample;

import io.vigil.core.detect.InvalidParameterException;

/**
 * What to generate: the kind, how many data rows, the share of them that are planted anomalies, and the seed that
 * makes the file reproducible.
 *
 * @param kind        which data set
 * @param rows        data rows (header not counted), {@value #MIN_ROWS} to {@value #MAX_ROWS}
 * @param anomalyRate share of rows labelled 1, in [0, 0.5]; the file has exactly round(rows * anomalyRate)
 * @param seed        random seed; the same spec always gives the same bytes
 */
public record SampleSpec(SampleKind kind, int rows, double anomalyRate, long seed) {
    public static final int MIN_ROWS = 10;
    public static final int MAX_ROWS = 10_000_000;
    public static final double MAX_ANOMALY_RATE = 0.5;

    public SampleSpec {
        if (kind == null) {
            throw new InvalidParameterException("type", "type is required: ecommerce, sensor or api_traffic");
        }
        if (rows < MIN_ROWS || rows > MAX_ROWS) {
            throw new InvalidParameterException("rows", "rows must be between " + MIN_ROWS + " and " + MAX_ROWS
                    + ", got " + rows);
        }
        if (!(anomalyRate >= 0 && anomalyRate <= MAX_ANOMALY_RATE)) {
            throw new InvalidParameterException("anomaly_rate", "anomaly_rate must be between 0 and "
                    + MAX_ANOMALY_RATE + ", got " + anomalyRate);
        }
    }

    /** The number of labelled anomalies among the first {@code n} rows: exact overall, spread evenly. */
    long anomaliesBefore(long n) {
        return Math.round(anomalyRate * n);
    }
}
