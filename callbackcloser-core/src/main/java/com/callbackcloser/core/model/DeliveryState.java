package com.callbackcloser.core.model;

/** Where an outbound message is in the outbox. */
public enum DeliveryState {
    /** Waiting for a worker (possibly until {@code next_attempt_at} after a transient failure). */
    QUEUED,
    /** Claimed by a worker that is talking to Twilio now. */
    SENDING,
    /** Twilio accepted it; its SID is stored. */
    SENT,
    /** Twilio refused it for good, or every retry failed. */
    FAILED,
    /** Not sent because the recipient opted out. */
    SUPPRESSED,
    /** Logged by the development sender instead of being sent. */
    SIMULATED,
    /** Sent as the TwiML answer to an inbound text (compliance replies); it has no SID of its own. */
    TWIML_REPLY;

    public boolean isFinal() {
        return this != QUEUED && this != SENDING;
    }
}
