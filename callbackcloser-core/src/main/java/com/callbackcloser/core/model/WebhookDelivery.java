package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.UUID;

/** One delivery of an event to one endpoint, as the owner API lists it. */
public record WebhookDelivery(
        UUID id,
        UUID businessId,
        UUID endpointId,
        String url,
        UUID eventId,
        String eventType,
        UUID replayOf,
        WebhookDeliveryState state,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant deliveredAt,
        Instant createdAt) {}
