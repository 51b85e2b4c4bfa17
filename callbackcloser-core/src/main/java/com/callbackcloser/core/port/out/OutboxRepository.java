package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.OutboxStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Outbound messages are rows of the messages table with a delivery state: the table is the outbox. A message
 * queued in a transaction becomes visible to workers (and wakes them) only when that transaction commits.
 */
public interface OutboxRepository {

    /**
     * Stores the message as QUEUED for the workers (due at {@link OutboundSms#notBefore()}, else now), or as
     * SUPPRESSED when it must not go out.
     */
    UUID enqueue(OutboundSms sms, DeliveryState initialState, Instant now);

    /**
     * Queues the lead's follow-up, due at {@link OutboundSms#notBefore()}, unless the lead has one already
     * (waiting, sent or settled otherwise): a unique index allows one follow-up row per lead, so concurrent or
     * repeated scheduling cannot make two.
     *
     * @return its id, or empty when the lead has one already
     */
    Optional<UUID> scheduleFollowUp(OutboundSms sms, Instant now);

    /**
     * Cancels the follow-ups waiting for this phone at this business: one never tried disappears (so a later
     * question can have its own); one waiting for a retry is settled as SUPPRESSED (it may have reached the
     * phone, so it stays the lead's only one). A follow-up a worker has claimed already is not touched.
     *
     * @return the ids of those cancelled
     */
    List<UUID> cancelFollowUps(UUID businessId, String to, Instant now);

    /**
     * Settles every text still queued from this business to this phone as SUPPRESSED (the phone opted out). One a
     * worker has claimed already is not touched: it is being sent.
     *
     * @return the ids of those suppressed
     */
    List<UUID> suppressQueued(UUID businessId, String to, String reason, Instant now);

    /**
     * Claims up to {@code limit} queued messages that are due, marking them SENDING and counting the attempt.
     * Concurrent workers never claim the same row. At most one message per (from, to) is SENDING at a time, and it
     * is the first of that pair's queue: one waiting for a retry, else the one due first, else the one queued first.
     * A message held behind another is not due.
     */
    List<OutboundMessage> claimDue(Instant now, int limit);

    /**
     * Claims messages left in SENDING since before {@code startedBefore} (their worker died mid-send; or their last
     * look-up did, or failed), so their fate can be looked up before anything is sent again; the claim restarts
     * their lease at {@code now}. Each comes with {@link OutboundMessage#sendingStartedAt()} still when its send
     * began, however many look-ups came before.
     */
    List<OutboundMessage> claimStale(Instant startedBefore, Instant now, int limit);

    /** Earliest time a queued message becomes due, if any is queued; one held behind another is not counted. */
    Optional<Instant> nextDueAt();

    void markSent(UUID id, String twilioSid, String twilioStatus, Instant now);

    void markSimulated(UUID id, Instant now);

    void markSuppressed(UUID id, String reason, Instant now);

    void markFailed(UUID id, Integer errorCode, String error, Instant now);

    void reschedule(UUID id, Instant nextAttemptAt, Integer errorCode, String error, Instant now);

    /**
     * Puts a claimed message back in the queue, due at {@code until}, without counting the claim as an attempt:
     * it was never offered to Twilio (its recipient's quiet hours had begun).
     */
    void defer(UUID id, Instant until, Instant now);

    OutboxStats stats(Instant now, Instant stuckBefore, Instant failedSince);

    /**
     * Queues failed messages again (all, one by id, or those failed since a time), due now with fresh attempts.
     *
     * @return how many were queued
     */
    int requeueFailed(UUID id, Instant failedSince, Instant now);

    /** The outbound message a status callback is about (by our id, else by SID), locked for the update. */
    Optional<MessageStatusRow> lockForStatusUpdate(UUID id, String twilioSid);

    /** Records Twilio's status (and its SID if we had not stored it yet, and any delivery error). */
    void updateProviderStatus(UUID id, String twilioSid, String twilioStatus, Integer errorCode, Instant now);
}
