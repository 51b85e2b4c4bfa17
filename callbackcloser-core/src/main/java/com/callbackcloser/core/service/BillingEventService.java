package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.in.BillingEvent;
import com.callbackcloser.core.port.in.BillingEventOutcome;
import com.callbackcloser.core.port.in.HandleBillingEventUseCase;
import com.callbackcloser.core.port.out.BillingProvider;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.StoredSubscription;
import com.callbackcloser.core.port.out.SubscriptionChange;
import com.callbackcloser.core.port.out.SubscriptionSnapshot;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe's webhook events switch the automation on and off.
 *
 * <p>An event only says which subscription to look at: its state is fetched from Stripe, so events arriving late,
 * out of order or in the same second all end in what Stripe says now. Invoices count only for the business's
 * current subscription (a one-off invoice, or one of an old subscription, changes nothing); a subscription or
 * checkout event for another subscription of the business makes it current when it serves the business better
 * ({@link CurrentSubscription}).
 *
 * <p>Stripe is asked outside any transaction. The stored subscription's version is read before asking and checked,
 * under the business's row lock, when storing: a fetch that another event's fresher fetch overtook is fetched again
 * instead of being stored over it. Every event id is recorded in the transaction of its effect: a redelivery finds
 * it and changes nothing, and a failure (Stripe unreachable included) rolls both back so Stripe's retry starts
 * clean.
 */
public final class BillingEventService implements HandleBillingEventUseCase {
    /** Each attempt asks Stripe again; events that keep overtaking this one past that are left to Stripe's retry. */
    private static final int MAX_ATTEMPTS = 5;

    private final TransactionRunner transactions;
    private final BillingProvider billing;
    private final Clock clock;

    public BillingEventService(TransactionRunner transactions, BillingProvider billing, Clock clock) {
        this.transactions = transactions;
        this.billing = billing;
        this.clock = clock;
    }

