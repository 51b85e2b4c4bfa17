package com.callbackcloser.core.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * An outbound message row as a worker sees it after claiming it.
 *
 * @param quietHoursZone the recipient's zone when it may only go out between 8:00 and 21:00 there, else null
 */
public record OutboundMessage(
        UUID id,
        UUID businessId,
        UUID leadId,
        Participant participant,
        String from,
        String to,
        String body,
        int attempts,
        Instant sendingStartedAt,
        ZoneId quietHoursZone) {

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }
}
