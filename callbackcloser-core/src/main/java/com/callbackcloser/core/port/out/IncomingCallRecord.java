package com.callbackcloser.core.port.out;

import java.util.Objects;
import java.util.UUID;

public record IncomingCallRecord(
        UUID businessId,
        String callSid,
        String parentCallSid,
        String fromRaw,
        String fromNumber,
        String toRaw,
        String toNumber,
        String rawPayloadJson) {

    public IncomingCallRecord {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(callSid, "callSid");
    }
}
