package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.RefusedException;

/** A member whose role does not allow the action. */
public class AccessDeniedException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
