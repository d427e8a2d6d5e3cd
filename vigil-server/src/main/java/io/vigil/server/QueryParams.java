package io.vigil.server;

import io.javalin.http.Context;

/** Query-string values checked once, with messages that name the parameter and its rule. */
final class QueryParams {
    private QueryParams() {
    }

    /** An integer in [min, max], or {@code fallback} when absent or blank. */
    static int intBetween(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the rule.
        }
        throw new InvalidRequestException(name, name + " must be an integer between " + min + " and " + max
                + ", not '" + raw + "'");
    }
}
