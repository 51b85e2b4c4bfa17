package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.PauseReason;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.Plans;
import com.callbackcloser.core.model.Usage;
import com.callbackcloser.core.model.UsagePeriod;
import com.callbackcloser.core.port.in.BusinessNotFoundException;
import com.callbackcloser.core.port.in.GetUsageQuery;
import com.callbackcloser.core.port.in.NoBillingAccountException;
import com.callbackcloser.core.port.in.OpenBillingPortal;
import com.callbackcloser.core.port.in.OpenBillingPortalUseCase;
import com.callbackcloser.core.port.in.PlanNotForSaleException;
import com.callbackcloser.core.port.in.StartCheckout;
import com.callbackcloser.core.port.in.StartCheckoutUseCase;
import com.callbackcloser.core.port.out.BillingProvider;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** What an owner does about billing: buy a plan, manage it, see how much of it is used. */
public final class BillingService implements StartCheckoutUseCase, OpenBillingPortalUseCase, GetUsageQuery {
    private final TransactionRunner transactions;
    private final BillingProvider billing;
    private final Plans plans;
    private final Clock clock;

    public BillingService(TransactionRunner transactions, BillingProvider billing, Plans plans, Clock clock) {
        this.transactions = transactions;
        this.billing = billing;
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public String startCheckout(StartCheckout command) {
        String priceId = plans.priceOf(command.plan()).orElseThrow(() -> new PlanNotForSaleException(command.plan()));
        Business business = business(command.businessId());
        String customerId = business.subscription().customerId() != null
                ? business.subscription().customerId()
                : createCustomer(business);
        return billing.createCheckoutSession(
                customerId, priceId, business.id(), command.successUrl(), command.cancelUrl());
    }

    /**
     * Creates the Stripe customer and stores it, unless a concurrent checkout stored one first: then that one
     * is used (the extra Stripe customer stays unused, and is named after the business for the books).
     */
    private String createCustomer(Business business) {
        String created = billing.createCustomer(business.name(), business.forwardingNumber(), business.id());
        Instant now = clock.instant();
        return transactions.inTransaction(
                repositories -> repositories.businesses().attachStripeCustomer(business.id(), created, now));
    }

    @Override
    public String openPortal(OpenBillingPortal command) {
        Business business = business(command.businessId());
        String customerId = business.subscription().customerId();
        if (customerId == null) {
            throw new NoBillingAccountException(business.id());
        }
        return billing.createPortalSession(customerId, command.returnUrl());
    }

    @Override
    public Usage usage(UUID businessId) {
        Instant now = clock.instant();
        UsagePeriod period = UsagePeriod.monthContaining(now, plans.usageZone());
        return transactions.inTransaction(repositories -> {
            Business business = repositories
                    .businesses()
                    .findById(businessId)
                    .orElseThrow(() -> new BusinessNotFoundException(businessId));
            PlanTier tier = plans.tierOf(business.subscription());
            int limit = plans.limitOf(tier);
            int used = repositories.leads().countConversationsStarted(businessId, period);
            int billingRequired = repositories.leads().countBillingRequired(businessId);
            return new Usage(
                    tier, used, limit, period, billingRequired, pauseReason(business, used, limit, billingRequired));
        });
    }

    private static PauseReason pauseReason(Business business, int used, int limit, int billingRequiredLeads) {
        if (!business.subscription().isActive()) {
            return PauseReason.BILLING_INACTIVE;
        }
        if (used >= limit) {
            return PauseReason.USAGE_LIMIT_REACHED;
        }
        return billingRequiredLeads > 0 ? PauseReason.BILLING_REQUIRED : PauseReason.NONE;
    }

    private Business business(UUID businessId) {
        return transactions
                .inTransaction(repositories -> repositories.businesses().findById(businessId))
                .orElseThrow(() -> new BusinessNotFoundException(businessId));
    }
}
