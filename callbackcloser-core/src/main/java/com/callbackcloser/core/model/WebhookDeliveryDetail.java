package com.callbackcloser.core.model;

import java.util.List;

/** A delivery with the body it sends and every attempt, oldest first. */
public record WebhookDeliveryDetail(WebhookDelivery delivery, String payload, List<WebhookAttempt> attempts) {
    public WebhookDeliveryDetail {
        attempts = List.copyOf(attempts);
    }
}
