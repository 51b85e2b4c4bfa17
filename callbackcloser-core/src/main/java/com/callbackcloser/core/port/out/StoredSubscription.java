package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.Subscription;
import java.util.Objects;
import java.util.UUID;

/**
 * A business's subscription as stored, with the number of times a Stripe event stored it: an event that read
 * version n before fetching from Stripe stores what it fetched only while the version is still n.
 */
public record StoredSubscription(UUID businessId, Subscription subscription, long version) {
    public StoredSubscription {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(subscription, "subscription");
    }
}
