package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.data.DoubleText;
import io.vigil.core.score.Scores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {
    @TempDir
    Path dir;

    @Test
    void rowsThatShareARawScoreAcrossTheWholeFileGetTheirOwnIndexAndFlag() throws IOException {
        // More rows than one formatting chunk, few distinct scores, and neighbours of the same bits (0.0 and -0.0)
        // that must not be merged.
        int n = 100_000;
        double[] pool = {0.0, -0.0, 0.5, 0.1 + 0.2, 0.3, 1e-7, 123456.789, Double.MIN_VALUE, Math.PI};
        SplittableRandom random = new SplittableRandom(5);
        double[] raw = new double[n];
        double[] norm = new double[n];
        boolean[] flags = new boolean[n];
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(pool.length + 1);
            raw[i] = k == pool.length ? random.nextDouble() : pool[k];
            norm[i] = raw[i] / 2;
            flags[i] = random.nextBoolean();
        }
        Path file = dir.resolve("out.csv");
        ResultsCsv.format(new Scores(raw, norm, flags, 0.5), null).writeTo(file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(n + 1);
        assertThat(lines.get(0)).isEqualTo("index,score,raw_score,is_anomaly");
        for (int i = 0; i < n; i++) {
            StringBuilder expected = new StringBuilder().append(i).append(',');
            DoubleText.append(expected, norm[i]);
            DoubleText.append(expected.append(','), raw[i]);
            expected.append(',').append(flags[i]);
            assertThat(lines.get(i + 1)).as("row %d", i).isEqualTo(expected.toString());
        }
    }

    @Test
    void anEmptyResultIsJustTheHeader() throws IOException {
        Path file = dir.resolve("empty.csv");
        ResultsCsv.format(new Scores(new double[0], new double[0], new boolean[0], 0.5), null).writeTo(file);
        assertThat(Files.readAllLines(file)).containsExactly("index,score,raw_score,is_anomaly");
    }
}
