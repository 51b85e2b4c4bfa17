package com.callbackcloser.core.port.in;

import java.util.UUID;

public class BusinessNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BusinessNotFoundException(UUID businessId) {
        super("no business " + businessId);
    }
}
