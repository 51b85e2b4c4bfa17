package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.PlanTier;
import java.util.Objects;
import java.util.UUID;

public record StartCheckout(UUID businessId, PlanTier plan, String successUrl, String cancelUrl) {
    public StartCheckout {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(successUrl, "successUrl");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
    }
}
