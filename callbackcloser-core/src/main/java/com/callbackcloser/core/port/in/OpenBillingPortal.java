package com.callbackcloser.core.port.in;

import java.util.Objects;
import java.util.UUID;

public record OpenBillingPortal(UUID businessId, String returnUrl) {
    public OpenBillingPortal {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(returnUrl, "returnUrl");
    }
}
