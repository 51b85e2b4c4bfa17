package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public class WebhookConfiguration {
    /**
     * Largest webhook body accepted. A Twilio SMS webhook with a 1,600-character body of emoji is under 20 KiB
     * form-encoded; anything far bigger is not from Twilio.
     */
    @NotNull
    @MinDataSize(1024)
    @MaxDataSize(10 * 1024 * 1024)
    private DataSize maxBodySize = DataSize.kibibytes(64);

    /** Stripe events are bigger (an invoice lists its lines); still capped. */
    @NotNull
    @MinDataSize(1024)
    @MaxDataSize(10 * 1024 * 1024)
    private DataSize maxStripeBodySize = DataSize.kibibytes(512);

    /** What the voice webhook forwards with while the database is down. */
    @Valid
    @NotNull
    private ForwardingCacheConfiguration forwardingCache = new ForwardingCacheConfiguration();

    /** Answers kept to answer a retried or replayed request without the database. */
    @Valid
    @NotNull
    private DuplicateAnswersConfiguration duplicateAnswers = new DuplicateAnswersConfiguration();

    @JsonProperty
    public DuplicateAnswersConfiguration getDuplicateAnswers() {
        return duplicateAnswers;
    }

    @JsonProperty
    public void setDuplicateAnswers(DuplicateAnswersConfiguration duplicateAnswers) {
        this.duplicateAnswers = duplicateAnswers;
    }

    @JsonProperty
    public ForwardingCacheConfiguration getForwardingCache() {
        return forwardingCache;
    }

    @JsonProperty
    public void setForwardingCache(ForwardingCacheConfiguration forwardingCache) {
        this.forwardingCache = forwardingCache;
    }

    @JsonProperty
    public DataSize getMaxStripeBodySize() {
        return maxStripeBodySize;
    }

    @JsonProperty
    public void setMaxStripeBodySize(DataSize maxStripeBodySize) {
        this.maxStripeBodySize = maxStripeBodySize;
    }

    @JsonProperty
    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    @JsonProperty
    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }
}
