package com.callbackcloser.core.model;

import java.util.Objects;
import java.util.UUID;

/** A text we have decided to send: becomes a queued outbound message row. */
public record OutboundSms(UUID businessId, UUID leadId, Participant participant, String from, String to, String body) {
    public OutboundSms {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }
}
