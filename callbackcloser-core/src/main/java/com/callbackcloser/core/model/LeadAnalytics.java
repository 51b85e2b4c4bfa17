package com.callbackcloser.core.model;

import java.util.Objects;
import java.util.UUID;

/** A business's lead funnel over a period of days in its time zone. */
public record LeadAnalytics(UUID businessId, AnalyticsPeriod period, LeadFunnel funnel) {
    public LeadAnalytics {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(funnel, "funnel");
    }
}
