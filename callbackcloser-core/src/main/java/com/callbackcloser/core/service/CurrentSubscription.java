package com.callbackcloser.core.service;

import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.out.SubscriptionSnapshot;

/**
 * Which of a business's two Stripe subscriptions is its current one, from what Stripe says of both now (not from
 * the order their events came in): the one that serves the business better (active, then past due, then not
 * started or paused, then canceled), and of two alike the newer. An old subscription ending never replaces the
 * new one; a new one replaces an old one once it works at least as well.
 */
final class CurrentSubscription {
    private CurrentSubscription() {}

    /** Whether {@code other} becomes the business's subscription instead of the {@code stored} one. */
    static boolean replaces(SubscriptionSnapshot stored, SubscriptionSnapshot other) {
        int byStatus = Integer.compare(rank(other), rank(stored));
        if (byStatus != 0) {
            return byStatus > 0;
        }
        return other.created() != null
                && stored.created() != null
                && other.created().isAfter(stored.created());
    }

    private static int rank(SubscriptionSnapshot subscription) {
        return switch (SubscriptionStatus.fromStripe(subscription.status())) {
            case ACTIVE -> 3;
            case PAST_DUE -> 2;
            case INACTIVE -> 1;
            case CANCELED -> 0;
        };
    }
}
