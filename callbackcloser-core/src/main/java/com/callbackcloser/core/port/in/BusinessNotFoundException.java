package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.RefusedException;
import java.util.UUID;

public class BusinessNotFoundException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public BusinessNotFoundException(UUID businessId) {
        super("no business " + businessId);
    }
}
