package com.callbackcloser.core.port.in;

import java.time.Duration;

/** What the caller hears. */
public sealed interface IncomingCallDecision {

    /**
     * Ring the owner; when nobody answers within {@code timeoutSeconds} the call counts as missed. Screened: whoever
     * picks up first hears "press 1 to take this call", and only the key press counts as answered.
     */
    record ForwardToOwner(String forwardingNumber, int timeoutSeconds, String callerId, boolean screened)
            implements IncomingCallDecision {}

    /**
     * The database could not be read: ring the owner with the settings read {@code settingsAge} ago, without
     * recording the call (the Dial's result, retried by Twilio until the database answers, records it).
     */
    record ForwardUnrecorded(ForwardToOwner forward, Duration settingsAge, RuntimeException failure)
            implements IncomingCallDecision {}

    /** The called number belongs to no business (or the request lacks it). */
    record NotConfigured(String reason) implements IncomingCallDecision {}
}
