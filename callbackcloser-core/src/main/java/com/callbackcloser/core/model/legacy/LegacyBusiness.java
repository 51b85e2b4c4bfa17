package com.callbackcloser.core.model.legacy;

import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.Strings;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.TextTiming;
import java.time.Instant;
import java.util.Arrays;

/** A row of the old app's {@code Business} table, as read. */
public record LegacyBusiness(
        String id,
        String ownerClerkId,
        String name,
        String forwardingNumber,
        String notifyPhone,
        int missedCallSeconds,
        String serviceLabel1,
        String serviceLabel2,
        String serviceLabel3,
        String timezone,
        String twilioPhoneNumber,
        String twilioPhoneNumberSid,
        Instant twilioWebhookSyncedAt,
        String stripeCustomerId,
        String stripeSubscriptionId,
        String stripePriceId,
        String subscriptionStatus,
        Instant subscriptionStatusUpdatedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** Longest subject a membership takes (business_members.subject). */
    private static final int MAX_SUBJECT_LENGTH = 255;

    /**
     * This business under our rules, the ones an owner's own settings go through: a value they refuse (a name of
     * one character, an offset instead of a time zone, a forwarding number that is not a phone) is an {@link
     * InvalidInputException} naming the field, and the business is not imported rather than imported broken.
     * What the old app had no notion of takes our defaults: follow-ups after 2 h, owner texts at any hour, no
     * call screening.
     */
    public ImportedBusiness toOurs() {
        BusinessSettings settings = new BusinessSettings(
                name,
                forwardingNumber,
                notifyPhone,
                missedCallSeconds,
                ServiceLabels.fromList(Arrays.asList(serviceLabel1, serviceLabel2, serviceLabel3)),
                BusinessSettings.timeZone(timezone),
                TextTiming.DEFAULTS,
                false);
        SubscriptionStatus status =
                LegacyValues.enumValue("subscriptionStatus", subscriptionStatus, SubscriptionStatus.class);
        // NewBusiness holds the rule for a Twilio number (a real number, stored in E.164).
        String twilioNumber = new NewBusiness(settings, twilioPhoneNumber, status, null).twilioNumber();
        String owner = Strings.trimToNull(ownerClerkId);
        if (owner == null || owner.length() > MAX_SUBJECT_LENGTH) {
            throw new InvalidInputException(
                    "ownerClerkId", "ownerClerkId is 1 to " + MAX_SUBJECT_LENGTH + " characters");
        }
        return new ImportedBusiness(
                settings,
                twilioNumber,
                Strings.trimToNull(twilioPhoneNumberSid),
                twilioWebhookSyncedAt,
                new Subscription(
                        status,
                        Strings.trimToNull(stripeCustomerId),
                        Strings.trimToNull(stripeSubscriptionId),
                        Strings.trimToNull(stripePriceId),
                        subscriptionStatusUpdatedAt),
                owner,
                createdAt,
                updatedAt);
    }
}
