package io.vigil.monitor.logs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vigil.core.json.JsonSyntax;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.StateMapping;
import io.vigil.monitor.traffic.RejectedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of an NDJSON body: lines end at {@code \n} (a {@code \r} before it is whitespace), blank lines are
 * skipped and do not count, and each other line must hold exactly one JSON object; a line that does not is
 * rejected on its own with its position (non-blank lines count from 0) and the rest still parse.
 *
 * <p>Each line is parsed once. One parser reads the body for as long as every line holds one object and nothing
 * else, which costs a fraction of a parser per line; a line where that does not hold (broken JSON, two values, an
 * object running onto the next line, a value that is not an object) is read again on its own, together with any
 * later line that parser had already read into, so its error is the one a parser of that line alone reports. The
 * single parser then starts again on the line after.
 */
final class NdjsonLines {
    private final byte[] body;
    private final StateMapping states;
    private final List<LogEntry> entries = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private final List<RejectedRecord> errors = new ArrayList<>();
    /** The position of the next non-blank line. */
    private int index;

    private NdjsonLines(byte[] body, StateMapping states) {
        this.body = body;
        this.states = states;
    }

    static ParsedLogs parse(byte[] body, StateMapping states) {
        NdjsonLines lines = new NdjsonLines(body, states);
        if (lines.byteOrderMarkAlone()) {
            // A parser of the whole body skips the mark and finds nothing, so this has never been a rejected line.
            return new ParsedLogs(List.of(), List.of(), List.of());
        }
        int from = 0;
        while (from < body.length) {
            from = lines.readWhileWellFormed(from);
        }
        return new ParsedLogs(lines.entries, lines.positions, lines.errors);
    }

    /**
     * Reads lines from {@code from}, which starts a line, with one parser until the body ends or a line is not one
     * object alone; returns where the next run starts (the body's length at its end).
     */
    private int readWhileWellFormed(int from) {
        if (!readsPlainUtf8(from)) {
            return readAlone(from, from + 1);
        }
        int unread = from;
        try (JsonParser p = LogJson.MAPPER.getFactory().createParser(body, from, body.length - from)) {
            while (true) {
                int lineEnd;
                LogEntry entry = null;
                LogJson.FieldException rejected = null;
                try {
                    JsonToken t = p.nextToken();
                    if (t == null) {
                        return body.length;
                    }
                    if (t != JsonToken.START_OBJECT) {
                        return readAlone(unread, from + (int) p.currentLocation().getByteOffset());
                    }
                    int line = p.currentTokenLocation().getLineNr();
                    try {
                        entry = LogJson.readEntry(p, states);
                    } catch (LogJson.FieldException e) {
                        rejected = e;
                    }
                    JsonLocation close = p.currentTokenLocation();
                    int after = from + (int) close.getByteOffset() + 1;
                    lineEnd = endOfSpaces(after);
                    // Jackson's lines end at \n, \r\n and a lone \r: an object on one of them holds no break.
                    if (close.getLineNr() != line || (lineEnd < body.length && body[lineEnd] != '\n')) {
                        return readAlone(unread, after);
                    }
                } catch (IOException e) {
                    return readAlone(unread, from + (int) p.currentLocation().getByteOffset());
                }
                add(entry, rejected);
                unread = lineEnd + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing a parser over a byte array failed", e);
        }
    }

    /**
     * Reads each line from {@code from} on its own up to the one holding byte {@code readTo - 1} (at least one
     * line), the bytes the single parser has read; returns the start of the line after.
     */
    private int readAlone(int from, int readTo) {
        int start = from;
        do {
            int end = lineEnd(start);
            readLine(start, end);
            start = end + 1;
        } while (start < readTo);
        return Math.min(start, body.length);
    }

    /** Reads the line {@code [from, to)} with a parser of its own, as the one entry it must hold. */
    private void readLine(int from, int to) {
        if (blank(from, to)) {
            return;
        }
        LogEntry entry = null;
        LogJson.FieldException rejected = null;
        try (JsonParser p = LogJson.MAPPER.getFactory().createParser(body, from, to - from)) {
            p.nextToken();
            try {
                entry = LogJson.readEntry(p, states);
            } catch (LogJson.FieldException e) {
                rejected = e;
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "a line must hold one JSON object");
            }
        } catch (IOException e) {
            String detail = JsonSyntax.message(e);
            entry = null;
            rejected = new LogJson.FieldException("body", "line is not valid JSON: " + detail);
        }
        add(entry, rejected);
    }

    private void add(LogEntry entry, LogJson.FieldException rejected) {
        if (rejected != null) {
            errors.add(new RejectedRecord(index, rejected.field, rejected.getMessage()));
        } else {
            entries.add(entry);
            positions.add(index);
        }
        index++;
    }

    /**
     * Whether a parser started at {@code from} reads plain UTF-8, so that its offsets are byte offsets and it skips
     * nothing a parser of the line alone would not: Jackson takes a zero byte or a UTF-16 byte order mark in the
     * first two bytes for UTF-16 or UTF-32, and skips a UTF-8 byte order mark only when the line is long enough. A
     * line starting so is read alone, as it always was when a body had a broken line.
     */
    private boolean readsPlainUtf8(int from) {
        if (from + 1 >= body.length) {
            return true;
        }
        int b0 = body[from] & 0xFF;
        int b1 = body[from + 1] & 0xFF;
        return b0 != 0 && b1 != 0 && !(b0 == 0xFE && b1 == 0xFF) && !(b0 == 0xFF && b1 == 0xFE)
                && !(b0 == 0xEF && b1 == 0xBB);
    }

    /**
     * Whether the body is a UTF-8 byte order mark and JSON whitespace, nothing else; Jackson looks for the mark only
     * in a body of four bytes or more.
     */
    private boolean byteOrderMarkAlone() {
        if (body.length < 4 || (body[0] & 0xFF) != 0xEF || (body[1] & 0xFF) != 0xBB || (body[2] & 0xFF) != 0xBF) {
            return false;
        }
        for (int i = 3; i < body.length; i++) {
            if (body[i] != '\n' && endOfSpaces(i) == i) {
                return false;
            }
        }
        return true;
    }

    /** The end of the line holding byte {@code at}: its {@code \n}, or the body's end. */
    private int lineEnd(int at) {
        int i = at;
        while (i < body.length && body[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The first byte from {@code from} that is not whitespace within a line (space, tab, \r), or the body's end. */
    private int endOfSpaces(int from) {
        int i = from;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** Blank as the per-line reading has always judged it: any whitespace character, not only JSON's. */
    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(body[i])) {
                return false;
            }
        }
        return true;
    }
}
