package com.callbackcloser.core.model.legacy;

import java.time.Instant;
import java.util.Objects;

/** An old SMS consent as it is written here, keyed by (business, phone) like ours. */
public record ImportedConsent(
        String phone,
        String phoneRaw,
        boolean optedOut,
        Instant optedOutAt,
        Instant optedInAt,
        String lastKeyword,
        String lastMessageSid,
        Instant createdAt,
        Instant updatedAt) {

    public ImportedConsent {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
