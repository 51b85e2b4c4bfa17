package com.callbackcloser.core.port.out;

/** Twilio or Stripe refused a request or could not be reached; the message says which and why. */
public abstract class ExternalServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ExternalServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
