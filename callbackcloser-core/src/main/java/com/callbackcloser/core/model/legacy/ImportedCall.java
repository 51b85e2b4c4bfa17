package com.callbackcloser.core.model.legacy;

import com.callbackcloser.core.model.CallStatus;
import com.callbackcloser.core.model.RecordingMetadata;
import java.time.Instant;
import java.util.Objects;

/** An old call as it is written here; {@code recording} is null when the call was not recorded. */
public record ImportedCall(
        String callSid,
        String parentCallSid,
        String dialCallSid,
        String fromRaw,
        String fromNumber,
        String toRaw,
        String toNumber,
        String dialCallStatus,
        CallStatus status,
        Integer callDurationSeconds,
        Integer dialCallDurationSeconds,
        RecordingMetadata recording,
        boolean answered,
        boolean missed,
        String rawPayloadJson,
        Instant createdAt,
        Instant updatedAt) {

    public ImportedCall {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
