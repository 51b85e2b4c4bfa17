package com.callbackcloser.core.model;

import java.util.Objects;

/** A business's plan and how much of this period's conversations it has used. */
public record Usage(
        PlanTier tier, int used, int limit, UsagePeriod period, int billingRequiredLeads, PauseReason pauseReason) {

    public Usage {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(pauseReason, "pauseReason");
    }

    public int remaining() {
        return Math.max(0, limit - used);
    }

    public boolean limitReached() {
        return used >= limit;
    }

    public String pauseSentence() {
        return pauseReason.sentence();
    }
}
