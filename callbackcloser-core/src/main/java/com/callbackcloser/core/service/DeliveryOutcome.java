package com.callbackcloser.core.service;

import java.util.Locale;

/** What a worker did with one claimed message; logged and counted. */
public enum DeliveryOutcome {
    SENT,
    SIMULATED,
    SUPPRESSED,
    RETRY_SCHEDULED,
    FAILED,
    /**
     * Claimed inside its recipient's quiet hours (claimed late, or a retry landed there): not sent, queued
     * again for 8:00 in the recipient's zone.
     */
    DEFERRED_TO_MORNING,
    /** Twilio says the recipient unsubscribed (21610): failed, and the opt-out is recorded. */
    FAILED_RECIPIENT_OPTED_OUT,
    /**
     * Twilio did not answer a send it may have received: the message stays SENDING and is settled like an
     * interrupted send once its lease runs out.
     */
    OUTCOME_UNKNOWN,
    /** A send interrupted by a crash turned out to have reached Twilio: recorded, not resent. */
    RECOVERED_AS_SENT,
    /** A send interrupted by a crash never reached Twilio: queued again. */
    REQUEUED_AFTER_CRASH,
    /** Twilio could not be asked about an interrupted send; it is looked at again after another lease. */
    LEFT_UNSETTLED;

    public String logName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
