package com.callbackcloser.core.port.out;

/** A unique key refused a write (e.g. a Twilio number that already belongs to another business). */
public class DuplicateKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
