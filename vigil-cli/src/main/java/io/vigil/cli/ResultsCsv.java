package io.vigil.cli;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.DoubleText;
import io.vigil.core.explain.Explanation;
import io.vigil.core.explain.FeatureContribution;
import io.vigil.core.modelfile.AtomicFiles;
import io.vigil.core.score.Scores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes scores as {@code index,score,raw_score,is_anomaly}, one row per input row in input order, plus
 * {@code p_value} for calibrated models.
 */
final class ResultsCsv {
    private static final int CHUNK = 1 << 15;

    private ResultsCsv() {
    }

    static void write(Path file, Scores scores) throws IOException {
        write(file, scores, null);
    }

    /** With explanations, adds a {@code top_features} column of JSON, quoted for CSV. */
    static void write(Path file, Scores scores, List<Explanation> explanations) throws IOException {
        int n = scores.size();
        int chunks = (n + CHUNK - 1) / CHUNK;
        byte[][] parts = new byte[chunks][];
        // Double.toString dominates; chunks format in parallel, and rows that repeat a raw score (duplicate input
        // rows) reuse the text of the row before them with that score.
        boolean plain = scores.pValues() == null && explanations == null;
        ParallelLoop.run(ParallelLoop.defaultThreads(), chunks, c -> parts[c] = plain
                ? formatPlain(scores, c * CHUNK, Math.min(n, (c + 1) * CHUNK))
                : format(scores, explanations, c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
        String header = "index,score,raw_score,is_anomaly" + (scores.pValues() != null ? ",p_value" : "")
                + (explanations != null ? ",top_features" : "") + "\n";
        // Parts go to the file one after another; joining them first would copy the whole file once more.
        AtomicFiles.write(file, out -> {
            out.write(header.getBytes(StandardCharsets.UTF_8));
            for (byte[] part : parts) {
                out.write(part);
            }
        });
    }

    private static final byte[] TRUE = ",true\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = ",false\n".getBytes(StandardCharsets.US_ASCII);

    /** The common case (no p-values, no explanations) written straight into bytes, with no string per row. */
    private static byte[] formatPlain(Scores scores, int from, int to) {
        double[] norm = scores.normalized();
        double[] raw = scores.raw();
        boolean[] flags = scores.anomalous();
        int size = 1 << 12;
        long[] keys = new long[size];
        byte[][] texts = new byte[size][];
        byte[] buf = new byte[Math.max(64, (to - from) * 56)];
        int at = 0;
        StringBuilder pair = new StringBuilder(48);
        for (int i = from; i < to; i++) {
            long bits = Double.doubleToRawLongBits(raw[i]);
            int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 52);
            byte[] text = texts[slot];
            if (text == null || keys[slot] != bits) {
                pair.setLength(0);
                DoubleText.append(pair, norm[i]);
                DoubleText.append(pair.append(','), raw[i]);
                text = pair.toString().getBytes(StandardCharsets.US_ASCII);
                keys[slot] = bits;
                texts[slot] = text;
            }
            if (at + text.length + 24 > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            at = writeIndex(buf, at, i);
            buf[at++] = ',';
            System.arraycopy(text, 0, buf, at, text.length);
            at += text.length;
            byte[] flag = flags[i] ? TRUE : FALSE;
            System.arraycopy(flag, 0, buf, at, flag.length);
            at += flag.length;
        }
        return Arrays.copyOf(buf, at);
    }

    private static int writeIndex(byte[] buf, int at, int value) {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int k = at + digits - 1, v = value; k >= at; k--, v /= 10) {
            buf[k] = (byte) ('0' + v % 10);
        }
        return at + digits;
    }

    private static byte[] format(Scores scores, List<Explanation> explanations, int from, int to) {
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
                StringBuilder pair = new StringBuilder(40);
                DoubleText.append(pair, norm[i]);
                DoubleText.append(pair.append(','), raw[i]);
                text = pair.toString();
                keys[slot] = bits;
                texts[slot] = text;
            }
            sb.append(i).append(',').append(text).append(',').append(flags[i] ? "true" : "false");
            if (p != null) {
                DoubleText.append(sb.append(','), p[i]);
            }
            if (explanations != null) {
                sb.append(",\"");
                appendJson(sb, explanations.get(i));
                sb.append('"');
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** JSON with its quotes doubled, as CSV needs inside a quoted field. */
    private static void appendJson(StringBuilder sb, Explanation e) {
        sb.append('[');
        List<FeatureContribution> top = e.top();
        for (int k = 0; k < top.size(); k++) {
            FeatureContribution c = top.get(k);
            if (k > 0) {
                sb.append(',');
            }
            sb.append("{\"\"feature\"\":\"\"");
            String name = c.feature();
            for (int j = 0; j < name.length(); j++) {
                char ch = name.charAt(j);
                if (ch == '"') {
                    sb.append("\\\"\"");
                } else if (ch == '\\') {
                    sb.append("\\\\");
                } else if (ch < 0x20) {
                    sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
                } else {
                    sb.append(ch);
                }
            }
            sb.append("\"\",\"\"contribution\"\":").append(json(c.contribution()))
                    .append(",\"\"value\"\":").append(json(c.value()))
                    .append(",\"\"normal\"\":").append(json(c.normalValue())).append('}');
        }
        sb.append(']');
    }

    /** JSON has no NaN or infinity: those become null. */
    private static String json(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
