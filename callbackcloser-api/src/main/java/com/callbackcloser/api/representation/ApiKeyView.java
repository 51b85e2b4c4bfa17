package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.ApiKey;
import com.callbackcloser.core.model.IssuedApiKey;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** An API key; {@code secret} is present only in the answer to its creation, and never again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
        UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt, String secret) {

    public static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(
                key.id(), key.name(), key.prefix(), key.createdAt(), key.lastUsedAt(), key.revokedAt(), null);
    }

    public static ApiKeyView issued(IssuedApiKey issued) {
        ApiKey key = issued.key();
        return new ApiKeyView(key.id(), key.name(), key.prefix(), key.createdAt(), null, null, issued.secret());
    }
}
