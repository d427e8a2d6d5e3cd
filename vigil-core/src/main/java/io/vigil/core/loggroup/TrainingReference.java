package io.vigil.core.loggroup;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * What "never seen" means for a training group. A model scores new groups against the identifiers of its whole
 * history, so a customer who signed up after the fit has an unseen key in every group until the next refit. The
 * training groups must show the detector that situation, or the first day of every new customer looks as strange as a
 * key-guessing burst. So the history is split into blocks of a day (of half the history, when that is shorter),
 * each training group is measured against the identifiers seen in the blocks before its own, and only groups with at
 * least half the history before them are trained on: earlier ones would be measured against so short a past that a
 * customer who verifies once a week would look new. A day's staleness matches a model refitted daily (see
 * {@link RefitPolicy}); a model refitted less often sees more new customers than it was trained with.
 *
 * <p>The reference is each identifier's first appearance in the history: it is seen before a group when it first
 * appeared before the start of the group's block. Read-only once built; safe from many threads.
 */
final class TrainingReference {
    static final long BLOCK_MILLIS = 7 * 86_400_000L;

    private final long start;
    private final long block;
    private final long trainFrom;
    private final FirstSeen keys;
    private final FirstSeen ips;
    private final FirstSeen countries;

    private TrainingReference(List<LogEntry> history) {
        long first = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (LogEntry e : history) {
            first = Math.min(first, e.time().toEpochMilli());
            end = Math.max(end, e.time().toEpochMilli());
        }
        this.start = first;
        long span = Math.max(2, end - start + 1);
        this.block = Math.max(1, Math.min(BLOCK_MILLIS, span / 2));
        long half = span / 2;
        this.trainFrom = start + (half + block - 1) / block * block;
        this.keys = new FirstSeen(history, LogEntry::key);
        this.ips = new FirstSeen(history, LogEntry::ip);
        this.countries = new FirstSeen(history, LogEntry::country);
    }

    /** The reference for a non-empty {@code history}. */
    static TrainingReference of(List<LogEntry> history) {
        return new TrainingReference(history);
    }

    /** Whether a group starting at this time is trained on: it has at least half the history before it. */
    boolean trains(long groupStartMillis) {
        return groupStartMillis >= trainFrom;
    }

    GroupFeatures features(ZoneId zone) {
        return new GroupFeatures(keys, ips, countries, zone);
    }

    private long blockStart(long millis) {
        return start + Math.floorDiv(millis - start, block) * block;
    }

    /** Each identifier's first appearance. */
    private final class FirstSeen implements GroupFeatures.Familiarity {
        private final LocalIds ids = new LocalIds();
        private final long[] first;

        FirstSeen(List<LogEntry> history, Function<LogEntry, String> field) {
            ids.reset(history.size());
            long[] times = new long[history.size()];
            for (LogEntry e : history) {
                long f = FingerprintSet.fingerprint(field.apply(e));
                if (f != 0L) {
                    int before = ids.count();
                    int id = ids.id(f);
                    long t = e.time().toEpochMilli();
                    times[id] = id == before ? t : Math.min(times[id], t);
                }
            }
            this.first = times;
        }

        @Override
        public boolean known(long fingerprint, long groupStartMillis) {
            int id = ids.find(fingerprint);
            return id >= 0 && first[id] < blockStart(groupStartMillis);
        }
    }
}
