package io.vigil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows printed as left-aligned columns two spaces apart, the header first, for people reading a terminal. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int width;
    private int maxCell = Integer.MAX_VALUE;

    TextTable(String... header) {
        this.width = header.length;
        rows.add(header);
    }

    /** Cuts cells longer than {@code max} characters (with "..."), for listings where one long value would push
     * every other column off the screen. */
    TextTable maxCell(int max) {
        this.maxCell = Math.max(4, max);
        return this;
    }

    /** Adds a row; null cells print as "-". */
    TextTable row(Object... cells) {
        if (cells.length != width) {
            throw new IllegalArgumentException("a row needs " + width + " cells, got " + cells.length);
        }
        String[] text = new String[width];
        for (int i = 0; i < width; i++) {
            String s = cells[i] == null ? "-" : cells[i].toString();
            text[i] = s.length() > maxCell ? s.substring(0, maxCell - 3) + "..." : s;
        }
        rows.add(text);
        return this;
    }

    int size() {
        return rows.size() - 1;
    }

    void print(PrintWriter out) {
        int[] widths = new int[width];
        for (String[] r : rows) {
            for (int i = 0; i < width; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width; i++) {
                line.append(r[i]);
                if (i < width - 1) {
                    line.append(" ".repeat(widths[i] - r[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
