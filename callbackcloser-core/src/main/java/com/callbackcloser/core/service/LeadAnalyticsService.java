package com.callbackcloser.core.service;

import com.callbackcloser.core.model.AnalyticsPeriod;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.LeadAnalytics;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.port.in.GetLeadAnalyticsUseCase;
import com.callbackcloser.core.port.in.LeadAnalyticsQuery;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;

/**
 * A business's lead funnel for its members. Every member may see it: it is made of the leads they can all list.
 * The days are the business's own, so "November" is its November, whatever zone the server or the caller is in.
 */
public final class LeadAnalyticsService implements GetLeadAnalyticsUseCase {
    private final TransactionRunner transactions;
    private final Clock clock;

    public LeadAnalyticsService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public LeadAnalytics leadAnalytics(LeadAnalyticsQuery query) {
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, query.actor(), query.businessId(), Permission.VIEW_LEADS);
            Business business = repositories
                    .businesses()
                    .findById(query.businessId())
                    .orElseThrow(() -> new ResourceNotFoundException("business"));
            AnalyticsPeriod period = query.days() == null
                    ? AnalyticsPeriod.monthContaining(clock.instant(), business.timeZone())
                    : new AnalyticsPeriod(query.days(), business.timeZone());
            return new LeadAnalytics(
                    business.id(), period, repositories.analytics().leadFunnel(business.id(), period));
        });
    }
}
