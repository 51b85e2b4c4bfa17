package com.callbackcloser.core.port.out;

import java.util.Objects;
import java.util.UUID;

/**
 * A call as the voice webhook stores it.
 *
 * @param screened whether the forwarded leg is whispered "press 1 to take this call" before it is connected
 */
public record IncomingCallRecord(
        UUID businessId,
        String callSid,
        String parentCallSid,
        String fromRaw,
        String fromNumber,
        String toRaw,
        String toNumber,
        boolean screened,
        String rawPayloadJson) {

    public IncomingCallRecord {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(callSid, "callSid");
    }
}
