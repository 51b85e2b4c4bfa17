package com.callbackcloser.core.model;

import java.util.Locale;

public enum SubscriptionStatus {
    INACTIVE,
    ACTIVE,
    PAST_DUE,
    CANCELED;

    /** Stripe's subscription status as ours: anything we do not know (incomplete, paused, ...) is INACTIVE. */
    public static SubscriptionStatus fromStripe(String stripeStatus) {
        if (stripeStatus == null) {
            return INACTIVE;
        }
        return switch (stripeStatus.strip().toLowerCase(Locale.ROOT)) {
            case "active", "trialing" -> ACTIVE;
            case "past_due", "unpaid" -> PAST_DUE;
            case "canceled" -> CANCELED;
            default -> INACTIVE;
        };
    }
}
