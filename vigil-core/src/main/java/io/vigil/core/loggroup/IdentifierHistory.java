package io.vigil.core.loggroup;

import java.util.List;
import java.util.Map;

/**
 * The keys, IPs and countries a model saw in its training groups, as fingerprint sets, for the "never seen" features.
 * Each set holds at most {@code limit} values: when the history has more, the most recently seen are kept (the log
 * is walked from its newest entry back), since a key last used months ago says little about today's traffic. At
 * the default limit of a million per set the three sets take at most about 50 MB in memory and 32 MB in a model
 * file. Entries are expected pseudonymised: the sets then hold fingerprints of pseudonyms, never raw identifiers.
 */
final class IdentifierHistory {
    private final FingerprintSet keys;
    private final FingerprintSet ips;
    private final FingerprintSet countries;

    IdentifierHistory(FingerprintSet keys, FingerprintSet ips, FingerprintSet countries) {
        this.keys = keys;
        this.ips = ips;
        this.countries = countries;
    }

    static IdentifierHistory of(List<LogEntry> entries, int limit) {
        LocalIds keys = new LocalIds();
        LocalIds ips = new LocalIds();
        LocalIds countries = new LocalIds();
        int n = entries.size();
        keys.reset(Math.min(n, limit));
        ips.reset(Math.min(n, limit));
        countries.reset(Math.min(n, limit));
        for (int i = n - 1; i >= 0; i--) {
            LogEntry e = entries.get(i);
            add(keys, FingerprintSet.fingerprint(e.key()), limit);
            add(ips, FingerprintSet.fingerprint(e.ip()), limit);
            add(countries, FingerprintSet.fingerprint(e.country()), limit);
        }
        return new IdentifierHistory(FingerprintSet.of(keys.values()), FingerprintSet.of(ips.values()),
                FingerprintSet.of(countries.values()));
    }

    private static void add(LocalIds set, long fingerprint, int limit) {
        if (fingerprint != 0L && set.count() < limit) {
            set.id(fingerprint);
        }
    }

    FingerprintSet keys() {
        return keys;
    }

    FingerprintSet ips() {
        return ips;
    }

    FingerprintSet countries() {
        return countries;
    }

    Map<String, Object> state() {
        return Map.of("keys", keys.encode(), "ips", ips.encode(), "countries", countries.encode(),
                "key_count", keys.size(), "ip_count", ips.size(), "country_count", countries.size());
    }

    static IdentifierHistory fromState(Map<String, ?> state) {
        return new IdentifierHistory(FingerprintSet.decode((String) state.get("keys")),
                FingerprintSet.decode((String) state.get("ips")),
                FingerprintSet.decode((String) state.get("countries")));
    }
}
