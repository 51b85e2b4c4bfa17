package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.BusinessSettingsPatch;
import com.callbackcloser.core.model.BusinessWithRole;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.model.Membership;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Onboarding and settings, for the businesses an owner (or a member) belongs to. */
public final class OwnerBusinessService {
    private final TransactionRunner transactions;
    private final Clock clock;

    public OwnerBusinessService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Creates the business with the caller as its owner, texting off until a subscription switches it on. */
    public BusinessWithRole onboard(Actor actor, BusinessSettings settings) {
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            Business business = repositories
                    .businesses()
                    .create(new NewBusiness(settings, null, SubscriptionStatus.INACTIVE, null), now);
            repositories.members().put(business.id(), actor.subject(), Role.OWNER, now);
            repositories
                    .audit()
                    .record(
                            business.id(),
                            actor.subject(),
                            "business.created",
                            business.id().toString(),
                            List.of(new FieldChange("name", null, business.name())),
                            actor.correlationId(),
                            now);
            return new BusinessWithRole(business, Role.OWNER);
        });
    }

    public List<BusinessWithRole> listMine(Actor actor) {
        return transactions.inTransaction(repositories ->
                repositories.members().listForSubject(actor.subject()).stream()
                        .flatMap(membership -> repositories.businesses().findById(membership.businessId()).stream()
                                .map(business -> new BusinessWithRole(business, membership.role())))
                        .toList());
    }

    public BusinessWithRole get(Actor actor, UUID businessId) {
        return transactions.inTransaction(repositories -> {
            Membership membership = BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_BUSINESS);
            return new BusinessWithRole(business(repositories, businessId), membership.role());
        });
    }

    public BusinessWithRole updateSettings(Actor actor, UUID businessId, BusinessSettingsPatch patch) {
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            Membership membership = BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS);
            Business current = business(repositories, businessId);
            BusinessSettings before = BusinessSettings.of(current);
            BusinessSettings after = patch.applyTo(before);
            List<FieldChange> changes = BusinessSettingsPatch.differences(before, after);
            if (!changes.isEmpty()) {
                repositories.businesses().updateSettings(businessId, after, now);
                repositories
                        .audit()
                        .record(
                                businessId,
                                actor.subject(),
                                "business.settings_changed",
                                businessId.toString(),
                                changes,
                                actor.correlationId(),
                                now);
            }
            return new BusinessWithRole(business(repositories, businessId), membership.role());
        });
    }

    private static Business business(Repositories repositories, UUID businessId) {
        return repositories
                .businesses()
                .findById(businessId)
                .orElseThrow(() -> new ResourceNotFoundException("business"));
    }
}
