package com.callbackcloser.core.model;

/**
 * A request the rules refuse (bad input, not found, not allowed, conflicting state): the caller's to fix,
 * not a fault of ours. The application turns each kind into its HTTP status.
 */
public abstract class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected RefusedException(String message) {
        super(message);
    }
}
