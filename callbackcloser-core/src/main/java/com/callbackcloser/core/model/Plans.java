package com.callbackcloser.core.model;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The plans we sell: which Stripe price is which tier, how many conversations a month each allows, and the
 * zone whose calendar months are the usage periods.
 */
public record Plans(
        String starterPriceId, String proPriceId, int freeLimit, int starterLimit, int proLimit, ZoneId usageZone) {

    public static final ZoneId DEFAULT_USAGE_ZONE = ZoneId.of("America/New_York");

    public Plans {
        Objects.requireNonNull(usageZone, "usageZone");
        if (freeLimit < 0 || starterLimit < 0 || proLimit < 0) {
            throw new IllegalArgumentException("limits are not negative");
        }
    }

    /**
     * Not ACTIVE is free; ACTIVE is the tier of its price (a Stripe price we sell, or a plan an operator set by
     * hand), and free for any other price.
     */
    public PlanTier tierOf(Subscription subscription) {
        if (!subscription.isActive() || subscription.priceId() == null) {
            return PlanTier.FREE;
        }
        Optional<PlanTier> manual = PlanTier.fromManualPriceId(subscription.priceId());
        if (manual.isPresent()) {
            return manual.get();
        }
        if (subscription.priceId().equals(starterPriceId)) {
            return PlanTier.STARTER;
        }
        if (subscription.priceId().equals(proPriceId)) {
            return PlanTier.PRO;
        }
        return PlanTier.FREE;
    }

    public int limitOf(PlanTier tier) {
        return switch (tier) {
            case FREE -> freeLimit;
            case STARTER -> starterLimit;
            case PRO -> proLimit;
        };
    }

    /** The Stripe price a checkout may sell for a tier: Starter and Pro only, and only when configured. */
    public Optional<String> priceOf(PlanTier tier) {
        String price = switch (tier) {
            case FREE -> null;
            case STARTER -> starterPriceId;
            case PRO -> proPriceId;
        };
        return Optional.ofNullable(price).filter(id -> !id.isBlank());
    }
}
