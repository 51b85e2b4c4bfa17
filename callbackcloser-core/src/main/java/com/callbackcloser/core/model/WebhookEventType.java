package com.callbackcloser.core.model;

import java.util.Arrays;
import java.util.Optional;

/** What a business can subscribe an endpoint to; {@link #wireName()} is the name in payloads and headers. */
public enum WebhookEventType {
    LEAD_CREATED("lead.created"),
    LEAD_QUALIFIED("lead.qualified"),
    LEAD_COMPLETED("lead.completed"),
    LEAD_STATUS_CHANGED("lead.status_changed"),
    MESSAGE_RECEIVED("message.received"),
    SUBSCRIPTION_STATUS_CHANGED("subscription.status_changed");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name))
                .findFirst();
    }
}
