package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.in.BusinessNotFoundException;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Operator-level management of businesses (the owner API builds on the same repository). */
public final class BusinessRegistry {
    private final TransactionRunner transactions;
    private final Clock clock;

    public BusinessRegistry(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public Business register(NewBusiness business) {
        return transactions.inTransaction(
                repositories -> repositories.businesses().create(business, clock.instant()));
    }

    public List<Business> listAll() {
        return transactions.inTransaction(
                repositories -> repositories.businesses().listAll());
    }

    /** By hand, until (or instead of) Stripe: e.g. a trial, or trying the service without Stripe. */
    public void setManualSubscription(UUID businessId, SubscriptionStatus status, PlanTier plan) {
        transactions.inTransaction(repositories -> {
            if (repositories.businesses().findById(businessId).isEmpty()) {
                throw new BusinessNotFoundException(businessId);
            }
            repositories.businesses().setManualSubscription(businessId, status, plan, clock.instant());
            return null;
        });
    }
}
