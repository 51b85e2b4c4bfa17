package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A text we have decided to send: becomes a queued outbound message row.
 *
 * @param notBefore the earliest time it may go out (quiet hours, a follow-up's delay); null: at once
 */
public record OutboundSms(
        UUID businessId, UUID leadId, Participant participant, String from, String to, String body, Instant notBefore) {
    public OutboundSms {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }

    /** A text that may go out at once. */
    public OutboundSms(UUID businessId, UUID leadId, Participant participant, String from, String to, String body) {
        this(businessId, leadId, participant, from, to, body, null);
    }

    /** The same text, not to go out before {@code at}. */
    public OutboundSms notBefore(Instant at) {
        return new OutboundSms(businessId, leadId, participant, from, to, body, at);
    }
}
