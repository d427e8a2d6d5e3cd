package io.vigil.core.loggroup;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Measures groups of consecutive log entries against what was seen before them: one pass over the group's
 * entries, numbering keys, machines, IPs, countries and states with small per-thread tables, then a pass over the
 * distinct keys. Immutable and thread-safe; the scratch tables are per thread.
 */
final class GroupFeatures {
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Whether an identifier counts as seen before the group whose first entry has the given id. */
    @FunctionalInterface
    interface Familiarity {
        boolean known(long fingerprint, long groupFirstId);
    }

    private final Familiarity keys;
    private final Familiarity ips;
    private final Familiarity countries;
    private final ZoneRules zone;

    GroupFeatures(Familiarity keys, Familiarity ips, Familiarity countries, ZoneId zone) {
        this.keys = keys;
        this.ips = ips;
        this.countries = countries;
        this.zone = zone.getRules();
    }

    /**
     * For training groups: an identifier is new to a group when it first appears in the history at or after the
     * group's first entry, as it would be had the model been fitted just before the group.
     */
    static GroupFeatures forTraining(List<LogEntry> history, ZoneId zone) {
        FirstAppearance keys = FirstAppearance.of(history, LogEntry::key);
        FirstAppearance ips = FirstAppearance.of(history, LogEntry::ip);
        FirstAppearance countries = FirstAppearance.of(history, LogEntry::country);
        return new GroupFeatures((f, g) -> keys.firstId(f) < g, (f, g) -> ips.firstId(f) < g,
                (f, g) -> countries.firstId(f) < g, zone);
    }

    /**
     * For new groups of {@code batch}: an identifier is seen when the model's history has it, {@code seen} (may be
     * null) has it, or it appears in the batch before the group. Read {@code seen} only under its read lock.
     */
    static GroupFeatures forScoring(IdentifierHistory history, SeenIdentifiers seen, List<LogEntry> batch,
                                    ZoneId zone) {
        FirstAppearance keys = FirstAppearance.of(batch, LogEntry::key);
        FirstAppearance ips = FirstAppearance.of(batch, LogEntry::ip);
        FirstAppearance countries = FirstAppearance.of(batch, LogEntry::country);
        return new GroupFeatures(
                (f, g) -> history.keys().contains(f) || keys.firstId(f) < g || seen != null && seen.knownKey(f),
                (f, g) -> history.ips().contains(f) || ips.firstId(f) < g || seen != null && seen.knownIp(f),
                (f, g) -> history.countries().contains(f) || countries.firstId(f) < g
                        || seen != null && seen.knownCountry(f), zone);
    }

