package io.vigil.core.data;

import io.vigil.core.concurrent.ParallelLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV file with a header row (RFC 4180 quoting; gzip when the file starts with gzip's magic bytes) into a
 * {@link Table}. A column is numeric when at least 90% of its non-empty cells among the first
 * {@value #SAMPLE_ROWS} rows are numbers; a non-number anywhere in a numeric column is then an error naming its
 * line and column, since it is far more often a typo than a category. Other columns are kept as text.
 * Empty cells, NA and NaN are missing (NaN in numeric columns, null in text columns).
 */
public final class CsvReader {
    static final int SAMPLE_ROWS = 1000;
    /** Below this many bytes after the sample, one thread parses faster than two start. */
    static final int PARALLEL_BYTES = 1 << 20;
    private static final double NUMERIC_SHARE = 0.9;

    private final String source;
    private final byte[] bytes;
    private int pos;
    private int limit;
    private long line = 1;
    /** Whether a cell started with a quote (see parseRest). */
    private boolean sawQuote;
    private int[] cellStart = new int[16];
    private int[] cellEnd = new int[16];
    private boolean[] cellQuoted = new boolean[16];

    private CsvReader(String source, byte[] bytes) {
        this.source = source;
        this.bytes = bytes;
        this.limit = bytes.length;
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            pos = 3;
        }
    }

    public static Table read(Path file) {
        String name = file.toString();
        byte[] data;
        try {
            data = readAll(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(name, 0, null, "file not found; check the path");
        } catch (IOException e) {
            throw new DataFormatException(name, 0, null, "cannot read the file: " + e.getMessage());
        }
        return parse(name, data);
    }

    /** Parses CSV bytes; {@code source} names them in error messages. */
    public static Table parse(String source, byte[] data) {
        return new CsvReader(source, data).table();
    }

    private static byte[] readAll(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("it is a directory");
        }
        byte[] raw = Files.readAllBytes(file);
        if (raw.length < 2 || raw[0] != (byte) 0x1f || raw[1] != (byte) 0x8b) {
            return raw;
        }
        // The trailer's ISIZE is the uncompressed size mod 2^32 (of the last member): inflate straight into an array
        // of that size, and fall back to a growing buffer when more data follows (several members, or over 4 GiB).
        long size = (raw[raw.length - 4] & 0xFFL) | (raw[raw.length - 3] & 0xFFL) << 8
                | (raw[raw.length - 2] & 0xFFL) << 16 | (raw[raw.length - 1] & 0xFFL) << 24;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
            byte[] exact = new byte[(int) Math.min(size, Integer.MAX_VALUE - 16)];
            int n = in.readNBytes(exact, 0, exact.length);
            int next = in.read();
            if (next < 0) {
                return n == exact.length ? exact : java.util.Arrays.copyOf(exact, n);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1 << 16, n * 2));
            out.write(exact, 0, n);
            out.write(next);
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private Table table() {
        if (pos >= limit || onlyWhitespace()) {
            throw new DataFormatException(source, 0, null, "the file is empty; it needs a header row and data rows");
        }
        int headerCells = nextRow();
        List<String> names = new ArrayList<>(headerCells);
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < headerCells; c++) {
            String name = text(c).trim();
            if (name.isEmpty()) {
                throw new DataFormatException(source, 1, null, "header column " + (c + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw new DataFormatException(source, 1, name, "the header names this column twice");
            }
            names.add(name);
        }
        int cols = names.size();
        // Sample rows decide the column types, then are converted with everything after them.
        List<String[]> sample = new ArrayList<>();
        List<Long> sampleLines = new ArrayList<>();
        while (sample.size() < SAMPLE_ROWS && hasRow()) {
            long at = line;
            int n = nextRow();
            checkWidth(n, cols, at);
            String[] row = new String[cols];
            for (int c = 0; c < cols; c++) {
                row[c] = text(c);
            }
            sample.add(row);
            sampleLines.add(at);
        }
        if (sample.isEmpty()) {
            throw new DataFormatException(source, 0, null, "the file has a header but no data rows");
        }
        boolean[] numeric = decideTypes(sample, cols);
        ColumnBuilder[] builders = new ColumnBuilder[cols];
        for (int c = 0; c < cols; c++) {
            builders[c] = new ColumnBuilder(numeric[c]);
        }
        for (int r = 0; r < sample.size(); r++) {
            String[] row = sample.get(r);
            for (int c = 0; c < cols; c++) {
                if (numeric[c]) {
                    byte[] cell = row[c].getBytes(StandardCharsets.UTF_8);
                    builders[c].add(number(cell, 0, cell.length, sampleLines.get(r), names.get(c)));
                } else {
                    builders[c].add(row[c].isEmpty() ? null : row[c]);
                }
            }
        }
        parseRest(builders, numeric, names);
        List<Column> columns = new ArrayList<>(cols);
        for (int c = 0; c < cols; c++) {
            columns.add(builders[c].build(names.get(c)));
        }
        return new Table(columns, builders[0].size());
    }

    /**
     * Parses the rows after the sample. Without quoted cells in the rest of the file, rows cannot span lines, so
     * the rest is cut at line ends into one part per core, parsed in parallel and joined in order; a part that
     * meets a quoted cell sends the rest to one sequential pass instead.
     */
    private void parseRest(ColumnBuilder[] builders, boolean[] numeric, List<String> names) {
        int parts = ParallelLoop.defaultThreads();
        if (parts < 2 || limit - pos < PARALLEL_BYTES) {
            parseRows(builders, numeric, names);
            return;
        }
        int[] cut = new int[parts + 1];
        cut[0] = pos;
        cut[parts] = limit;
        for (int k = 1; k < parts; k++) {
            int c = Math.max(cut[k - 1], pos + (int) ((long) (limit - pos) * k / parts));
            while (c < limit && bytes[c] != '\n') {
                c++;
            }
            cut[k] = Math.min(limit, c + 1);
        }
        ColumnBuilder[][] partBuilders = new ColumnBuilder[parts][];
        DataFormatException[] errors = new DataFormatException[parts];
        boolean[] quoted = new boolean[parts];
        ParallelLoop.run(parts, parts, k -> {
            CsvReader reader = new CsvReader(source, bytes);
            reader.pos = cut[k];
            reader.limit = cut[k + 1];
            reader.line = 1;
            ColumnBuilder[] local = new ColumnBuilder[builders.length];
            for (int c = 0; c < local.length; c++) {
                local[c] = new ColumnBuilder(numeric[c]);
            }
            try {
                reader.parseRows(local, numeric, names);
            } catch (DataFormatException e) {
                errors[k] = e;
            }
            // Quotes only matter at the start of a cell. A quoted cell that spans a cut starts in the part before
            // it, so one seen anywhere sends the whole rest to the one-pass parse, errors of the parts included.
            quoted[k] = reader.sawQuote;
            partBuilders[k] = local;
        });
        for (boolean q : quoted) {
            if (q) {
                // A quoted cell may hold a line break, so the cuts may fall inside a row: parse it in one pass.
                parseRows(builders, numeric, names);
                return;
            }
        }
        for (int k = 0; k < parts; k++) {
            if (errors[k] != null) {
                // Line numbers in a part count from its start; add the lines before it.
                long before = line + countLines(pos, cut[k]) - 1;
                DataFormatException e = errors[k];
                throw new DataFormatException(source, before + e.line(), e.column(), e.getMessage());
            }
            for (int c = 0; c < builders.length; c++) {
                builders[c].addAll(partBuilders[k][c]);
            }
        }
    }

    private long countLines(int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                n++;
            }
        }
        return n;
    }


    private void parseRows(ColumnBuilder[] builders, boolean[] numeric, List<String> names) {
        int cols = builders.length;
        while (hasRow()) {
            long at = line;
            int n = nextRow();
            checkWidth(n, cols, at);
            for (int c = 0; c < cols; c++) {
                if (numeric[c]) {
                    double v = cellQuoted[c]
                            ? numberOf(text(c), at, names.get(c))
                            : number(bytes, cellStart[c], cellEnd[c], at, names.get(c));
                    builders[c].add(v);
                } else {
                    String s = text(c);
                    builders[c].add(s.isEmpty() ? null : s);
                }
            }
        }
    }

    private boolean[] decideTypes(List<String[]> sample, int cols) {
        boolean[] numeric = new boolean[cols];
        for (int c = 0; c < cols; c++) {
            int present = 0;
            int numbers = 0;
            for (String[] row : sample) {
                byte[] cell = row[c].getBytes(StandardCharsets.UTF_8);
                double v = NumberParser.parse(cell, 0, cell.length);
                if (NumberParser.isFailure(v)) {
                    present++;
                } else if (!Double.isNaN(v)) {
                    present++;
                    numbers++;
                }
            }
            numeric[c] = present == 0 || numbers >= NUMERIC_SHARE * present;
        }
        return numeric;
    }

    private double numberOf(String s, long at, String column) {
        byte[] cell = s.getBytes(StandardCharsets.UTF_8);
        return number(cell, 0, cell.length, at, column);
    }

    private double number(byte[] b, int from, int to, long at, String column) {
        double v = NumberParser.parse(b, from, to);
        if (NumberParser.isFailure(v)) {
            String text = new String(b, from, to - from, StandardCharsets.UTF_8);
            throw new DataFormatException(source, at, column, "'" + abbreviate(text)
                    + "' is not a number, but the column holds numbers; fix the value, leave it empty for missing,"
                    + " or leave the column out with --exclude");
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private void checkWidth(int n, int cols, long at) {
        if (n != cols) {
            throw new DataFormatException(source, at, null, "the row has " + n + " fields but the header has "
                    + cols + "; every row needs one value per header column (quote values that contain commas)");
        }
    }

    private boolean onlyWhitespace() {
        for (int i = pos; i < limit; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Skips blank lines; true when a row follows. */
    private boolean hasRow() {
        while (pos < limit && (bytes[pos] == '\n' || bytes[pos] == '\r')) {
            if (bytes[pos] == '\n') {
                line++;
            }
            pos++;
        }
        return pos < limit;
    }

    /** Splits the next row into cell spans; returns the cell count. */
    private int nextRow() {
        int n = 0;
        byte[] b = bytes;
        int len = limit;
        while (true) {
            if (n == cellStart.length) {
                cellStart = Arrays.copyOf(cellStart, n * 2);
                cellEnd = Arrays.copyOf(cellEnd, n * 2);
                cellQuoted = Arrays.copyOf(cellQuoted, n * 2);
            }
            if (pos < len && b[pos] == '"') {
                sawQuote = true;
                long startLine = line;
                int start = ++pos;
                while (true) {
                    if (pos >= len) {
                        throw new DataFormatException(source, startLine, null,
                                "a quoted value is never closed; add the closing '\"'");
                    }
                    if (b[pos] == '"') {
                        if (pos + 1 < len && b[pos + 1] == '"') {
                            pos += 2;
                            continue;
                        }
                        break;
                    }
                    if (b[pos] == '\n') {
                        line++;
                    }
                    pos++;
                }
                cellStart[n] = start;
                cellEnd[n] = pos;
                cellQuoted[n] = true;
                pos++;
                while (pos < len && b[pos] != ',' && b[pos] != '\n' && b[pos] != '\r') {
                    pos++;
                }
            } else {
                int start = pos;
                while (pos < len && b[pos] != ',' && b[pos] != '\n' && b[pos] != '\r') {
                    pos++;
                }
                cellStart[n] = start;
                cellEnd[n] = pos;
                cellQuoted[n] = false;
            }
            n++;
            if (pos < len && b[pos] == ',') {
                pos++;
                continue;
            }
            if (pos < len && b[pos] == '\r') {
                pos++;
            }
            if (pos < len && b[pos] == '\n') {
                pos++;
                line++;
            }
            return n;
        }
    }

    private String text(int c) {
        String s = new String(bytes, cellStart[c], cellEnd[c] - cellStart[c], StandardCharsets.UTF_8);
        return cellQuoted[c] ? s.replace("\"\"", "\"") : s.trim();
    }
}
