package io.vigil.monitor.logs;

import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.StateMapping;
import io.vigil.monitor.traffic.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a CSV log (RFC 4180: commas, double quotes, quotes doubled inside quoted cells) whose header names the
 * fields of {@link LogJson}: {@code time} and {@code state} are required columns, the text fields optional, and a
 * column {@code attributes.NAME} fills attribute NAME. An empty cell is an absent value. A data row that does not
 * parse is reported with its position (data rows count from 0) and field; the other rows still parse.
 */
public final class LogCsv {
    private LogCsv() {
    }

    /**
     * @throws IllegalArgumentException when the header is missing, repeats a column, names an unknown field or
     *                                  lacks time or state
     */
    public static ParsedLogs parse(byte[] body, StateMapping states) {
        List<List<String>> rows = rows(new String(body, StandardCharsets.UTF_8));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the CSV file is empty; its first line must name the fields");
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (header.indexOf(name) != c) {
                throw new IllegalArgumentException("CSV column " + name + " appears twice in the header");
            }
            boolean attribute = name.startsWith("attributes.") && name.length() > "attributes.".length();
            if (!attribute && (!LogJson.FIELDS.contains(name) || name.equals("attributes"))) {
                throw new IllegalArgumentException("CSV column '" + name + "': " + LogJson.unknown(name).getMessage()
                        + " (attributes go in columns named attributes.NAME)");
            }
        }
        for (String required : List.of("time", "state")) {
            if (!header.contains(required)) {
                throw new IllegalArgumentException("the CSV header needs a " + required + " column");
            }
        }
        List<LogEntry> entries = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<RejectedRecord> errors = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            int index = r - 1;
            List<String> row = rows.get(r);
            try {
                entries.add(entry(header, row, states));
                positions.add(index);
            } catch (LogJson.FieldException e) {
                errors.add(new RejectedRecord(index, e.field, e.getMessage()));
            }
        }
        return new ParsedLogs(entries, positions, errors);
    }

    private static LogEntry entry(List<String> header, List<String> row, StateMapping states) {
        if (row.size() != header.size()) {
            throw new LogJson.FieldException("row", "the row has " + row.size() + " cells; the header names "
                    + header.size());
        }
        String[] text = new String[LogJson.TEXT_FIELDS.size()];
        Map<String, String> attributes = new LinkedHashMap<>();
        String time = null;
        String state = null;
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            String value = row.get(c).isEmpty() ? null : row.get(c);
            if (name.equals("time")) {
                time = value;
            } else if (name.equals("state")) {
                state = value;
            } else if (name.startsWith("attributes.")) {
                if (value != null) {
                    attributes.put(name.substring("attributes.".length()), value);
                }
            } else {
                text[LogJson.textIndex(name)] = value;
            }
        }
        if (time == null) {
            throw new LogJson.FieldException("time", "time is required (ISO-8601 or epoch milliseconds)");
        }
        if (state == null) {
            throw new LogJson.FieldException("state", "state is required: the integer outcome code the server logged");
        }
        return LogJson.entry(LogJson.time(time), LogJson.state(state), text, attributes, states);
    }

    /** Splits the text into rows of cells; blank lines are skipped. */
    static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, row, cell, any);
                row = new ArrayList<>();
                any = false;
            } else {
                cell.append(ch);
                any = true;
            }
        }
        endRow(rows, row, cell, any);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder cell, boolean any) {
        if (any || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        cell.setLength(0);
    }
}
