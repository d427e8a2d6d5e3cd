package io.vigil.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertCooldownTest {
    @Test
    void holdsBackFlagsForTheCooldownAfterAnAlertOnly() {
        AlertCooldown c = new AlertCooldown(2);
        assertThat(c.admit(true, 1)).isTrue();
        assertThat(c.admit(true, 2)).isFalse();
        assertThat(c.admit(true, 3)).isFalse();
        // Suppressed flags do not extend the quiet period.
        assertThat(c.admit(true, 4)).isTrue();
        assertThat(c.admit(false, 7)).isFalse();
        assertThat(c.admit(true, 8)).isTrue();
        assertThat(c.lastAlert()).isEqualTo(8);
    }

    @Test
    void zeroCooldownPassesEveryFlag() {
        AlertCooldown c = new AlertCooldown(0);
        for (int i = 1; i < 5; i++) {
            assertThat(c.admit(true, i)).isTrue();
        }
    }
}
