package com.callbackcloser.core.model;

import java.util.Locale;
import java.util.Optional;

public enum PlanTier {
    FREE,
    STARTER,
    PRO;

    private static final String MANUAL_PREFIX = "manual:";

    public String displayName() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /**
     * The price id an operator stores for a plan given by hand (a trial, a comp account, development without
     * Stripe). It cannot collide with Stripe's {@code price_...} ids, and a later Stripe event replaces it.
     */
    public String manualPriceId() {
        return MANUAL_PREFIX + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PlanTier> fromManualPriceId(String priceId) {
        if (priceId == null || !priceId.startsWith(MANUAL_PREFIX)) {
            return Optional.empty();
        }
        for (PlanTier tier : values()) {
            if (tier.manualPriceId().equals(priceId)) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }
}
