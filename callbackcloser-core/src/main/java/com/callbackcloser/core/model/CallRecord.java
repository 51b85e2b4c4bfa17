package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored call, as the owner sees it with a lead.
 *
 * @param screened whether the forwarded leg heard "press 1 to take this call"; with it, {@code missed} on a
 *     {@code completed} Dial means nobody pressed the key (voicemail)
 * @param screenKeyPressedAt when the key was pressed, or null
 */
public record CallRecord(
        UUID id,
        String callSid,
        String fromNumber,
        String toNumber,
        CallStatus status,
        String dialCallStatus,
        boolean answered,
        boolean missed,
        boolean screened,
        Instant screenKeyPressedAt,
        Integer callDurationSeconds,
        Integer dialCallDurationSeconds,
        RecordingMetadata recording,
        Instant createdAt) {}
