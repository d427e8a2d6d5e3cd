package io.vigil.core.loggroup;

import java.util.List;
import java.util.function.Function;

/**
 * How often each identifier occurs in a model's training entries. It gives the "never seen" features of training
 * groups their meaning at scoring time: a new group's identifier is unseen when the history lacks it, so a training
 * group's identifier is unseen when no other training group has it (all its occurrences are in this group). Without
 * this leave-one-group-out reading every training group would have seen all its own identifiers, the features would
 * be constant zero in training, and any new customer's first request would look as strange as a key-guessing burst.
 * Read-only once built; safe from many threads.
 */
final class OccurrenceCounts implements GroupFeatures.Familiarity {
    private final LocalIds ids = new LocalIds();
    private final int[] counts;

    private OccurrenceCounts(List<LogEntry> entries, Function<LogEntry, String> field) {
        ids.reset(Math.max(1, entries.size()));
        int[] c = new int[Math.max(1, entries.size())];
        for (LogEntry e : entries) {
            long f = FingerprintSet.fingerprint(field.apply(e));
            if (f != 0L) {
                c[ids.id(f)]++;
            }
        }
        this.counts = c;
    }

    static OccurrenceCounts of(List<LogEntry> entries, Function<LogEntry, String> field) {
        return new OccurrenceCounts(entries, field);
    }

    @Override
    public boolean known(long fingerprint, int occurrencesInGroup) {
        int id = ids.find(fingerprint);
        return id >= 0 && counts[id] > occurrencesInGroup;
    }

    /** Features of training groups, each measured as if the rest of the training entries were its history. */
    static GroupFeatures trainingFeatures(List<LogEntry> grouped, java.time.ZoneId zone) {
        return new GroupFeatures(of(grouped, LogEntry::key), of(grouped, LogEntry::ip), of(grouped,
                LogEntry::country), zone);
    }
}
