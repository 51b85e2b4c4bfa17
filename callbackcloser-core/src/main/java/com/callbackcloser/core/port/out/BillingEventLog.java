package com.callbackcloser.core.port.out;

import java.time.Instant;
import java.util.UUID;

/** Every Stripe event we have handled, by its id. */
public interface BillingEventLog {

    /** Records the event; false when its id was recorded before (a redelivery). */
    boolean record(String eventId, String type, Instant created, Instant receivedAt);

    /** Whether the event id was recorded (a committed handling of it). */
    boolean contains(String eventId);

    void recordOutcome(String eventId, UUID businessId, String outcome);
}
