package com.callbackcloser.core.model.legacy;

import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.Direction;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.core.model.Strings;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** A row of the old app's {@code Message} table; {@code status} is Twilio's, {@code rawPayload} its JSON text. */
public record LegacyMessage(
        String id,
        String businessId,
        String leadId,
        String twilioSid,
        String direction,
        String participant,
        String fromPhone,
        String toPhone,
        String body,
        String status,
        String rawPayload,
        Instant twilioCreatedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** Twilio statuses that mean the text never reached the phone. */
    private static final Set<String> FAILURES = Set.of("failed", "undelivered", "canceled");

    /**
     * An old outbound text is history, never work for our outbox: it gets a final delivery state, so no worker
     * sends it again. With a SID Twilio took it: SENT (at Twilio's time), its Twilio status kept as is, a later
     * failure included, as our own texts keep it. Without a SID it was not sent through Twilio's API: a failure
     * when its status says so, else the TwiML answer the old app gave to STOP, START and HELP.
     */
    public ImportedMessage toOurs() {
        Direction ourDirection = LegacyValues.enumValue("direction", direction, Direction.class);
        Participant ourParticipant = LegacyValues.enumValue("participant", participant, Participant.class);
        String sid = Strings.trimToNull(twilioSid);
        DeliveryState state = null;
        Instant sentAt = null;
        int attempts = 0;
        String lastError = null;
        if (ourDirection == Direction.OUTBOUND) {
            if (sid != null) {
                state = DeliveryState.SENT;
                sentAt = twilioCreatedAt != null ? twilioCreatedAt : createdAt;
                attempts = 1;
            } else if (status != null && FAILURES.contains(status.strip().toLowerCase(Locale.ROOT))) {
                state = DeliveryState.FAILED;
                attempts = 1;
                lastError = "failed in the old app (Twilio status " + status.strip() + ")";
            } else {
                state = DeliveryState.TWIML_REPLY;
            }
        }
        return new ImportedMessage(
                ourDirection,
                ourParticipant,
                nonNull(PhoneNumbers.normalize(fromPhone)),
                nonNull(PhoneNumbers.normalize(toPhone)),
                body == null ? "" : body,
                sid,
                Strings.trimToNull(status),
                rawPayload,
                state,
                sentAt,
                attempts,
                lastError,
                createdAt,
                updatedAt);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
