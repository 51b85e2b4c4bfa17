package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A user's role in one business. The subject is the identity provider's user id (or an API key's owner). */
public record Membership(UUID businessId, String subject, Role role, Instant createdAt) {
    public Membership {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
    }
}
