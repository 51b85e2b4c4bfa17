package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** How the outbox workers of this instance send. */
public class OutboxConfiguration {
    /** Run the workers in this instance (an instance that only serves webhooks may turn them off). */
    private boolean enabled = true;

    /** Sends in flight at once; Twilio queues per sending number on its side. */
    @Min(1)
    @Max(256)
    private int concurrency = 100;

    /** The safety net when a notification is lost: how often an idle worker looks anyway. */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration pollInterval = Duration.seconds(5);

    @Min(1)
    @Max(50)
    private int maxAttempts = 6;

    @NotNull
    private Duration initialRetryDelay = Duration.seconds(5);

    @NotNull
    private Duration maxRetryDelay = Duration.minutes(10);

    /** How long a send may stay unsettled before it counts as interrupted by a crash. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration sendingLease = Duration.minutes(2);

    /** The health check turns unhealthy when a due text has waited longer than this. */
    @NotNull
    private Duration maxQueuedAge = Duration.minutes(2);

    /** … or when more texts than this failed in the last hour. */
    @Min(0)
    private int maxFailedPerHour = 25;

    @JsonProperty
    public Duration getMaxQueuedAge() {
        return maxQueuedAge;
    }

    @JsonProperty
    public void setMaxQueuedAge(Duration maxQueuedAge) {
        this.maxQueuedAge = maxQueuedAge;
    }

    @JsonProperty
    public int getMaxFailedPerHour() {
        return maxFailedPerHour;
    }

    @JsonProperty
    public void setMaxFailedPerHour(int maxFailedPerHour) {
        this.maxFailedPerHour = maxFailedPerHour;
    }

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public int getConcurrency() {
        return concurrency;
    }

    @JsonProperty
    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    @JsonProperty
    public Duration getPollInterval() {
        return pollInterval;
    }

    @JsonProperty
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    @JsonProperty
    public int getMaxAttempts() {
        return maxAttempts;
    }

    @JsonProperty
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @JsonProperty
    public Duration getInitialRetryDelay() {
        return initialRetryDelay;
    }

    @JsonProperty
    public void setInitialRetryDelay(Duration initialRetryDelay) {
        this.initialRetryDelay = initialRetryDelay;
    }

    @JsonProperty
    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    @JsonProperty
    public void setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    @JsonProperty
    public Duration getSendingLease() {
        return sendingLease;
    }

    @JsonProperty
    public void setSendingLease(Duration sendingLease) {
        this.sendingLease = sendingLease;
    }
}
