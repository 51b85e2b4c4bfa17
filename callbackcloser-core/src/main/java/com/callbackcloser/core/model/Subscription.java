package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.Objects;

/** What Stripe last told us about a business's subscription. */
public record Subscription(
        SubscriptionStatus status, String customerId, String subscriptionId, String priceId, Instant statusChangedAt) {

    public static final Subscription NONE = new Subscription(SubscriptionStatus.INACTIVE, null, null, null, null);

    public Subscription {
        Objects.requireNonNull(status, "status");
    }

    public boolean isActive() {
        return status == SubscriptionStatus.ACTIVE;
    }
}