    /** The statistics of entries [from, to) of {@code entries}, at least two of them. */
    GroupStats measure(List<LogEntry> entries, int from, int to) {
        int n = to - from;
        Scratch s = SCRATCH.get();
        s.reset(n);
        int failed = 0;
        long first = entries.get(from).time().toEpochMilli();
        long firstId = entries.get(from).id();
        for (int i = from; i < to; i++) {
            LogEntry e = entries.get(i);
            long key = FingerprintSet.fingerprint(e.key());
            long machine = FingerprintSet.fingerprint(e.machineCode());
            long country = FingerprintSet.fingerprint(e.country());
            long ip = FingerprintSet.fingerprint(e.ip());
            if (machine != 0L) {
                s.machines.id(machine);
            }
            if (ip != 0L) {
                s.ips.id(ip);
            }
            if (country != 0L) {
                s.countries.id(country);
            }
            // States are numbered through the same tables; the offset keeps state 0 from reading as "absent".
            int state = s.states.id(0x9E3779B97F4A7C15L ^ e.state());
            s.stateCounts[state]++;
            int k = key == 0L ? -1 : s.keys.id(key);
            if (!e.successful()) {
                failed++;
                if (k >= 0) {
                    s.failuresPerKey[k]++;
                }
            }
            if (k >= 0) {
                if (country != 0L && isNew(s.keyCountries, k, country)) {
                    s.countriesPerKey[k]++;
                }
                if (machine != 0L && isNew(s.keyMachines, k, machine)) {
                    s.machinesPerKey[k]++;
                }
            }
        }
        int keyCount = s.keys.count();
        int topFailing = -1;
        int maxCountries = 0;
        int maxMachines = 0;
        int widest = -1;
        int unseenKeys = 0;
        int failuresUnseen = 0;
        for (int k = 0; k < keyCount; k++) {
            if (s.failuresPerKey[k] > 0 && (topFailing < 0 || s.failuresPerKey[k] > s.failuresPerKey[topFailing])) {
                topFailing = k;
            }
            if (widest < 0 || s.countriesPerKey[k] > s.countriesPerKey[widest]
                    || s.countriesPerKey[k] == s.countriesPerKey[widest]
                    && s.machinesPerKey[k] > s.machinesPerKey[widest]) {
                widest = k;
            }
            maxCountries = Math.max(maxCountries, s.countriesPerKey[k]);
            maxMachines = Math.max(maxMachines, s.machinesPerKey[k]);
            if (!keys.known(s.keys.value(k), firstId)) {
                unseenKeys++;
                failuresUnseen += s.failuresPerKey[k];
            }
        }
        double entropy = 0;
        for (int st = 0; st < s.states.count(); st++) {
            double p = (double) s.stateCounts[st] / n;
            entropy -= p * Math.log(p);
        }
        entropy /= Math.log(2);
        long last = entries.get(to - 1).time().toEpochMilli();
        long middle = first + (last - first) / 2;
        int offset = zone.getOffset(java.time.Instant.ofEpochMilli(middle)).getTotalSeconds();
        long msOfDay = Math.floorMod(middle + offset * 1000L, 86_400_000L);
        return new GroupStats(n, failed, topFailing < 0 ? 0 : s.failuresPerKey[topFailing],
                topFailing < 0 ? 0 : s.countriesPerKey[topFailing], topFailing < 0 ? 0 : s.machinesPerKey[topFailing],
                failuresUnseen, keyCount, s.machines.count(), s.ips.count(), s.countries.count(), maxCountries,
                maxMachines, widest < 0 ? 0 : s.machinesPerKey[widest], unseenKeys, unseen(s.ips, ips, firstId),
                unseen(s.countries, countries, firstId),
                s.states.count(), entropy + 0.0, (last - first) / 1000.0, msOfDay / 3_600_000.0);
    }

    /** Whether the pair (key k, value) is new in {@code pairs}; pairs are numbered by a mix of both. */
    private static boolean isNew(LocalIds pairs, int k, long value) {
        int before = pairs.count();
        long mixed = value * 0x9E3779B97F4A7C15L + (k + 1) * 0xC2B2AE3D27D4EB4FL;
        pairs.id(mixed == 0L ? 1L : mixed);
        return pairs.count() > before;
    }

    private static int unseen(LocalIds group, Familiarity familiarity, long groupFirstId) {
        int c = 0;
        for (int i = 0; i < group.count(); i++) {
            if (!familiarity.known(group.value(i), groupFirstId)) {
                c++;
            }
        }
        return c;
    }

    private static final class Scratch {
        final LocalIds keys = new LocalIds();
        final LocalIds machines = new LocalIds();
        final LocalIds ips = new LocalIds();
        final LocalIds countries = new LocalIds();
        final LocalIds states = new LocalIds();
        final LocalIds keyCountries = new LocalIds();
        final LocalIds keyMachines = new LocalIds();
        int[] stateCounts = new int[0];
        int[] failuresPerKey = new int[0];
        int[] countriesPerKey = new int[0];
        int[] machinesPerKey = new int[0];

        void reset(int n) {
            keys.reset(n);
            machines.reset(n);
            ips.reset(n);
            countries.reset(n);
            states.reset(n);
            keyCountries.reset(n);
            keyMachines.reset(n);
            if (stateCounts.length < n) {
                stateCounts = new int[n];
                failuresPerKey = new int[n];
                countriesPerKey = new int[n];
                machinesPerKey = new int[n];
            } else {
                java.util.Arrays.fill(stateCounts, 0, n, 0);
                java.util.Arrays.fill(failuresPerKey, 0, n, 0);
                java.util.Arrays.fill(countriesPerKey, 0, n, 0);
                java.util.Arrays.fill(machinesPerKey, 0, n, 0);
            }
        }
    }
}
