package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.Screening;
import java.util.Objects;
import java.util.UUID;

/**
 * The decision taken for one status callback, with the rows it concerns.
 *
 * @param screening what the whisper established, which the decision took into account (logged)
 */
public record DialStatusResult(DialStatusOutcome outcome, UUID callId, UUID leadId, Screening screening) {
    public DialStatusResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(screening, "screening");
    }

    public static DialStatusResult of(DialStatusOutcome outcome) {
        return new DialStatusResult(outcome, null, null, Screening.OFF);
    }
}
