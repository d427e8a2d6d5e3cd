package io.vigil.monitor.logs;

import io.vigil.core.detect.InvalidParameterException;

/**
 * One page of the log explorer, as the licensing vendor's "get Web API log" call reads it: entries with ids
 * after {@code startingAfter} and before {@code endingBefore}, oldest or newest first, at most {@code limit}.
 *
 * @param limit          entries per page, 1 to {@value #MAX_LIMIT}
 * @param startingAfter  only ids greater than this; null for no lower bound
 * @param endingBefore   only ids less than this; null for no upper bound
 * @param descending     newest first (ids descending) instead of oldest first
 * @param key            only entries with this licence key (matched through its pseudonym); null for any
 * @param product        only entries of this product (matched through its pseudonym); null for any
 * @param anomalousOnly  only entries that are part of a flagged group
 */
public record LogQuery(int limit, Long startingAfter, Long endingBefore, boolean descending, String key,
                       String product, boolean anomalousOnly) {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 1000;

    public LogQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got "
                    + limit);
        }
        if (startingAfter != null && startingAfter < 0) {
            throw new InvalidParameterException("starting_after", "starting_after must be an entry id of at least 0, "
                    + "got " + startingAfter);
        }
        if (endingBefore != null && endingBefore < 1) {
            throw new InvalidParameterException("ending_before", "ending_before must be an entry id of at least 1, "
                    + "got " + endingBefore);
        }
    }

    /** The newest 25 entries. */
    public static LogQuery latest() {
        return new LogQuery(DEFAULT_LIMIT, null, null, true, null, null, false);
    }
}
