package com.callbackcloser.core.model;

import java.util.Objects;

/**
 * A business about to be created.
 *
 * @param twilioNumber its Twilio number when known (an operator's set-up), else null until one is bought
 * @param manualPlan a plan given by hand (see {@link PlanTier#manualPriceId()}), or null: Stripe sets it
 */
public record NewBusiness(
        BusinessSettings settings, String twilioNumber, SubscriptionStatus subscriptionStatus, PlanTier manualPlan) {

    public NewBusiness {
        Objects.requireNonNull(settings, "settings");
        twilioNumber = twilioNumber == null || twilioNumber.isBlank()
                ? null
                : BusinessSettings.phone("twilioNumber", "Twilio number", twilioNumber);
        Objects.requireNonNull(subscriptionStatus, "subscriptionStatus");
    }
}
