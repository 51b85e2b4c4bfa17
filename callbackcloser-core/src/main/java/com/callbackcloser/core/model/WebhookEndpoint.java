package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An HTTPS endpoint a business registered; its signing secrets are not part of it (each is shown once, when it is
 * created or rotated in).
 *
 * @param secretRotatedAt when the secret was last rotated; null when never
 * @param previousSecretExpiresAt until when the secret before the last rotation still signs; null when none does
 */
public record WebhookEndpoint(
        UUID id,
        UUID businessId,
        String url,
        String description,
        Set<WebhookEventType> events,
        String createdBy,
        Instant createdAt,
        Instant disabledAt,
        Instant secretRotatedAt,
        Instant previousSecretExpiresAt) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        events = Set.copyOf(events);
    }

    public boolean enabled() {
        return disabledAt == null;
    }
}
