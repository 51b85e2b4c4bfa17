package com.callbackcloser.core.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Outbound webhooks at a glance, for the health check.
 *
 * @param oldestDueAt when the longest-waiting due delivery became due (null: none is due)
 * @param oldestPendingAt when the oldest delivery still pending was created, retries included (null: none)
 */
public record WebhookStats(
        int pending, int due, Instant oldestDueAt, Instant oldestPendingAt, int delivering, int failedLastHour) {

    public Duration oldestDueAge(Instant now) {
        return age(oldestDueAt, now);
    }

    public Duration oldestPendingAge(Instant now) {
        return age(oldestPendingAt, now);
    }

    private static Duration age(Instant since, Instant now) {
        return since == null || since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
    }
}
