package io.vigil.core.loggroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.explain.FeatureContribution;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupReasonTest {

    /** A group of 25 with the given counts; what is not given is one key, one machine, one country, no failures. */
    private static GroupStats group(int failed, int maxFailuresOneKey, int failingKeyCountries, int failingKeyMachines,
                                    int failuresUnseen, int keys, int unseenKeys, int maxCountries, int maxMachines,
                                    int widestMachines, double span) {
        return new GroupStats(25, failed, maxFailuresOneKey, failingKeyCountries, failingKeyMachines, failuresUnseen,
                keys, 20, 18, 4, maxCountries, maxMachines, widestMachines, unseenKeys, 2, 1, 2, 0.5, span, 3.5);
    }

    private static FeatureContribution top(String feature, double value, double normal) {
        return new FeatureContribution(feature, 0.3, value, normal);
    }

    @Test
    void failuresConcentratedOnOneKeyFromSeveralCountries() {
        GroupStats g = group(19, 17, 3, 1, 0, 12, 0, 3, 1, 1, 60);
        String reason = GroupReason.describe(g, List.of(top("failed_requests", 19, 0),
                top("max_failures_one_key", 17, 0), top("max_countries_one_key", 3, 1)));
        assertThat(reason).isEqualTo("19 of 25 requests failed, 17 of them for one key from 3 countries");
    }

    @Test
    void aSpreadKeyOtherThanTheFailingOneGetsItsOwnClause() {
        GroupStats g = group(4, 2, 1, 1, 0, 12, 0, 5, 6, 6, 60);
        String reason = GroupReason.describe(g, List.of(top("max_machines_one_key", 6, 1),
                top("failed_requests", 4, 0)));
        assertThat(reason).isEqualTo("One key was used from 5 countries and 6 machines; "
                + "4 of 25 requests failed, 2 of them for one key");
    }

    @Test
    void aCustomerFailingOnTwoMachines() {
        GroupStats g = group(8, 8, 1, 2, 0, 15, 0, 1, 2, 2, 60);
        assertThat(GroupReason.describe(g, List.of(top("max_failures_one_key", 8, 0))))
                .isEqualTo("8 of 25 requests failed, all of them for one key from 2 machines");
    }

    @Test
    void keyGuessing() {
        GroupStats g = group(23, 1, 1, 1, 23, 24, 23, 1, 1, 1, 20);
        String reason = GroupReason.describe(g, List.of(top("failures_unseen_keys", 23, 0),
                top("unseen_key_share", 23.0 / 24, 0), top("failed_requests", 23, 0)));
        assertThat(reason).isEqualTo("23 of 25 requests failed, all of them with keys never seen before; "
                + "23 of 24 keys were never seen before");
    }

    @Test
    void stolenKeySpreadAndPace() {
        GroupStats g = group(0, 0, 0, 0, 0, 10, 0, 6, 9, 9, 3);
        String reason = GroupReason.describe(g, List.of(top("max_countries_one_key", 6, 1),
                top("max_machines_one_key", 9, 1), top("log10_requests_per_second", Math.log10(8),
                        Math.log10(24.0 / 60))));
        assertThat(reason).isEqualTo("One key was used from 6 countries and 9 machines; "
                + "25 requests in 3 seconds (usually 60 seconds)");
    }

    @Test
    void featuresAtTheirNormalValueAreNotDescribedAsTheReason() {
        GroupStats g = group(0, 0, 0, 0, 0, 10, 0, 1, 1, 1, 60);
        assertThat(GroupReason.describe(g, List.of(top("distinct_keys", 10, 10), top("failed_requests", 0, 0))))
                .isEqualTo("Unusual combination of distinct_keys, failed_requests");
        assertThat(GroupReason.describe(g, List.of(top("hour_sin", 0.7, 0))))
                .isEqualTo("At 03:30, an unusual time of day");
        assertThat(GroupReason.describe(g, List.of())).isEmpty();
    }

    @Test
    void singularNounsForSingleValues() {
        assertThat(GroupReason.unseen(1, 1, "country", "countries")).isEqualTo("1 of 1 country was never seen before");
        GroupStats one = new GroupStats(2, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 2, 1.0, 150, 12);
        assertThat(GroupReason.failures(one)).isEqualTo("1 of 2 requests failed");
        assertThat(GroupReason.variety(one)).isEqualTo("2 requests came from 1 key, 1 machine, 1 IP and 1 country");
        assertThat(GroupReason.duration(150)).isEqualTo("2 minutes");
        assertThat(GroupReason.duration(3 * 3600)).isEqualTo("3 hours");
    }
}
