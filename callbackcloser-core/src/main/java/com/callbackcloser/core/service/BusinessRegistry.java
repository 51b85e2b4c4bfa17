package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.SubscriptionStatus;
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
        return transactions.inTransaction(repositories -> repositories.businesses().create(business, clock.instant()));
    }

    public List<Business> listAll() {
        return transactions.inTransaction(repositories -> repositories.businesses().listAll());
    }

    public void setSubscriptionStatus(UUID businessId, SubscriptionStatus status) {
        transactions.inTransaction(repositories -> {
            repositories.businesses().updateSubscriptionStatus(businessId, status, clock.instant());
            return null;
        });
    }
}
