package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Request budgets shared by all instances. Twilio requests are limited only when they fail authentication: Twilio's
 * webhooks do not support rate limiting (error 11217), so an authenticated request is never answered 429. Stripe's
 * valid events keep a budget because Stripe retries a 429 for days; the defaults never throttle it in normal use.
 */
public class RateLimitConfiguration {
    private boolean enabled = true;

    @Valid
    @NotNull
    private Rule twilioUnauthorized = new Rule(40, Duration.seconds(60));

    @Valid
    @NotNull
    private Rule stripeInvalid = new Rule(40, Duration.seconds(60));

    @Valid
    @NotNull
    private Rule stripeValid = new Rule(3000, Duration.seconds(60));

    @Valid
    @NotNull
    private Rule billingActions = new Rule(80, Duration.seconds(60));

    /** At most {@code limit} requests per {@code window} per key. */
    public static class Rule {
        @Min(1)
        private int limit;

        @NotNull
        private Duration window;

        public Rule() {
            this(1, Duration.seconds(60));
        }

        public Rule(int limit, Duration window) {
            this.limit = limit;
            this.window = window;
        }

        @JsonProperty
        public int getLimit() {
            return limit;
        }

        @JsonProperty
        public void setLimit(int limit) {
            this.limit = limit;
        }

        @JsonProperty
        public Duration getWindow() {
            return window;
        }

        @JsonProperty
        public void setWindow(Duration window) {
            this.window = window;
        }
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
    public Rule getTwilioUnauthorized() {
        return twilioUnauthorized;
    }

    @JsonProperty
    public void setTwilioUnauthorized(Rule twilioUnauthorized) {
        this.twilioUnauthorized = twilioUnauthorized;
    }

    /**
     * No longer used (authenticated Twilio requests are never limited); still accepted so that a configuration file
     * that sets it, or {@code RATE_LIMIT_TWILIO_AUTHORIZED}, keeps starting.
     */
    @JsonProperty("twilioAuthorized")
    public void ignoreTwilioAuthorized(Rule ignored) {
        // Nothing to keep.
    }

    @JsonProperty
    public Rule getStripeInvalid() {
        return stripeInvalid;
    }

    @JsonProperty
    public void setStripeInvalid(Rule stripeInvalid) {
        this.stripeInvalid = stripeInvalid;
    }

    @JsonProperty
    public Rule getStripeValid() {
        return stripeValid;
    }

    @JsonProperty
    public void setStripeValid(Rule stripeValid) {
        this.stripeValid = stripeValid;
    }

    @JsonProperty
    public Rule getBillingActions() {
        return billingActions;
    }

    @JsonProperty
    public void setBillingActions(Rule billingActions) {
        this.billingActions = billingActions;
    }
}
