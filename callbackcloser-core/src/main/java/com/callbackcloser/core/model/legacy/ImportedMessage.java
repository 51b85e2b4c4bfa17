package com.callbackcloser.core.model.legacy;

import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.Direction;
import com.callbackcloser.core.model.Participant;
import java.time.Instant;
import java.util.Objects;

/** An old text as it is written here; {@code deliveryState} is null for inbound texts, final for outbound ones. */
public record ImportedMessage(
        Direction direction,
        Participant participant,
        String fromNumber,
        String toNumber,
        String body,
        String twilioSid,
        String twilioStatus,
        String rawPayloadJson,
        DeliveryState deliveryState,
        Instant sentAt,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {

    public ImportedMessage {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((direction == Direction.OUTBOUND) != (deliveryState != null)) {
            throw new IllegalArgumentException("outbound texts, and only they, have a delivery state");
        }
        if (deliveryState != null && !deliveryState.isFinal()) {
            throw new IllegalArgumentException("an imported text is never left for the outbox to send");
        }
    }
}
