package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An outbound message row as a worker sees it after claiming it. */
public record OutboundMessage(
        UUID id,
        UUID businessId,
        UUID leadId,
        Participant participant,
        String from,
        String to,
        String body,
        int attempts,
        Instant sendingStartedAt) {

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }
}
