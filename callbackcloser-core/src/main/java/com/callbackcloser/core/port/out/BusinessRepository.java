package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.SubscriptionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface BusinessRepository {

    Optional<Business> findById(UUID id);

    /** The business that owns this Twilio number (E.164). */
    Optional<Business> findByTwilioNumber(String twilioNumber);

    /** The business the call with this CallSid came in for. */
    Optional<Business> findByCallSid(String callSid);

    List<Business> listAll();

    /** At most {@code limit} businesses that have a Twilio number (for the voice webhook's forwarding cache). */
    List<Business> listWithTwilioNumber(int limit);

    /** Fails with {@link DuplicateKeyException} when the Twilio number already belongs to another business. */
    Business create(NewBusiness business, Instant now);

    void updateSubscriptionStatus(UUID id, SubscriptionStatus status, Instant now);

    void updateSettings(UUID id, BusinessSettings settings, Instant now);

    /**
     * Gives the business its Twilio number; fails with {@link DuplicateKeyException} when another business has
     * it. The webhooks are stamped as synced now.
     */
    void attachTwilioNumber(UUID id, String phoneNumber, String phoneNumberSid, Instant now);

    /**
     * Gives the business the number before its webhooks are changed at Twilio (not yet synced); fails with {@link
     * DuplicateKeyException} when another business has it. The unique keys decide between two businesses racing
     * for one number, so the loser has not touched Twilio.
     */
    void claimTwilioNumber(UUID id, String phoneNumber, String phoneNumberSid);

    /** Undoes a claim whose webhooks were never synced; false when the business no longer holds it that way. */
    boolean releaseUnsyncedTwilioNumber(UUID id, String phoneNumberSid);

    void markWebhooksSynced(UUID id, Instant now);

    /** An operator sets the subscription by hand: the status, and the plan as its manual price id. */
    void setManualSubscription(UUID id, SubscriptionStatus status, PlanTier plan, Instant now);

    /**
     * The business, locked until the transaction ends against other lockers (quota checks, team changes), not
     * against inserts that reference it.
     */
    Optional<Business> lock(UUID id);

    Optional<Business> findByStripeCustomerId(String customerId);

    /** The business's subscription and its version, without locking. */
    Optional<StoredSubscription> findSubscription(UUID id);

    /** Like {@link #findSubscription}, the business's row locked until the transaction ends (as {@link #lock}). */
    Optional<StoredSubscription> lockSubscription(UUID id);

    /**
     * Stores the subscription as fetched from Stripe for the event created at {@code eventCreated}, and counts
     * one more version. Callers hold the row ({@link #lockSubscription}) and have checked the version.
     *
     * @return false when there is no such business
     */
    boolean applySubscription(UUID id, SubscriptionChange change, Instant eventCreated, Instant now);

    /** Stores the Stripe customer unless one is stored already; returns the one stored now. */
    String attachStripeCustomer(UUID id, String customerId, Instant now);
}
