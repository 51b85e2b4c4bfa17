package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlansTest {
    private final Plans plans = new Plans("price_starter", "price_pro", 0, 200, 1000, Plans.DEFAULT_USAGE_ZONE);

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "ACTIVE,price_starter,STARTER",
                "ACTIVE,price_pro,PRO",
                "ACTIVE,price_other,FREE",
                "ACTIVE,null,FREE",
                "PAST_DUE,price_pro,FREE",
                "CANCELED,price_starter,FREE",
                "INACTIVE,null,FREE",
                "ACTIVE,manual:starter,STARTER",
                "ACTIVE,manual:pro,PRO",
                "ACTIVE,manual:free,FREE",
                "ACTIVE,manual:gold,FREE",
                "PAST_DUE,manual:pro,FREE"
            })
    void tierComesFromStatusAndPrice(SubscriptionStatus status, String price, PlanTier tier) {
        assertThat(plans.tierOf(new Subscription(status, "cus_1", "sub_1", price, Instant.EPOCH)))
                .isEqualTo(tier);
    }

    @Test
    void limitsPerTierAndFreeIsAlwaysReached() {
        assertThat(plans.limitOf(PlanTier.FREE)).isZero();
        assertThat(plans.limitOf(PlanTier.STARTER)).isEqualTo(200);
        assertThat(plans.limitOf(PlanTier.PRO)).isEqualTo(1000);
        assertThat(new Usage(
                                PlanTier.FREE,
                                0,
                                0,
                                UsagePeriod.monthContaining(Instant.EPOCH, Plans.DEFAULT_USAGE_ZONE),
                                0,
                                PauseReason.USAGE_LIMIT_REACHED)
                        .limitReached())
                .isTrue();
    }

    @Test
    void onlyConfiguredStarterAndProPricesAreForSale() {
        assertThat(plans.priceOf(PlanTier.STARTER)).contains("price_starter");
        assertThat(plans.priceOf(PlanTier.PRO)).contains("price_pro");
        assertThat(plans.priceOf(PlanTier.FREE)).isEmpty();
        assertThat(new Plans(null, " ", 0, 1, 2, Plans.DEFAULT_USAGE_ZONE).priceOf(PlanTier.PRO))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "active,ACTIVE",
                "trialing,ACTIVE",
                "past_due,PAST_DUE",
                "unpaid,PAST_DUE",
                "canceled,CANCELED",
                "incomplete,INACTIVE",
                "incomplete_expired,INACTIVE",
                "paused,INACTIVE",
                "something_new,INACTIVE",
                "null,INACTIVE"
            })
    void stripeStatusesMapToOurs(String stripe, SubscriptionStatus ours) {
        assertThat(SubscriptionStatus.fromStripe(stripe)).isEqualTo(ours);
    }
}
