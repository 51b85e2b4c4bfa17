package com.callbackcloser.core.port.in;

/** What the caller hears. */
public sealed interface IncomingCallDecision {

    /** Ring the owner; when nobody answers within {@code timeoutSeconds} the call counts as missed. */
    record ForwardToOwner(String forwardingNumber, int timeoutSeconds, String callerId)
            implements IncomingCallDecision {}

    /** The called number belongs to no business (or the request lacks it). */
    record NotConfigured(String reason) implements IncomingCallDecision {}
}
