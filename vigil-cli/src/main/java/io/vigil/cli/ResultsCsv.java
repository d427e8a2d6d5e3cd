package io.vigil.cli;

import io.vigil.core.modelfile.AtomicFiles;
import io.vigil.core.score.Scores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes scores as {@code index,score,raw_score,is_anomaly}, one row per input row in input order. */
final class ResultsCsv {
    private ResultsCsv() {
    }

    static void write(Path file, Scores scores) throws IOException {
        int n = scores.size();
        StringBuilder sb = new StringBuilder(32 + n * 48);
        sb.append("index,score,raw_score,is_anomaly\n");
        double[] norm = scores.normalized();
        double[] raw = scores.raw();
        boolean[] flags = scores.anomalous();
        for (int i = 0; i < n; i++) {
            sb.append(i).append(',').append(norm[i]).append(',').append(raw[i]).append(',')
                    .append(flags[i] ? "true" : "false").append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
