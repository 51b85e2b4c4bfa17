package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.CallStatus;
import com.callbackcloser.core.model.RecordingMetadata;
import java.util.Objects;
import java.util.UUID;

public record DialResultRecord(
        UUID businessId,
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
        String rawPayloadJson) {

    public DialResultRecord {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(status, "status");
    }
}
