package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.RefusedException;

/** The request is fine but the current state refuses it (e.g. the business already has a number). */
public class ConflictException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
