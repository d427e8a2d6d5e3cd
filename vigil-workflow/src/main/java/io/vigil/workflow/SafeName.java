package io.vigil.workflow;

import java.util.regex.Pattern;

/**
 * The one check every dataset, detector and run name passes before it becomes part of a path: letters, digits,
 * '_' and '-', starting with a letter or digit, at most 64 characters. No dots or separators, so no name can
 * climb out of its directory.
 */
final class SafeName {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private SafeName() {
    }

    static String check(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidWorkflowRequestException(field, field + " is required");
        }
        if (!NAME.matcher(value).matches()) {
            throw new InvalidWorkflowRequestException(field, field + " must be 1 to 64 letters, digits, '_' or '-', "
                    + "starting with a letter or digit, got '" + abbreviate(value) + "'");
        }
        return value;
    }

    static boolean valid(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
