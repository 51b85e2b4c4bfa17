package com.callbackcloser.core.port.in;

import java.util.Objects;
import java.util.UUID;

public record DialStatusResult(DialStatusOutcome outcome, UUID callId, UUID leadId) {
    public DialStatusResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static DialStatusResult of(DialStatusOutcome outcome) {
        return new DialStatusResult(outcome, null, null);
    }
}
