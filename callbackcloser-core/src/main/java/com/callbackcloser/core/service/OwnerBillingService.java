package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.Usage;
import com.callbackcloser.core.port.in.OpenBillingPortal;
import com.callbackcloser.core.port.in.StartCheckout;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The billing use cases for a business's members: owners buy and manage plans; members see usage. */
public final class OwnerBillingService {
    private final TransactionRunner transactions;
    private final BillingService billing;
    private final Clock clock;

    public OwnerBillingService(TransactionRunner transactions, BillingService billing, Clock clock) {
        this.transactions = transactions;
        this.billing = billing;
        this.clock = clock;
    }

    public String checkout(Actor actor, UUID businessId, PlanTier plan, String successUrl, String cancelUrl) {
        authorize(actor, businessId, Permission.MANAGE_BILLING);
        String url = billing.startCheckout(new StartCheckout(businessId, plan, successUrl, cancelUrl));
        audit(actor, businessId, "billing.checkout_started", List.of(new FieldChange("plan", null, plan.name())));
        return url;
    }

    public String portal(Actor actor, UUID businessId, String returnUrl) {
        authorize(actor, businessId, Permission.MANAGE_BILLING);
        String url = billing.openPortal(new OpenBillingPortal(businessId, returnUrl));
        audit(actor, businessId, "billing.portal_opened", List.of());
        return url;
    }

    public Usage usage(Actor actor, UUID businessId) {
        authorize(actor, businessId, Permission.VIEW_USAGE);
        return billing.usage(businessId);
    }

    private void authorize(Actor actor, UUID businessId, Permission permission) {
        transactions.inTransaction(repositories -> BusinessAccess.require(repositories, actor, businessId, permission));
    }

    private void audit(Actor actor, UUID businessId, String action, List<FieldChange> changes) {
        Instant now = clock.instant();
        transactions.inTransaction(repositories -> {
            repositories
                    .audit()
                    .record(
                            businessId,
                            actor.subject(),
                            action,
                            businessId.toString(),
                            changes,
                            actor.correlationId(),
                            now);
            return null;
        });
    }
}
