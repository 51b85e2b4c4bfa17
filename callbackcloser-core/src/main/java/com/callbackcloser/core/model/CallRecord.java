package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.UUID;

/** A stored call, as the owner sees it with a lead. */
public record CallRecord(
        UUID id,
        String callSid,
        String fromNumber,
        String toNumber,
        CallStatus status,
        String dialCallStatus,
        boolean answered,
        boolean missed,
        Integer callDurationSeconds,
        Integer dialCallDurationSeconds,
        RecordingMetadata recording,
        Instant createdAt) {}