    @Override
    public BillingEventOutcome onBillingEvent(BillingEvent event) {
        if (event.kind() == BillingEvent.Kind.IGNORED || event.subscriptionId() == null) {
            return acknowledge(event, null, BillingEventOutcome.IGNORED);
        }
        // Saves Stripe a request for a redelivery; what decides is the insert in the transaction that stores.
        if (transactions.inTransaction(r -> r.billingEvents().contains(event.eventId()))) {
            return BillingEventOutcome.DUPLICATE;
        }
        if (event.kind() == BillingEvent.Kind.CHECKOUT_COMPLETED) {
            stampBusinessId(event);
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<BillingEventOutcome> outcome = attempt(event);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new IllegalStateException("the subscription of event " + event.eventId() + " kept changing while it was"
                + " applied " + MAX_ATTEMPTS + " times; Stripe's retry will apply it");
    }

    /** The outcome, or empty when a fresher state was stored while Stripe was asked. */
    private Optional<BillingEventOutcome> attempt(BillingEvent event) {
        Optional<StoredSubscription> found =
                transactions.inTransaction(r -> stored(r, event.businessIdHint(), event.customerId()));
        if (found.isEmpty()) {
            // An invoice may come before the checkout stored the customer, and in older API versions without the
            // subscription's metadata: the subscription itself names the business.
            SubscriptionSnapshot subscription = billing.retrieveSubscription(event.subscriptionId());
            found = transactions.inTransaction(r -> stored(r, subscription.businessId(), subscription.customerId()));
            if (found.isEmpty()) {
                return Optional.of(acknowledge(event, null, BillingEventOutcome.UNKNOWN_BUSINESS));
            }
        }
        StoredSubscription before = found.get();
        // Asked after the version was read: whatever is stored from now on is noticed when storing.
        SubscriptionSnapshot subject = billing.retrieveSubscription(event.subscriptionId());
        String currentId = before.subscription().subscriptionId();
        if (currentId == null || currentId.equals(subject.id()) || currentId.equals(event.subscriptionId())) {
            return store(event, before, subject, true);
        }
        if (event.kind() == BillingEvent.Kind.INVOICE) {
            return Optional.of(acknowledge(event, before.businessId(), BillingEventOutcome.OTHER_SUBSCRIPTION));
        }
        SubscriptionSnapshot current = billing.retrieveSubscription(currentId);
        boolean replaces = CurrentSubscription.replaces(current, subject);
        return store(event, before, replaces ? subject : current, replaces);
    }

    private Optional<BillingEventOutcome> store(
            BillingEvent event, StoredSubscription before, SubscriptionSnapshot fetched, boolean aboutThisEvent) {
        Instant now = clock.instant();
        UUID businessId = before.businessId();
        try {
            return Optional.of(transactions.inTransaction(r -> {
                if (!r.billingEvents().record(event.eventId(), event.type(), event.created(), now)) {
                    return BillingEventOutcome.DUPLICATE;
                }
                Optional<StoredSubscription> locked = r.businesses().lockSubscription(businessId);
                if (locked.isEmpty()) {
                    r.billingEvents()
                            .recordOutcome(event.eventId(), null, BillingEventOutcome.UNKNOWN_BUSINESS.logName());
                    return BillingEventOutcome.UNKNOWN_BUSINESS;
                }
                if (locked.get().version() != before.version()) {
                    throw new Overtaken();
                }
                Subscription was = locked.get().subscription();
                SubscriptionChange change = new SubscriptionChange(
                        SubscriptionStatus.fromStripe(fetched.status()),
                        fetched.customerId() != null ? fetched.customerId() : event.customerId(),
                        fetched.id(),
                        fetched.priceId());
                // Stored even when nothing changed: the version moves, so an older fetch in flight is not stored.
                r.businesses().applySubscription(businessId, change, event.created(), now);
                if (change.status() != was.status()) {
                    WebhookEvents.subscriptionStatusChanged(r, businessId, change.status(), was.status(), now);
                }
                BillingEventOutcome outcome = !aboutThisEvent
                        ? BillingEventOutcome.OTHER_SUBSCRIPTION
                        : changes(was, change) ? BillingEventOutcome.APPLIED : BillingEventOutcome.UNCHANGED;
                r.billingEvents().recordOutcome(event.eventId(), businessId, outcome.logName());
                return outcome;
            }));
        } catch (Overtaken e) {
            return Optional.empty();
        }
    }

    private static boolean changes(Subscription was, SubscriptionChange change) {
        return change.status() != was.status()
                || changes(was.customerId(), change.customerId())
                || changes(was.subscriptionId(), change.subscriptionId())
                || changes(was.priceId(), change.priceId());
    }

    /** A null in a change keeps the stored value. */
    private static boolean changes(String stored, String changed) {
        return changed != null && !Objects.equals(stored, changed);
    }

    private BillingEventOutcome acknowledge(BillingEvent event, UUID businessId, BillingEventOutcome outcome) {
        Instant now = clock.instant();
        return transactions.inTransaction(r -> {
            if (!r.billingEvents().record(event.eventId(), event.type(), event.created(), now)) {
                return BillingEventOutcome.DUPLICATE;
            }
            r.billingEvents().recordOutcome(event.eventId(), businessId, outcome.logName());
            return outcome;
        });
    }

    /** Our id into the subscription's metadata, if it has none: its later events (and invoices) find the business. */
    private void stampBusinessId(BillingEvent event) {
        Optional<UUID> businessId = parseId(event.businessIdHint());
        if (businessId.isEmpty()) {
            return;
        }
        SubscriptionSnapshot subscription = billing.retrieveSubscription(event.subscriptionId());
        if (parseId(subscription.businessId()).isEmpty()) {
            billing.stampBusinessId(subscription.id(), businessId.get());
        }
    }

    /** Our id first (it survives a customer being shared), then the Stripe customer. */
    private static Optional<StoredSubscription> stored(
            Repositories repositories, String businessIdHint, String customerId) {
        Optional<Business> business =
                parseId(businessIdHint).flatMap(id -> repositories.businesses().findById(id));
        if (business.isEmpty() && customerId != null) {
            business = repositories.businesses().findByStripeCustomerId(customerId);
        }
        return business.flatMap(b -> repositories.businesses().findSubscription(b.id()));
    }

    private static Optional<UUID> parseId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Another event stored the subscription after this one read it: thrown to roll back, then fetched again. */
    private static final class Overtaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overtaken() {
            super(null, null, false, false);
        }
    }
}
