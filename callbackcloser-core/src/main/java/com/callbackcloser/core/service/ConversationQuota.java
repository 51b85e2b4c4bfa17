package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.Plans;
import com.callbackcloser.core.model.UsagePeriod;
import com.callbackcloser.core.port.out.Repositories;
import java.time.Instant;
import java.util.UUID;

/**
 * Whether a business may start one more conversation this month. The business row is locked first and stays
 * locked until the caller's transaction commits its "SMS started" mark, so N concurrent missed calls with one
 * conversation left start exactly one: each counts only after the previous one has committed.
 */
final class ConversationQuota {
    private final Plans plans;

    ConversationQuota(Plans plans) {
        this.plans = plans;
    }

    /** @param admitted a conversation may start; {@code used} and {@code limit} are for the owner's notice */
    record Admission(boolean admitted, int used, int limit, PlanTier tier) {}

    Admission admit(Repositories repositories, UUID businessId, Instant now) {
        Business business = repositories
                .businesses()
                .lock(businessId)
                .orElseThrow(() -> new IllegalStateException("business " + businessId + " vanished"));
        PlanTier tier = plans.tierOf(business.subscription());
        int limit = plans.limitOf(tier);
        int used = repositories
                .leads()
                .countConversationsStarted(businessId, UsagePeriod.monthContaining(now, plans.usageZone()));
        return new Admission(used < limit, used, limit, tier);
    }
}
