package com.callbackcloser.core.model;

/** Where a webhook delivery is: waiting (maybe for a retry), in flight, done, or given up. */
public enum WebhookDeliveryState {
    PENDING,
    DELIVERING,
    DELIVERED,
    FAILED
}
