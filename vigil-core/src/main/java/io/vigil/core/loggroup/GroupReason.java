package io.vigil.core.loggroup;

import io.vigil.core.explain.FeatureContribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Says in one sentence, in a licence vendor's terms, why a group stands out: "19 of 25 requests failed, 17 of them
 * for one key from 3 countries". The sentence describes the group's top features (largest contribution first), each
 * only where the group's value differs from the training median the explanation compares with; several features
 * about the same thing (failures, the spread of one key, never-seen identifiers, distinct counts) make one clause.
 */
public final class GroupReason {
    private GroupReason() {
    }

    static String describe(GroupStats g, List<FeatureContribution> top) {
        Set<String> clauses = new LinkedHashSet<>();
        List<String> unexplained = new ArrayList<>();
        for (FeatureContribution c : top) {
            String clause = clause(g, c);
            if (clause == null) {
                unexplained.add(c.feature());
            } else {
                clauses.add(clause);
            }
        }
        if (clauses.isEmpty()) {
            return top.isEmpty() ? "" : "Unusual combination of " + String.join(", ", unexplained);
        }
        String sentence = String.join("; ", clauses);
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String clause(GroupStats g, FeatureContribution c) {
        boolean above = c.value() > c.normalValue();
        return switch (c.feature()) {
            case "failed_requests", "max_failures_one_key", "failures_unseen_keys" ->
                    above && g.failedRequests() > 0 ? failures(g) : null;
            case "state_entropy" -> !above ? null : g.failedRequests() > 0 ? failures(g)
                    : "requests ended in " + g.distinctStates() + " different states";
            // When the key that fails most is also the one spread widest, the failure clause already says so.
            case "max_countries_one_key", "max_machines_one_key" ->
                    !above ? null : failuresNameTheSpread(g) ? failures(g) : spread(g);
            case "unseen_key_share" -> above ? unseen(g.unseenKeys(), g.distinctKeys(), "key", "keys") : null;
            case "unseen_ip_share" -> above ? unseen(g.unseenIps(), g.distinctIps(), "IP", "IPs") : null;
            case "unseen_country_share" ->
                    above ? unseen(g.unseenCountries(), g.distinctCountries(), "country", "countries") : null;
            case "distinct_keys", "distinct_machines", "distinct_ips", "distinct_countries" ->
                    above ? variety(g) : null;
            case "log10_requests_per_second" -> c.value() == c.normalValue() ? null : pace(g, c.normalValue());
            case "hour_sin", "hour_cos" -> String.format(Locale.ROOT, "at %02d:%02d, an unusual time of day",
                    (int) g.hourOfDay(), (int) (g.hourOfDay() * 60) % 60);
            default -> null;
        };
    }

    static String failures(GroupStats g) {
        StringBuilder s = new StringBuilder();
        s.append(g.failedRequests()).append(" of ").append(g.requests()).append(" requests failed");
        if (g.failuresUnseenKeys() >= 2 && g.failuresUnseenKeys() > g.maxFailuresOneKey()) {
            s.append(", ").append(them(g, g.failuresUnseenKeys())).append(" with keys never seen before");
        } else if (g.maxFailuresOneKey() >= 2) {
            s.append(", ").append(them(g, g.maxFailuresOneKey())).append(" for one key");
            if (g.failingKeyCountries() > 1) {
                s.append(" from ").append(g.failingKeyCountries()).append(" countries");
            }
            if (g.failingKeyMachines() > 1) {
                s.append(g.failingKeyCountries() > 1 ? " and " : " from ").append(g.failingKeyMachines())
                        .append(" machines");
            }
        }
        return s.toString();
    }

    private static boolean failuresNameTheSpread(GroupStats g) {
        return g.maxFailuresOneKey() >= 2 && g.failuresUnseenKeys() <= g.maxFailuresOneKey()
                && g.failingKeyCountries() == g.maxCountriesOneKey()
                && g.failingKeyMachines() == g.maxMachinesOneKey();
    }

    private static String them(GroupStats g, int part) {
        return part == g.failedRequests() ? "all of them" : part + " of them";
    }

    static String spread(GroupStats g) {
        StringBuilder s = new StringBuilder("one key was used");
        if (g.maxCountriesOneKey() > 1) {
            s.append(" from ").append(g.maxCountriesOneKey()).append(" countries");
            if (g.widestKeyMachines() > 1) {
                s.append(" and ").append(g.widestKeyMachines()).append(" machines");
            }
            if (g.maxMachinesOneKey() > g.widestKeyMachines()) {
                s.append(", another from ").append(g.maxMachinesOneKey()).append(" machines");
            }
        } else {
            s.append(" from ").append(g.maxMachinesOneKey()).append(" machines");
        }
        return s.toString();
    }

    static String unseen(int part, int whole, String one, String many) {
        return part + " of " + whole + " " + (whole == 1 ? one : many) + (part == 1 ? " was" : " were")
                + " never seen before";
    }

    static String variety(GroupStats g) {
        return g.requests() + " requests came from " + g.distinctKeys() + plural(g.distinctKeys(), " key", " keys")
                + ", " + g.distinctMachines() + plural(g.distinctMachines(), " machine", " machines")
                + ", " + g.distinctIps() + plural(g.distinctIps(), " IP", " IPs")
                + " and " + g.distinctCountries() + plural(g.distinctCountries(), " country", " countries");
    }

    /** "25 requests in 3 seconds (usually 1 minute)", the usual span read off the median rate. */
    static String pace(GroupStats g, double normalLog10Rate) {
        double usualSeconds = (g.requests() - 1) / Math.pow(10, normalLog10Rate);
        return g.requests() + " requests in " + duration(g.spanSeconds()) + " (usually "
                + duration(usualSeconds) + ")";
    }

    /** A span in words: "3 seconds", "90 minutes", "2 days". */
    public static String duration(double seconds) {
        if (seconds < 1) {
            return seconds == 0 ? "the same millisecond" : "less than a second";
        }
        long s = Math.round(seconds);
        if (s < 120) {
            return s + (s == 1 ? " second" : " seconds");
        }
        Duration d = Duration.ofSeconds(s);
        if (d.toMinutes() < 120) {
            return d.toMinutes() + " minutes";
        }
        return d.toHours() < 48 ? d.toHours() + " hours" : d.toDays() + " days";
    }

    private static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }
}
