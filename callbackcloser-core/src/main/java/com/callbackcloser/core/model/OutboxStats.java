package com.callbackcloser.core.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The outbox at a glance, for health checks and gauges.
 *
 * @param oldestDueAt when the longest-waiting due message became due (null: none is due)
 * @param stuck messages SENDING for longer than a lease: their worker died or Twilio never answered
 */
public record OutboxStats(int queued, int due, Instant oldestDueAt, int sending, int stuck, int failedLastHour) {

    /** How long the oldest due message has waited; zero when none is due. */
    public Duration oldestDueAge(Instant now) {
        return oldestDueAt == null || oldestDueAt.isAfter(now) ? Duration.ZERO : Duration.between(oldestDueAt, now);
    }
}
