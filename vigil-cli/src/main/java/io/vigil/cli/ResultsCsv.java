package io.vigil.cli;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.DistinctRows;
import io.vigil.core.data.DoubleText;
import io.vigil.core.data.Matrix;
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

    /** The file's text, formatted and not yet written. */
    static final class Text {
        private final byte[] header;
        private final byte[][] parts;

        private Text(byte[] header, byte[][] parts) {
            this.header = header;
            this.parts = parts;
        }

        /** Writes the text atomically; mostly waiting on the disk, so other work can overlap it. */
        void writeTo(Path file) throws IOException {
            // Parts go to the file one after another; joining them first would copy the whole file once more.
            AtomicFiles.write(file, out -> {
                out.write(header);
                for (byte[] part : parts) {
                    out.write(part);
                }
            });
        }
    }

    /** Formats the rows on every core; {@link Text#writeTo} then puts them in a file. */
    static Text format(Scores scores, List<Explanation> explanations) {
        int n = scores.size();
        int chunks = (n + CHUNK - 1) / CHUNK;
        byte[][] parts = new byte[chunks][];
        if (scores.pValues() == null && explanations == null) {
            // Double-to-text conversion dominates, and scores repeat (equal rows, equal path lengths): each distinct
            // raw score is converted once for the whole file, then rows are assembled from the texts in parallel.
            DistinctScores distinct = DistinctScores.of(scores);
            ParallelLoop.run(ParallelLoop.defaultThreads(), chunks,
                    c -> parts[c] = assemble(scores, distinct, c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
        } else {
            ParallelLoop.run(ParallelLoop.defaultThreads(), chunks,
                    c -> parts[c] = formatRows(scores, explanations, c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
        }
        String header = "index,score,raw_score,is_anomaly" + (scores.pValues() != null ? ",p_value" : "")
                + (explanations != null ? ",top_features" : "") + "\n";
        return new Text(header.getBytes(StandardCharsets.UTF_8), parts);
    }

    private static final byte[] TRUE = ",true\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = ",false\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * The text {@code score,raw_score} of every distinct raw score (the normalised score is a function of the raw
     * one), and for each row the index of its text.
     */
    private record DistinctScores(int[] textOf, byte[][] texts) {

        static DistinctScores of(Scores scores) {
            double[] raw = scores.raw();
            double[] norm = scores.normalized();
            // Raw scores as a one-column matrix: equal bits, equal text; ids come in order of first appearance.
            int[] textOf = DistinctRows.of(new Matrix(raw, raw.length, 1)).inverse();
            int[] firstRow = new int[raw.length];
            int count = 0;
            for (int i = 0; i < textOf.length; i++) {
                if (textOf[i] == count) {
                    firstRow[count++] = i;
                }
            }
            int distinct = count;
            byte[][] texts = new byte[distinct][];
            int blocks = (distinct + CHUNK - 1) / CHUNK;
            ParallelLoop.run(ParallelLoop.defaultThreads(), blocks, b -> {
                StringBuilder pair = new StringBuilder(48);
                for (int id = b * CHUNK, end = Math.min(distinct, (b + 1) * CHUNK); id < end; id++) {
                    int row = firstRow[id];
                    pair.setLength(0);
                    DoubleText.append(pair, norm[row]);
                    DoubleText.append(pair.append(','), raw[row]);
                    texts[id] = pair.toString().getBytes(StandardCharsets.US_ASCII);
                }
            });
            return new DistinctScores(textOf, texts);
        }
    }

    /** Rows [from, to) of the common case (no p-values, no explanations) straight into bytes. */
    private static byte[] assemble(Scores scores, DistinctScores distinct, int from, int to) {
        boolean[] flags = scores.anomalous();
        int[] textOf = distinct.textOf();
        byte[][] texts = distinct.texts();
        byte[] buf = new byte[Math.max(64, (to - from) * 56)];
        int at = 0;
        // Row numbers are consecutive: counting up in decimal digits avoids two divisions by ten per digit, which
        // the one-pass compiler this code runs under (see detect-compiler-directives.json) does not turn into
        // multiplications.
        byte[] index = new byte[11];
        int width = 0;
        for (int v = from; width == 0 || v > 0; v /= 10) {
            index[index.length - ++width] = (byte) ('0' + v % 10);
        }
        for (int i = from; i < to; i++) {
            byte[] text = texts[textOf[i]];
            if (at + text.length + 24 > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            System.arraycopy(index, index.length - width, buf, at, width);
            at += width;
            buf[at++] = ',';
            System.arraycopy(text, 0, buf, at, text.length);
            at += text.length;
            byte[] flag = flags[i] ? TRUE : FALSE;
            System.arraycopy(flag, 0, buf, at, flag.length);
            at += flag.length;
            int k = index.length - 1;
            while (k >= index.length - width && index[k] == '9') {
                index[k--] = '0';
            }
            if (k < index.length - width) {
                index[k] = '1';
                width++;
            } else {
                index[k]++;
            }
        }
        return Arrays.copyOf(buf, at);
    }


    private static byte[] formatRows(Scores scores, List<Explanation> explanations, int from, int to) {
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
