package com.callbackcloser.core.model.legacy;

import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.Subscription;
import java.time.Instant;
import java.util.Objects;

/**
 * An old business as it is written here.
 *
 * @param ownerSubject the old owner's Clerk user id: the subject of the business's OWNER membership, so the same
 *     sign-in finds the business
 * @param subscription Stripe's customer, subscription, price and status; {@code statusChangedAt} also orders the
 *     Stripe events that arrive after the move: one created before the old app's last change is older than it
 */
public record ImportedBusiness(
        BusinessSettings settings,
        String twilioNumber,
        String twilioNumberSid,
        Instant twilioWebhooksSyncedAt,
        Subscription subscription,
        String ownerSubject,
        Instant createdAt,
        Instant updatedAt) {

    public ImportedBusiness {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(ownerSubject, "ownerSubject");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
