package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.RefusedException;

/** Not there, or not yours: the two are answered alike, so another tenant's ids reveal nothing. */
public class ResourceNotFoundException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(String what) {
        super(what + " not found");
    }
}
