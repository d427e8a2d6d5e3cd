package io.vigil.core.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Minute readings of eight environmental sensors on a factory floor, read in turn. Temperature follows a daily
 * cycle (warmest mid-afternoon) around each sensor's own level, humidity falls as temperature rises, pressure is
 * the building's slowly wandering barometric pressure (shared by all sensors, each with a small calibration
 * offset), and vibration follows the machines' day shift. Noise is correlated: a slow disturbance shared by all
 * sensors (doors, ventilation) plus each sensor's own.
 *
 * <p>Faults last one to twenty readings of one sensor: spikes (one channel jumps), a stuck board (the environmental
 * channels repeat their last value and the accelerometer reads zero), drift (temperature creeps away while
 * humidity, measured by the same board, does not follow) and broken correlation (humidity moves with temperature
 * instead of against it). Drift and broken correlation stay inside each channel's usual range at first: only the
 * channels together give them away.
 */
final class SensorGenerator implements SampleGenerator {
    private static final long START_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final int SENSORS = 8;
    private static final int SPIKE = 0;
    private static final int STUCK = 1;
    private static final int DRIFT = 2;
    private static final int CORRELATION = 3;
    /** How far humidity moves per degree of temperature (relative humidity falls as air warms). */
    private static final double HUMIDITY_PER_DEGREE = 1.8;

    private final double[] tempBase = new double[SENSORS];
    private final double[] tempAmplitude = new double[SENSORS];
    private final double[] humidityBase = new double[SENSORS];
    private final double[] pressureOffset = new double[SENSORS];
    private final double[] vibrationBase = new double[SENSORS];
    /** The last reading of each sensor, repeated while its board is stuck. */
    private final double[][] last = new double[SENSORS][];
    private double pressure = 1013.25;
    private double disturbance;

    @Override
    public List<String> columns() {
        return List.of("timestamp", "sensor_id", "temperature", "humidity", "pressure", "vibration", "label");
    }

    @Override
    public void write(SampleSpec spec, Writer out) throws IOException {
        Draws d = new Draws(spec.seed());
        for (int s = 0; s < SENSORS; s++) {
            tempBase[s] = d.uniform(19, 25);
            tempAmplitude[s] = d.uniform(2.5, 5);
            humidityBase[s] = d.uniform(40, 60);
            pressureOffset[s] = 1.5 * d.gaussian();
            vibrationBase[s] = d.uniform(0.2, 0.6);
            last[s] = new double[] {tempBase[s], humidityBase[s], pressure + pressureOffset[s]};
        }
        CsvLine line = new CsvLine();
        for (int done = 0; done < spec.rows(); ) {
            int n = Math.min(BLOCK_ROWS, spec.rows() - done);
            int faults = (int) (spec.anomaliesBefore(done + n) - spec.anomaliesBefore(done));
            AnomalyPlan plan = AnomalyPlan.place(d.random(), n, SENSORS, faults, 1, 20);
            int[] type = new int[n + 1];
            double[] size = new double[n + 1];
            for (int i = 0; i < n; i++) {
                long row = done + i;
                int sensor = (int) (row % SENSORS);
                long minute = row / SENSORS;
                if (sensor == 0) {
                    // Shared by every sensor within a minute: the weather and the building.
                    pressure += -0.002 * (pressure - 1013.25) + 0.1 * d.gaussian();
                    disturbance += -0.05 * disturbance + 0.08 * d.gaussian();
                }
                int run = plan.run(i);
                if (run != 0 && plan.step(i) == 0) {
                    type[run] = d.integer(4);
                    size[run] = d.uniform(0, 1);
                }
                double[] v = reading(d, sensor, minute, run == 0 ? -1 : type[run], size[run], plan.step(i),
                        plan.length(i));
                line.timestamp(START_MILLIS + minute * 60_000L, false)
                        .code("S", sensor + 1, 2)
                        .fixed(v[0], 2)
                        .fixed(v[1], 2)
                        .fixed(v[2], 2)
                        .fixed(v[3], 3)
                        .integer(run != 0 ? 1 : 0)
                        .writeTo(out);
            }
            done += n;
        }
    }

    /** Temperature, humidity, pressure and vibration; {@code fault} is -1 for a healthy reading. */
    private double[] reading(Draws d, int s, long minute, int fault, double size, int step, int length) {
        double dayAngle = 2 * Math.PI * ((minute % 1440) / 1440.0 - 0.375);
        double deviation = tempAmplitude[s] * Math.sin(dayAngle) + disturbance + 0.25 * d.gaussian();
        double temp = tempBase[s] + deviation;
        double humidity = humidityBase[s] - HUMIDITY_PER_DEGREE * deviation + 1.2 * d.gaussian();
        double press = pressure + pressureOffset[s] + 0.3 * d.gaussian();
        double shift = Math.max(0, Math.sin(dayAngle + 0.3));
        double vibration = vibrationBase[s] * (0.6 + 0.8 * shift) * d.logNormal(0, 0.15);
        switch (fault) {
            case SPIKE -> {
                int channel = d.integer(3);
                if (channel == 0) {
                    temp += (d.chance(0.5) ? 1 : -1) * (6 + 6 * size);
                } else if (channel == 1) {
                    vibration *= 4 + 6 * size;
                } else {
                    press += (d.chance(0.5) ? 1 : -1) * (10 + 10 * size);
                }
            }
            case STUCK -> {
                temp = last[s][0];
                humidity = last[s][1];
                press = last[s][2];
                vibration = 0;
            }
            case DRIFT -> temp += (3 + 7 * size) * (step + 1) / length;
            case CORRELATION -> humidity += Math.copySign(2 * HUMIDITY_PER_DEGREE * Math.abs(deviation) + 6 + 6 * size,
                    deviation);
            default -> {
                last[s][0] = temp;
                last[s][1] = humidity;
                last[s][2] = press;
            }
        }
        return new double[] {temp, humidity, press, vibration};
    }
}
