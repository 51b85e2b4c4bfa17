package com.callbackcloser.core.port.out;

import java.util.Objects;
import java.util.UUID;

/** One text to hand to the gateway; {@code messageId} is our outbox row, for status callbacks and logs. */
public record SmsRequest(UUID messageId, String from, String to, String body) {
    public SmsRequest {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }
}
