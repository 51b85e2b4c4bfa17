package com.callbackcloser.api.health;

import com.callbackcloser.core.model.OutboxStats;
import com.callbackcloser.core.service.OutboxMaintenance;
import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;

/**
 * Unhealthy when texts are not leaving: the oldest due message has waited too long (no worker is sending),
 * messages are stuck mid-send past their lease, or too many failed in the last hour.
 */
public final class OutboxHealthCheck extends HealthCheck {
    private final OutboxMaintenance outbox;
    private final Duration maxQueuedAge;
    private final int maxFailedPerHour;
    private final Clock clock;

    public OutboxHealthCheck(OutboxMaintenance outbox, Duration maxQueuedAge, int maxFailedPerHour, Clock clock) {
        this.outbox = outbox;
        this.maxQueuedAge = maxQueuedAge;
        this.maxFailedPerHour = maxFailedPerHour;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        OutboxStats stats = outbox.stats();
        Duration oldest = stats.oldestDueAge(clock.instant());
        StringBuilder problems = new StringBuilder();
        if (oldest.compareTo(maxQueuedAge) > 0) {
            problems.append("the oldest due text has waited ")
                    .append(oldest.toSeconds())
                    .append(" s (limit ")
                    .append(maxQueuedAge.toSeconds())
                    .append(" s): are the outbox workers running? ");
        }
        if (stats.stuck() > 0) {
            problems.append(stats.stuck()).append(" texts are stuck mid-send past their lease. ");
        }
        if (stats.failedLastHour() > maxFailedPerHour) {
            problems.append(stats.failedLastHour())
                    .append(" texts failed in the last hour (limit ")
                    .append(maxFailedPerHour)
                    .append("): see last_error; retry with the retry-failed-messages task. ");
        }
        HealthCheck.ResultBuilder result = problems.length() == 0
                ? Result.builder().healthy()
                : Result.builder().unhealthy().withMessage(problems.toString().strip());
        return result.withDetail("queued", stats.queued())
                .withDetail("due", stats.due())
                .withDetail("oldestDueAgeSeconds", oldest.toSeconds())
                .withDetail("sending", stats.sending())
                .withDetail("stuck", stats.stuck())
                .withDetail("failedLastHour", stats.failedLastHour())
                .build();
    }
}
