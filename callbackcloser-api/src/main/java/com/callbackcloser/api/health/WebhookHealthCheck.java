package com.callbackcloser.api.health;

import com.callbackcloser.core.model.WebhookStats;
import com.callbackcloser.core.service.WebhookDispatcher;
import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;

/**
 * Unhealthy when outbound webhooks are not leaving: a due delivery has waited too long for a worker. Deliveries
 * waiting for a retry because a business's receiver is down are not our fault and do not count against us; their
 * age is reported (oldestPendingAgeSeconds) for whoever looks.
 */
public final class WebhookHealthCheck extends HealthCheck {
    private final WebhookDispatcher webhooks;
    private final Duration maxDueAge;
    private final Clock clock;

    public WebhookHealthCheck(WebhookDispatcher webhooks, Duration maxDueAge, Clock clock) {
        this.webhooks = webhooks;
        this.maxDueAge = maxDueAge;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        WebhookStats stats = webhooks.stats();
        Duration oldestDue = stats.oldestDueAge(clock.instant());
        HealthCheck.ResultBuilder result = oldestDue.compareTo(maxDueAge) > 0
                ? Result.builder()
                        .unhealthy()
                        .withMessage("the oldest due webhook delivery has waited " + oldestDue.toSeconds()
                                + " s (limit " + maxDueAge.toSeconds() + " s): are the webhook workers running?")
                : Result.builder().healthy();
        return result.withDetail("pending", stats.pending())
                .withDetail("due", stats.due())
                .withDetail("oldestDueAgeSeconds", oldestDue.toSeconds())
                .withDetail(
                        "oldestPendingAgeSeconds",
                        stats.oldestPendingAge(clock.instant()).toSeconds())
                .withDetail("delivering", stats.delivering())
                .withDetail("failedLastHour", stats.failedLastHour())
                .build();
    }
}
