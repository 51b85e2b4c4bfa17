package com.callbackcloser.core.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What became of an inbound text.
 *
 * @param inlineReply a compliance answer to send back in the webhook response itself (TwiML), if any;
 *     conversation replies go through the outbox instead
 */
public record InboundSmsResult(InboundSmsOutcome outcome, UUID leadId, Optional<String> inlineReply) {
    public InboundSmsResult {
        Objects.requireNonNull(outcome, "outcome");
        inlineReply = inlineReply == null ? Optional.empty() : inlineReply;
    }

    public static InboundSmsResult of(InboundSmsOutcome outcome, UUID leadId) {
        return new InboundSmsResult(outcome, leadId, Optional.empty());
    }
}
