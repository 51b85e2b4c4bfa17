package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** An HTTPS endpoint a business registered; its signing secret is not part of it (shown once, at creation). */
public record WebhookEndpoint(
        UUID id,
        UUID businessId,
        String url,
        String description,
        Set<WebhookEventType> events,
        String createdBy,
        Instant createdAt,
        Instant disabledAt) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        events = Set.copyOf(events);
    }

    public boolean enabled() {
        return disabledAt == null;
    }
}
