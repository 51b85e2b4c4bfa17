package com.callbackcloser.core.port.out;

/** What became of one send. */
public sealed interface SendResult {

    /** The provider took the message; it has a SID from now on. */
    record Accepted(String sid, String providerStatus) implements SendResult {}

    /** The development sender logged it instead. */
    record Simulated() implements SendResult {}

    /**
     * The provider refused it or could not be reached. {@code retryable} for timeouts, 5xx and 429;
     * {@code errorCode} is the provider's own code (e.g. Twilio 21610) when it gave one.
     */
    record Refused(Integer errorCode, Integer httpStatus, String message, boolean retryable) implements SendResult {}

    /**
     * The request went out but no answer came back (a read timeout, a dropped connection): the provider may
     * or may not have accepted it, so it must be looked up before anything is sent again.
     */
    record Unknown(String message) implements SendResult {}
}
