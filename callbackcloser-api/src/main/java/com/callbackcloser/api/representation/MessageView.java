package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.MessageRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A text in a transcript; {@code deliveryState} is null for inbound texts. {@code followUp} marks the one
 * follow-up to a caller who went quiet (its {@code createdAt} is when it was scheduled, with the question).
 * {@code sentBy} is the member who typed it by hand (a reply); null for the automation's texts.
 */
public record MessageView(
        UUID id,
        String direction,
        String participant,
        String from,
        String to,
        String body,
        String deliveryState,
        String twilioSid,
        String twilioStatus,
        boolean followUp,
        Instant createdAt,
        String sentBy) {

    public static MessageView of(MessageRecord m) {
        return m == null
                ? null
                : new MessageView(
                        m.id(),
                        m.direction().name(),
                        m.participant().name(),
                        m.from(),
                        m.to(),
                        m.body(),
                        m.deliveryState() == null ? null : m.deliveryState().name(),
                        m.twilioSid(),
                        m.twilioStatus(),
                        m.followUp(),
                        m.createdAt(),
                        m.sentBy());
    }
}
