package io.vigil.core.loggroup;

import java.util.List;
import java.util.function.Function;

/**
 * The id of the first entry each identifier appears in: open addressing from fingerprint to id over primitive
 * arrays, growing as it fills. An identifier is new to a group when it first appears at or after the group's first
 * entry. Not thread-safe while being filled; safe to read from many threads afterwards.
 */
final class FirstAppearance {
    static final long NEVER = Long.MAX_VALUE;

    private long[] keys = new long[16];
    private long[] ids = new long[16];
    private int mask = 15;
    private int size;

    static FirstAppearance of(List<LogEntry> entries, Function<LogEntry, String> field) {
        FirstAppearance out = new FirstAppearance();
        for (LogEntry e : entries) {
            out.add(FingerprintSet.fingerprint(field.apply(e)), e.id());
        }
        return out;
    }

    /** Records that {@code fingerprint} (0 = absent, ignored) appears in entry {@code id}. */
    void add(long fingerprint, long id) {
        if (fingerprint == 0L) {
            return;
        }
        int i = slot(fingerprint);
        long s;
        while ((s = keys[i]) != 0L) {
            if (s == fingerprint) {
                ids[i] = Math.min(ids[i], id);
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = fingerprint;
        ids[i] = id;
        if (++size * 2 > mask + 1) {
            grow();
        }
    }

    /** The first entry id {@code fingerprint} appears in, or {@link #NEVER}. */
    long firstId(long fingerprint) {
        int i = slot(fingerprint);
        long s;
        while ((s = keys[i]) != 0L) {
            if (s == fingerprint) {
                return ids[i];
            }
            i = (i + 1) & mask;
        }
        return NEVER;
    }

    int size() {
        return size;
    }

    private int slot(long f) {
        return (int) (f ^ (f >>> 31)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new long[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0L) {
                int i = slot(oldKeys[j]);
                while (keys[i] != 0L) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                ids[i] = oldIds[j];
            }
        }
    }
}
