package io.vigil.core.loggroup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The keys, IPs and countries seen in entries scored since a model was fitted: what the model's history would hold
 * had it been fitted just now. The group features count an identifier as never seen only in the first group it
 * appears in, in training and in scoring alike, so a new customer's key stands out once, not in every group until
 * the next refit; this set carries that knowledge from one scoring batch to the next. The service keeps one per
 * model, hands it to every {@link LogGroupModel#score(List, boolean, SeenIdentifiers)} call, starts a fresh one at
 * each refit, and after a restart rebuilds it with {@link #observe} from the log after the model's
 * {@link LogGroupModel#lastTrainingEntryId()}. It holds fingerprints of (pseudonymised) identifiers only, at most
 * {@code limit} per kind; beyond that, further identifiers are not remembered and count as new again.
 *
 * <p>Thread-safe.
 */
public final class SeenIdentifiers {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final FirstAppearance keys = new FirstAppearance();
    private final FirstAppearance ips = new FirstAppearance();
    private final FirstAppearance countries = new FirstAppearance();
    private final int limit;

    public SeenIdentifiers(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be greater than 0, got " + limit);
        }
        this.limit = limit;
    }

    /** Remembers the identifiers of {@code entries}. */
    public void observe(List<LogEntry> entries) {
        lock.writeLock().lock();
        try {
            for (LogEntry e : entries) {
                add(keys, e.key(), e.id());
                add(ips, e.ip(), e.id());
                add(countries, e.country(), e.id());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void add(FirstAppearance set, String value, long id) {
        if (set.size() < limit) {
            set.add(FingerprintSet.fingerprint(value), id);
        }
    }

    /** How many keys, IPs and countries are remembered. */
    public Map<String, Integer> sizes() {
        lock.readLock().lock();
        try {
            return Map.of("keys", keys.size(), "ips", ips.size(), "countries", countries.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code reading} while no one adds, so that lookups see one consistent state. */
    <T> T whileReading(java.util.function.Supplier<T> reading) {
        lock.readLock().lock();
        try {
            return reading.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean knownKey(long fingerprint) {
        return keys.firstId(fingerprint) != FirstAppearance.NEVER;
    }

    boolean knownIp(long fingerprint) {
        return ips.firstId(fingerprint) != FirstAppearance.NEVER;
    }

    boolean knownCountry(long fingerprint) {
        return countries.firstId(fingerprint) != FirstAppearance.NEVER;
    }
}
