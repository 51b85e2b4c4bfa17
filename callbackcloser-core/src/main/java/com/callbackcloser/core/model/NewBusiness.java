package com.callbackcloser.core.model;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The validated fields of a business about to be created.
 *
 * @param manualPlan a plan given by hand (see {@link PlanTier#manualPriceId()}), or null: Stripe sets it
 */
public record NewBusiness(
        String name,
        String forwardingNumber,
        String notifyPhone,
        int missedCallSeconds,
        ServiceLabels serviceLabels,
        ZoneId timeZone,
        String twilioNumber,
        SubscriptionStatus subscriptionStatus,
        PlanTier manualPlan) {

    public static final int MIN_NAME_LENGTH = 2;
    public static final int MAX_NAME_LENGTH = 120;

    public NewBusiness {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.length() < MIN_NAME_LENGTH || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "name has " + MIN_NAME_LENGTH + " to " + MAX_NAME_LENGTH + " characters");
        }
        forwardingNumber = requireValidPhone(forwardingNumber, "forwarding number");
        notifyPhone = notifyPhone == null || notifyPhone.isBlank() ? null : requireValidPhone(notifyPhone, "notify phone");
        twilioNumber = twilioNumber == null || twilioNumber.isBlank() ? null : requireValidPhone(twilioNumber, "Twilio number");
        if (missedCallSeconds < Business.MIN_MISSED_CALL_SECONDS || missedCallSeconds > Business.MAX_MISSED_CALL_SECONDS) {
            throw new IllegalArgumentException("missed-call seconds are " + Business.MIN_MISSED_CALL_SECONDS + " to "
                    + Business.MAX_MISSED_CALL_SECONDS);
        }
        Objects.requireNonNull(serviceLabels, "serviceLabels");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(subscriptionStatus, "subscriptionStatus");
    }

    private static String requireValidPhone(String raw, String what) {
        if (!PhoneNumbers.isTextable(raw)) {
            throw new IllegalArgumentException(what + " is not a valid phone number: " + raw);
        }
        return PhoneNumbers.normalize(raw);
    }
}
