package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.model.HoursSettings;
import com.callbackcloser.core.model.OpeningHours;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A business's opening hours: read by its members, replaced or removed by those who edit settings, audited. */
public final class OpeningHoursService {
    static final String ALWAYS_OPEN = "always open";

    private final TransactionRunner transactions;
    private final Clock clock;

    public OpeningHoursService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public HoursSettings get(Actor actor, UUID businessId) {
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_BUSINESS);
            return settings(repositories, businessId);
        });
    }

    /** Replaces the hours; {@code null} removes them, so the business is always open again. */
    public HoursSettings replace(Actor actor, UUID businessId, OpeningHours hours) {
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS);
            // The business row lock puts concurrent replacements one after the other, each auditing what the
            // other left.
            repositories.businesses().lock(businessId);
            Optional<OpeningHours> before = repositories.openingHours().find(businessId);
            if (before.equals(Optional.ofNullable(hours))) {
                return settings(repositories, businessId);
            }
            if (hours == null) {
                repositories.openingHours().clear(businessId);
            } else {
                repositories.openingHours().replace(businessId, hours, now);
            }
            repositories
                    .audit()
                    .record(
                            businessId,
                            actor.subject(),
                            "business.hours_changed",
                            businessId.toString(),
                            List.of(new FieldChange(
                                    "hours",
                                    before.map(OpeningHours::describe).orElse(ALWAYS_OPEN),
                                    hours == null ? ALWAYS_OPEN : hours.describe())),
                            actor.correlationId(),
                            now);
            return settings(repositories, businessId);
        });
    }

    private HoursSettings settings(Repositories repositories, UUID businessId) {
        Business business = repositories
                .businesses()
                .findById(businessId)
                .orElseThrow(() -> new ResourceNotFoundException("business"));
        Optional<OpeningHours> hours = repositories.openingHours().find(businessId);
        boolean openNow =
                hours.map(h -> h.isOpen(clock.instant(), business.timeZone())).orElse(true);
        return new HoursSettings(business.timeZone(), hours, openNow);
    }
}
