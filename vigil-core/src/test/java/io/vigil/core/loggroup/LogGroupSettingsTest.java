package io.vigil.core.loggroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.core.detect.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogGroupSettingsTest {

    @Test
    void defaultsFollowTheVendorsModule() {
        LogGroupSettings d = LogGroupSettings.defaults();
        assertThat(d.groupSize()).isEqualTo(25);
        assertThat(d.detector()).isEqualTo("auto");
        assertThat(d.perProduct()).isFalse();
    }

    @Test
    void jsonRoundTripsIncludingTheAutomaticThreshold() {
        LogGroupSettings s = LogGroupSettings.defaults().withGroupSize(50).withPerProduct(true)
                .withDetector("isolation_forest", Map.of("n_estimators", 50)).withContamination(Double.NaN)
                .withSeed(11).withHistoryLimit(1000).withZone(ZoneId.of("Europe/Stockholm"));
        assertThat(s.toJson()).containsEntry("contamination", "auto");
        assertThat(LogGroupSettings.fromJson(s.toJson())).isEqualTo(s);
        assertThat(LogGroupSettings.fromJson(Map.of())).isEqualTo(LogGroupSettings.defaults());
    }

    @Test
    void refusesInvalidValuesNamingTheParameter() {
        LogGroupSettings d = LogGroupSettings.defaults();
        assertThatThrownBy(() -> d.withGroupSize(1)).isInstanceOf(InvalidParameterException.class)
                .hasMessage("group_size must be between 2 and 10000, got 1");
        assertThatThrownBy(() -> d.withContamination(0.7)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("contamination");
        assertThatThrownBy(() -> d.withHistoryLimit(0)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("history_limit must be greater than 0");
        assertThatThrownBy(() -> LogGroupSettings.fromJson(Map.of("zone", "Mars/Olympus")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("zone");
        assertThatThrownBy(() -> LogGroupSettings.fromJson(Map.of("group_size", "many")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("group_size must be a number");
    }

    @Test
    void refitPolicyIsDueByAgeOrVolume() {
        RefitPolicy weekly = RefitPolicy.every(Duration.ofDays(7), 1000);
        Instant fitted = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(weekly.due(null, new RefitPolicy.Usage(fitted, fitted.plus(Duration.ofDays(6)), 999, 40, 0)))
                .isFalse();
        assertThat(weekly.due(null, new RefitPolicy.Usage(fitted, fitted.plus(Duration.ofDays(7)), 0, 0, 0)))
                .isTrue();
        assertThat(weekly.due(null, new RefitPolicy.Usage(fitted, fitted, 1000, 40, 0))).isTrue();
        assertThat(RefitPolicy.never().due(null, new RefitPolicy.Usage(fitted, fitted.plus(Duration.ofDays(999)),
                Long.MAX_VALUE, 1, 1))).isFalse();
        assertThatThrownBy(() -> RefitPolicy.every(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RefitPolicy.Usage(fitted, fitted, 0, 200, 10).flaggedShare()).isEqualTo(0.05);
    }
}
