package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.SubscriptionStatus;
import java.util.Objects;

/** What one Stripe event changes; a null id or price leaves the stored one as it is. */
public record SubscriptionChange(SubscriptionStatus status, String customerId, String subscriptionId, String priceId) {
    public SubscriptionChange {
        Objects.requireNonNull(status, "status");
    }
}
