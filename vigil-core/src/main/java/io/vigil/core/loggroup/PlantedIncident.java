package io.vigil.core.loggroup;

import java.time.Instant;
import java.util.Set;

/**
 * An incident {@link LicenceTrafficGenerator} planted in the traffic, with the entries it consists of, so tests and
 * sample data sets know which requests (and so which groups) are anomalous.
 *
 * @param kind     what happened
 * @param start    when it began
 * @param entryIds ids of its requests; the ordinary requests interleaved with them are not included
 * @param key      the key it concerns (the failing or stolen key), null for key guessing
 */
public record PlantedIncident(Kind kind, Instant start, Set<Long> entryIds, String key) {

    public enum Kind {
        /** A customer whose verification keeps failing (expired key, machine limit), retrying every few seconds. */
        REPEATED_FAILURES,
        /** One customer's key verified from many countries and machines it was never used from. */
        STOLEN_KEY,
        /** A burst of requests with keys that were never issued, from a couple of addresses. */
        KEY_GUESSING
    }

    public PlantedIncident {
        entryIds = Set.copyOf(entryIds);
    }

    /** How many of the entries with ids in [fromId, toId] belong to this incident. */
    public int entriesBetween(long fromId, long toId) {
        int c = 0;
        for (long id : entryIds) {
            if (id >= fromId && id <= toId) {
                c++;
            }
        }
        return c;
    }
}
