package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-08T06:59:00Z");
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void delaysDoubleWithinHalfToFullOfTheNominalDelay() {
        assertThat(delay(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delay(1, 0.999)).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
        assertThat(delay(2, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delay(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(delay(3, 0.5)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void delayIsCappedAtTheMaximum() {
        assertThat(delay(4, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(new RetryPolicy(100, Duration.ofSeconds(2), Duration.ofSeconds(10))
                        .nextAttempt(60, NOW, 0.0)
                        .orElseThrow())
                .isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void noRetryOnceTheAttemptsAreUsedUp() {
        assertThat(policy.nextAttempt(4, NOW, 0.3)).isPresent();
        assertThat(policy.nextAttempt(5, NOW, 0.3)).isEmpty();
    }

    private Duration delay(int attemptsMade, double jitter) {
        return Duration.between(
                NOW, policy.nextAttempt(attemptsMade, NOW, jitter).orElseThrow());
    }
}
