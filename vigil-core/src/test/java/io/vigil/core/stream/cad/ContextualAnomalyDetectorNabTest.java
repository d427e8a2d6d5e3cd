package io.vigil.core.stream.cad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.core.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Given what NAB's harness gives its CAD OSE detector (the file's minimum and maximum, a rest period of a fifth of
 * the probationary period), the detector gives the scores of NAB's published contextOSE results
 * (numenta/NAB results/contextOSE/realKnownCause/contextOSE_*.csv, printed there to 12 significant digits). All of
 * rogue_agent_key_hold and rows 19,661 to 19,924 of machine_temperature_system_failure were compared when the detector
 * was written; these rows pin a sample, zeros after high values (the rest period) among them.
 */
@Tag("functional")
class ContextualAnomalyDetectorNabTest {

    @ParameterizedTest
    @CsvSource({
        "rogue_agent_key_hold, 2014-07-07 22:55:00, 1.0",
        "rogue_agent_key_hold, 2014-07-08 21:05:00, 1.0",
        "rogue_agent_key_hold, 2014-07-09 22:50:00, 0.8175",
        "rogue_agent_key_hold, 2014-07-11 17:15:00, 1.0",
        "rogue_agent_key_hold, 2014-07-15 00:10:00, 0.338461538462",
        "rogue_agent_key_hold, 2014-07-15 15:05:00, 0.0",
        "rogue_agent_key_hold, 2014-07-15 15:15:00, 0.0192307692308",
        "rogue_agent_key_hold, 2014-07-17 13:05:00, 0.488983050847",
        "rogue_agent_key_hold, 2014-07-17 13:10:00, 0.842490842491",
        "rogue_agent_key_hold, 2014-07-22 12:40:00, 0.822066822067",
        "rogue_agent_key_hold, 2014-07-23 11:50:00, 0.0",
        "rogue_agent_key_hold, 2014-07-24 13:30:00, 0.443109987358",
        "rogue_agent_key_hold, 2014-07-25 06:40:00, 0.436645962733",
        "rogue_agent_key_hold, 2014-07-25 08:55:00, 0.0603448275862",
        "machine_temperature_system_failure, 2014-02-09 03:10:00, 0.283333333333",
        "machine_temperature_system_failure, 2014-02-09 03:45:00, 0.431003584229",
        "machine_temperature_system_failure, 2014-02-09 03:50:00, 0.0",
        "machine_temperature_system_failure, 2014-02-09 05:35:00, 0.314891581633",
        "machine_temperature_system_failure, 2014-02-09 12:00:00, 0.462016692216",
        "machine_temperature_system_failure, 2014-02-09 12:05:00, 0.553923488706",
        "machine_temperature_system_failure, 2014-02-09 12:30:00, 0.209463971347"})
    void givenTheFilesRangeGivesNabsPublishedScores(String series, String timestamp, double published)
            throws IOException {
        assertThat(scores(series).get(timestamp)).isCloseTo(published, within(1e-11));
    }

    private static final Map<String, Map<String, Double>> RUNS = new HashMap<>();

    /** Scores by timestamp, each series run once. */
    private static synchronized Map<String, Double> scores(String series) throws IOException {
        Map<String, Double> run = RUNS.get(series);
        if (run != null) {
            return run;
        }
        Path file = SharedData.datasets().resolve("nab/realKnownCause/" + series + ".csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared NAB file " + file + " is absent");
        List<String> lines = Files.readAllLines(file);
        int n = lines.size() - 1;
        String[] times = new String[n];
        double[] values = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            String line = lines.get(i + 1);
            int comma = line.indexOf(',');
            times[i] = line.substring(0, comma);
            values[i] = Double.parseDouble(line.substring(comma + 1));
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        int probation = (int) Math.min(Math.floor(0.15 * n), 0.15 * 5000);
        ContextualAnomalyDetector d = ContextualAnomalyDetector.builder().range(min, max).warmUp(0)
                .restPeriod((int) (probation / 5.0)).build();
        run = new HashMap<>();
        for (int i = 0; i < n; i++) {
            run.put(times[i], d.observe(values[i]).score());
        }
        RUNS.put(series, run);
        return run;
    }
}
