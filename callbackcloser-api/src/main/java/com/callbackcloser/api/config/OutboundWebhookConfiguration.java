package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Outbound webhooks to the businesses' endpoints. The retry defaults (5 s doubling to a 1 h cap, 36 attempts)
 * keep trying for about a day (the last attempt 13 to 26 h after the first, with jitter): long enough to ride out a
 * receiver's bad night.
 */
public class OutboundWebhookConfiguration {
    /** Run the delivery workers in this instance. */
    private boolean enabled = true;

    /** Deliveries in flight at once per instance; one slow receiver holds one slot, not the queue. */
    @Min(1)
    @Max(256)
    private int concurrency = 16;

    /** The safety net when a notification is lost: how often an idle worker looks anyway. */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration pollInterval = Duration.seconds(5);

    /** Connect and answer, per attempt; a receiver should answer fast and do its work later. */
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration requestTimeout = Duration.seconds(10);

    @Min(1)
    @Max(50)
    private int maxAttempts = 36;

    @NotNull
    private Duration initialRetryDelay = Duration.seconds(5);

    @NotNull
    private Duration maxRetryDelay = Duration.hours(1);

    /** A delivery in flight for longer than this counts as abandoned (its worker died) and is sent again. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration deliveringLease = Duration.minutes(2);

    /** The health check turns unhealthy when a due delivery has waited longer than this for a worker. */
    @NotNull
    private Duration maxDueAge = Duration.minutes(5);

    /**
     * Development and tests only (ignored in production): endpoints on localhost / loopback addresses, over http
     * too, so a receiver on the developer's machine can be registered.
     */
    private boolean allowLoopbackEndpoints = false;

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
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    @JsonProperty
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
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
    public Duration getDeliveringLease() {
        return deliveringLease;
    }

    @JsonProperty
    public void setDeliveringLease(Duration deliveringLease) {
        this.deliveringLease = deliveringLease;
    }

    @JsonProperty
    public Duration getMaxDueAge() {
        return maxDueAge;
    }

    @JsonProperty
    public void setMaxDueAge(Duration maxDueAge) {
        this.maxDueAge = maxDueAge;
    }

    @JsonProperty
    public boolean isAllowLoopbackEndpoints() {
        return allowLoopbackEndpoints;
    }

    @JsonProperty
    public void setAllowLoopbackEndpoints(boolean allowLoopbackEndpoints) {
        this.allowLoopbackEndpoints = allowLoopbackEndpoints;
    }
}
