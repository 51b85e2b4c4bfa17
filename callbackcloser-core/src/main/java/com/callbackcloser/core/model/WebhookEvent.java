package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened, as every subscribed endpoint receives it.
 *
 * @param dedupeKey the change this event reports (e.g. {@code lead.created:<lead id>}), so a retried Twilio
 *     webhook cannot fire it twice; null when each occurrence is its own change
 * @param payload the exact JSON body sent, and signed, on every delivery and replay
 */
public record WebhookEvent(
        UUID id, UUID businessId, WebhookEventType type, String dedupeKey, String payload, Instant createdAt) {

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
