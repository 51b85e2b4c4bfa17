package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored text, in or out, as shown in a lead's transcript.
 *
 * @param followUp the one follow-up to a caller who went quiet; its {@code createdAt} is when it was scheduled
 * @param sentBy the member who typed it by hand (their subject); null for the automation's texts and inbound ones
 */
public record MessageRecord(
        UUID id,
        UUID leadId,
        Direction direction,
        Participant participant,
        String from,
        String to,
        String body,
        DeliveryState deliveryState,
        String twilioSid,
        String twilioStatus,
        int attempts,
        String lastError,
        boolean followUp,
        Instant createdAt,
        String sentBy) {

    public boolean typedByHand() {
        return sentBy != null;
    }
}
