package com.callbackcloser.api.cli;

/** A command ran to the end and its verdict is "failed" (a broken rule, a failed step): exit non-zero, no trace. */
final class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailedException(String message) {
        super(message);
    }
}
