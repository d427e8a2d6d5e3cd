package io.vigil.cli;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.modelfile.AtomicFiles;
import io.vigil.core.score.Scores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes scores as {@code index,score,raw_score,is_anomaly}, one row per input row in input order, plus
 * {@code p_value} for calibrated models.
 */
final class ResultsCsv {
    private static final int CHUNK = 1 << 15;

    private ResultsCsv() {
    }

    static void write(Path file, Scores scores) throws IOException {
        int n = scores.size();
        int chunks = (n + CHUNK - 1) / CHUNK;
        byte[][] parts = new byte[chunks][];
        // Double.toString dominates; chunks format in parallel, and rows that repeat a raw score (duplicate input
        // rows) reuse the text of the row before them with that score.
        ParallelLoop.run(ParallelLoop.defaultThreads(), chunks, c -> parts[c] = format(scores, c * CHUNK,
                Math.min(n, (c + 1) * CHUNK)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + n * 48);
        String header = "index,score,raw_score,is_anomaly" + (scores.pValues() != null ? ",p_value" : "") + "\n";
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        AtomicFiles.write(file, out.toByteArray());
    }

    private static byte[] format(Scores scores, int from, int to) {
        double[] norm = scores.normalized();
        double[] raw = scores.raw();
        boolean[] flags = scores.anomalous();
        double[] p = scores.pValues();
        int size = 1 << 12;
        long[] keys = new long[size];
        String[] texts = new String[size];
        StringBuilder sb = new StringBuilder((to - from) * 48);
        for (int i = from; i < to; i++) {
            long bits = Double.doubleToRawLongBits(raw[i]);
            int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 52);
            String text = texts[slot];
            if (text == null || keys[slot] != bits) {
                text = norm[i] + "," + raw[i];
                keys[slot] = bits;
                texts[slot] = text;
            }
            sb.append(i).append(',').append(text).append(',').append(flags[i] ? "true" : "false");
            if (p != null) {
                sb.append(',').append(p[i]);
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
