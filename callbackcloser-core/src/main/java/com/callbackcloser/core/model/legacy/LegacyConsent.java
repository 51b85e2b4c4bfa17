package com.callbackcloser.core.model.legacy;

import com.callbackcloser.core.model.PhoneNumbers;
import java.time.Instant;

/** A row of the old app's {@code SmsConsent} table: who said STOP (or START) to which business. */
public record LegacyConsent(
        String id,
        String businessId,
        String phoneNormalized,
        String phoneRawLastSeen,
        boolean optedOut,
        Instant optedOutAt,
        Instant optedInAt,
        String lastKeyword,
        String lastMessageSid,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Never refused: a lost STOP means texting someone who asked us not to. The phone is the old key under our
     * rules (what this service computes from the caller's number before it checks consent); one that does not
     * parse is kept as given, as our rules keep it, so a number Twilio delivers the same way still matches.
     */
    public ImportedConsent toOurs() {
        String phone = PhoneNumbers.normalize(phoneNormalized);
        return new ImportedConsent(
                phone == null ? "" : phone,
                phoneRawLastSeen,
                optedOut,
                optedOutAt,
                optedInAt,
                lastKeyword,
                lastMessageSid,
                createdAt,
                updatedAt);
    }
}
