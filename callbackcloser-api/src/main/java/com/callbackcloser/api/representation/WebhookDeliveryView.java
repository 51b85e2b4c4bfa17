package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.WebhookDelivery;
import java.time.Instant;
import java.util.UUID;

/** One delivery of an event to one endpoint; a replay names the delivery it replays. */
public record WebhookDeliveryView(
        UUID id,
        UUID endpointId,
        String url,
        UUID eventId,
        String eventType,
        UUID replayOf,
        String state,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant deliveredAt,
        Instant createdAt) {

    public static WebhookDeliveryView of(WebhookDelivery delivery) {
        return new WebhookDeliveryView(
                delivery.id(),
                delivery.endpointId(),
                delivery.url(),
                delivery.eventId(),
                delivery.eventType(),
                delivery.replayOf(),
                delivery.state().name(),
                delivery.attempts(),
                delivery.nextAttemptAt(),
                delivery.lastStatusCode(),
                delivery.lastError(),
                delivery.deliveredAt(),
                delivery.createdAt());
    }
}
