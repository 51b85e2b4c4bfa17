package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Twilio webhook answers each instance keeps, to answer a retry or a replay of the same request from memory
 * (docs/WEBHOOKS.md). Twilio retries within 15 s, so the default ten minutes covers every retry; 10,000 small TwiML
 * documents are a few MB. {@code maxEntries: 0} turns it off (every retry then reaches the database, whose unique
 * keys make it harmless).
 */
public class DuplicateAnswersConfiguration {
    @Min(0)
    @Max(1_000_000)
    private int maxEntries = 10_000;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration maxAge = Duration.minutes(10);

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
}
