package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.DayRange;
import java.util.Objects;
import java.util.UUID;

/** A member asks for a business's lead analytics over some days; no days means the current month. */
public record LeadAnalyticsQuery(Actor actor, UUID businessId, DayRange days) {
    public LeadAnalyticsQuery {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(businessId, "businessId");
    }
}
