package com.callbackcloser.core.model;

import java.util.UUID;

/**
 * A delivery a worker claimed, with what it needs to send it.
 *
 * @param attempts attempts made, this one included
 * @param endpointEnabled false when the endpoint was disabled after the delivery was queued
 * @param previousSecret the secret before the last rotation while its grace period lasts, else null: it signs too
 */
public record ClaimedWebhook(
        UUID id,
        UUID endpointId,
        String url,
        String secret,
        String previousSecret,
        boolean endpointEnabled,
        UUID eventId,
        String eventType,
        String payload,
        int attempts) {

    @Override
    public String toString() {
        // Never log the secrets.
        return "ClaimedWebhook[id=" + id + ", eventId=" + eventId + ", type=" + eventType + ", attempts=" + attempts
                + "]";
    }
}
