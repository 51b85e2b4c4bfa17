package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.WebhookAttempt;
import com.callbackcloser.core.model.WebhookDeliveryDetail;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/** A delivery, the exact body it sends (as JSON, not a string), and every attempt oldest first. */
public record WebhookDeliveryDetailView(
        WebhookDeliveryView delivery, @JsonRawValue String payload, List<WebhookAttempt> attempts) {

    public static WebhookDeliveryDetailView of(WebhookDeliveryDetail detail) {
        return new WebhookDeliveryDetailView(
                WebhookDeliveryView.of(detail.delivery()), detail.payload(), detail.attempts());
    }
}
