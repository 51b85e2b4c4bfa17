package com.callbackcloser.db.testing;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.TextTiming;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/** Businesses for tests, each with its own Twilio number (numbers are unique across businesses). */
public final class TestBusinesses {
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(100);

    private TestBusinesses() {}

    public static Business create(TransactionRunner transactions, SubscriptionStatus status) {
        return create(transactions, status, nextTwilioNumber(), null);
    }

    public static Business create(
            TransactionRunner transactions, SubscriptionStatus status, String twilioNumber, String notifyPhone) {
        return create(transactions, status, twilioNumber, notifyPhone, TextTiming.DEFAULTS);
    }

    public static Business create(
            TransactionRunner transactions,
            SubscriptionStatus status,
            String twilioNumber,
            String notifyPhone,
            TextTiming textTiming) {
        return create(transactions, status, twilioNumber, notifyPhone, textTiming, false);
    }

    /** An active business whose forwarded calls hear the "press 1" whisper first. */
    public static Business createWithCallScreening(TransactionRunner transactions) {
        return create(transactions, SubscriptionStatus.ACTIVE, nextTwilioNumber(), null, TextTiming.DEFAULTS, true);
    }

    private static Business create(
            TransactionRunner transactions,
            SubscriptionStatus status,
            String twilioNumber,
            String notifyPhone,
            TextTiming textTiming,
            boolean callScreening) {
        // An active business is on the Starter plan, given by hand: texting works without Stripe in tests.
        NewBusiness business = new NewBusiness(
                new BusinessSettings(
                        "Acme Plumbing",
                        "+14155550199",
                        notifyPhone,
                        20,
                        ServiceLabels.DEFAULTS,
                        ZoneId.of("America/New_York"),
                        textTiming,
                        callScreening),
                twilioNumber,
                status,
                status == SubscriptionStatus.ACTIVE ? PlanTier.STARTER : null);
        return transactions.inTransaction(
                repositories -> repositories.businesses().create(business, Instant.now()));
    }

    /** A valid-looking US number (555 exchange, valid to libphonenumber), unique within the test run. */
    public static String nextTwilioNumber() {
        int n = NEXT_NUMBER.getAndIncrement();
        return String.format("+1628555%04d", n);
    }
}
