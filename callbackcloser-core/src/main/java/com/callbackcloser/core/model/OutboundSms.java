package com.callbackcloser.core.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * A text we have decided to send: becomes a queued outbound message row.
 *
 * @param notBefore the earliest time it may go out (quiet hours, a follow-up's delay); null: at once
 * @param quietHoursZone the recipient's zone when the text may only go out between 8:00 and 21:00 there (the
 *     worker checks again when it sends); null: any hour, as for an answer to someone who just wrote to us
 */
public record OutboundSms(
        UUID businessId,
        UUID leadId,
        Participant participant,
        String from,
        String to,
        String body,
        Instant notBefore,
        ZoneId quietHoursZone) {
    public OutboundSms {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }

    /** A text that may go out at once, at any hour. */
    public OutboundSms(UUID businessId, UUID leadId, Participant participant, String from, String to, String body) {
        this(businessId, leadId, participant, from, to, body, null, null);
    }

    /** The same text, to go out from {@code earliest} on, and only between 8:00 and 21:00 in {@code zone}. */
    public OutboundSms inWindowOf(ZoneId zone, Instant earliest) {
        return new OutboundSms(
                businessId, leadId, participant, from, to, body, QuietHours.earliestSendAt(earliest, zone), zone);
    }
}
