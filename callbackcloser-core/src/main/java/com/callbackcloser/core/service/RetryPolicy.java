package com.callbackcloser.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code initialDelay * 2^(n-1)} (capped at {@code maxDelay}), so workers that failed together do not all
 * come back together, and none retries sooner than half the nominal delay.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    /**
     * When to try again after {@code attemptsMade} attempts failed, or empty when they are used up.
     *
     * @param jitter a number in [0, 1)
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant now, double jitter) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration nominal = initialDelay;
        for (int i = 1; i < attemptsMade && nominal.compareTo(maxDelay) < 0; i++) {
            nominal = nominal.multipliedBy(2);
        }
        if (nominal.compareTo(maxDelay) > 0) {
            nominal = maxDelay;
        }
        long nominalMillis = nominal.toMillis();
        long delayMillis = nominalMillis / 2 + (long) (jitter * (nominalMillis - nominalMillis / 2));
        return Optional.of(now.plusMillis(delayMillis));
    }
}
