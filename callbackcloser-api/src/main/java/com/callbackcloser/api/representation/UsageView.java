package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.Usage;
import java.time.Instant;
import java.util.Locale;

public record UsageView(
        String plan,
        int used,
        int limit,
        int remaining,
        Instant periodStart,
        Instant periodEnd,
        int billingRequiredLeads,
        String pauseReason,
        String pauseSentence) {

    public static UsageView of(Usage usage) {
        return new UsageView(
                usage.tier().name().toLowerCase(Locale.ROOT),
                usage.used(),
                usage.limit(),
                usage.remaining(),
                usage.period().start(),
                usage.period().end(),
                usage.billingRequiredLeads(),
                usage.pauseReason().code(),
                usage.pauseSentence());
    }
}
