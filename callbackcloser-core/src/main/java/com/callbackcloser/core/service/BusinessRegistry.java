package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.in.BusinessNotFoundException;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
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
        return register(business, null);
    }

    /**
     * Creates the business and, with an {@code owner} (an identity provider's subject, or a development sign-in
     * name), makes them its owner in the same transaction: they see it in the dashboard at once.
     */
    public Business register(NewBusiness business, String owner) {
        return transactions.inTransaction(repositories -> {
            Instant now = clock.instant();
            Business created = repositories.businesses().create(business, now);
            if (owner != null && !owner.isBlank()) {
                repositories.members().put(created.id(), owner.strip(), Role.OWNER, now);
            }
            return created;
        });
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
