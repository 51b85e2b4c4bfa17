package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The voice webhook's memory of each business number's forwarding settings, used only while the database cannot be
 * read (docs/WEBHOOKS.md). Read at start-up and every {@code refreshInterval}, and on every call; an entry read more
 * than {@code maxAge} ago is never used.
 */
public class ForwardingCacheConfiguration {
    /** Should exceed the number of business numbers: about 200 bytes each. */
    @Min(1)
    @Max(1_000_000)
    private int maxEntries = 10_000;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration maxAge = Duration.hours(1);

    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.SECONDS)
    private Duration refreshInterval = Duration.minutes(5);

    @ValidationMethod(message = "forwardingCache.refreshInterval must be shorter than maxAge")
    public boolean isRefreshedWithinMaxAge() {
        return refreshInterval.toMilliseconds() < maxAge.toMilliseconds();
    }

    @JsonProperty
    public int getMaxEntries() {
        return maxEntries;
    }

    @JsonProperty
    public void setMaxEntries(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @JsonProperty
    public Duration getMaxAge() {
        return maxAge;
    }

    @JsonProperty
    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    @JsonProperty
    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    @JsonProperty
    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }
}
