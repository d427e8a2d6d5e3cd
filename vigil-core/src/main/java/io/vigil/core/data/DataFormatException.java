package io.vigil.core.data;

/**
 * Input data that cannot be read, with where it went wrong: file, 1-based line and column (0 when the problem is
 * not tied to one). The message says what to fix.
 */
public class DataFormatException extends RuntimeException {
    private final String source;
    private final long line;
    private final String column;

    public DataFormatException(String source, long line, String column, String message) {
        super(message);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    /** The column's header name, or null. */
    public String column() {
        return column;
    }

    /** "file:line: column 'c': message", leaving out what is unknown. */
    public String location() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (column != null) {
            sb.append(": column '").append(column).append('\'');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + getMessage();
    }
}
