package io.vigil.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's account of a JSON syntax error. Jackson's messages can embed a location of their own, which with source
 * inclusion off reads "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1,
 * column: 1]": a configuration detail that means nothing to whoever sent the body. That part becomes
 * "line 1, column 1".
 */
public final class JsonSyntax {
    private static final Pattern EMBEDDED = Pattern.compile("\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern START_MARKER = Pattern.compile("\\(start marker at line (\\d+), column (\\d+)\\)");

    private JsonSyntax() {
    }

    /** The error without Jackson's embedded source description; no location of its own (for one-line parses). */
    public static String message(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        Matcher embedded = EMBEDDED.matcher(m);
        m = embedded.replaceAll("line $1, column $2");
        return START_MARKER.matcher(m).replaceAll("(opened at line $1, column $2)");
    }

    /** {@link #message} for a JSON error, the plain message for any other failure to read. */
    public static String message(IOException e) {
        return e instanceof JsonProcessingException j ? message(j) : e.getMessage();
    }

    /** {@link #messageWithLocation} for a JSON error, the plain message for any other failure to read. */
    public static String messageWithLocation(IOException e) {
        return e instanceof JsonProcessingException j ? messageWithLocation(j) : e.getMessage();
    }

    /** {@link #message} followed by where the parser stopped, {@code (line 3, column 14)}, when it knows. */
    public static String messageWithLocation(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return message(e) + (at == null || at.getLineNr() < 1 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }
}
