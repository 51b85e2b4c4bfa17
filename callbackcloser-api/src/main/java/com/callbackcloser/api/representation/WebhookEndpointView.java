package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.IssuedWebhookEndpoint;
import com.callbackcloser.core.model.WebhookEndpoint;
import com.callbackcloser.core.model.WebhookEventType;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint; {@code secret} is present only in the answer to its creation or to a rotation, and never again.
 * {@code previousSecretExpiresAt} is present while the secret replaced by the last rotation still signs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointView(
        UUID id,
        String url,
        String description,
        List<String> events,
        boolean enabled,
        Instant createdAt,
        Instant disabledAt,
        Instant secretRotatedAt,
        Instant previousSecretExpiresAt,
        String secret) {

    public static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return of(endpoint, null);
    }

    public static WebhookEndpointView issued(IssuedWebhookEndpoint issued) {
        return of(issued.endpoint(), issued.secret());
    }

    private static WebhookEndpointView of(WebhookEndpoint endpoint, String secret) {
        return new WebhookEndpointView(
                endpoint.id(),
                endpoint.url(),
                endpoint.description(),
                endpoint.events().stream()
                        .map(WebhookEventType::wireName)
                        .sorted()
                        .toList(),
                endpoint.enabled(),
                endpoint.createdAt(),
                endpoint.disabledAt(),
                endpoint.secretRotatedAt(),
                endpoint.previousSecretExpiresAt(),
                secret);
    }
}
