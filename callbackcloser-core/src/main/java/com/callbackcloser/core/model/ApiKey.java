package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.UUID;

/** An API key as listed: never the secret, only the prefix that lets its owner tell keys apart. */
public record ApiKey(
        UUID id, String subject, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
