package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.in.BillingEvent;
import com.callbackcloser.core.port.in.BillingEventOutcome;
import com.callbackcloser.core.port.in.HandleBillingEventUseCase;
import com.callbackcloser.core.port.out.BillingProvider;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.SubscriptionChange;
import com.callbackcloser.core.port.out.SubscriptionSnapshot;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe's webhook events switch the automation on and off.
 *
 * <p>Every event id is recorded in the same transaction as its effect: a redelivered event finds its id and
 * changes nothing, and a failure rolls both back so Stripe's retry starts clean. Events can arrive out of
 * order; each business remembers the creation time of the last event applied to its subscription, and an
 * older event never overwrites what a newer one said.
 */
public final class BillingEventService implements HandleBillingEventUseCase {
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
        BillingEvent.Kind kind = event.kind();
        // A checkout's session does not carry the subscription's status or price: ask Stripe, outside the
        // transaction, and make sure the subscription's later events can find the business on their own.
        SubscriptionSnapshot checkedOut = kind == BillingEvent.Kind.CHECKOUT_COMPLETED && event.subscriptionId() != null
                ? subscriptionStampedWith(event)
                : null;
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            if (!repositories.billingEvents().record(event.eventId(), event.type(), event.created(), now)) {
                return BillingEventOutcome.DUPLICATE;
            }
            if (kind == BillingEvent.Kind.IGNORED) {
                repositories
                        .billingEvents()
                        .recordOutcome(event.eventId(), null, BillingEventOutcome.IGNORED.logName());
                return BillingEventOutcome.IGNORED;
            }
            Optional<Business> business = businessOf(repositories, event);
            if (business.isEmpty()) {
                repositories
                        .billingEvents()
                        .recordOutcome(event.eventId(), null, BillingEventOutcome.UNKNOWN_BUSINESS.logName());
                return BillingEventOutcome.UNKNOWN_BUSINESS;
            }
            UUID businessId = business.get().id();
            boolean applied = repositories
                    .businesses()
                    .applySubscription(businessId, change(kind, event, checkedOut), event.created(), now);
            BillingEventOutcome outcome = applied ? BillingEventOutcome.APPLIED : BillingEventOutcome.STALE;
            repositories.billingEvents().recordOutcome(event.eventId(), businessId, outcome.logName());
            return outcome;
        });
    }

    private SubscriptionSnapshot subscriptionStampedWith(BillingEvent event) {
        SubscriptionSnapshot subscription = billing.retrieveSubscription(event.subscriptionId());
        Optional<UUID> businessId = parseId(event.businessIdHint());
        if (businessId.isPresent() && parseId(subscription.businessId()).isEmpty()) {
            billing.stampBusinessId(subscription.id(), businessId.get());
        }
        return subscription;
    }

    private static SubscriptionChange change(
            BillingEvent.Kind kind, BillingEvent event, SubscriptionSnapshot checkedOut) {
        return switch (kind) {
            case CHECKOUT_COMPLETED ->
                checkedOut == null
                        ? new SubscriptionChange(SubscriptionStatus.INACTIVE, event.customerId(), null, null)
                        : new SubscriptionChange(
                                SubscriptionStatus.fromStripe(checkedOut.status()),
                                firstNonNull(event.customerId(), checkedOut.customerId()),
                                checkedOut.id(),
                                checkedOut.priceId());
            case SUBSCRIPTION_CHANGED ->
                new SubscriptionChange(
                        SubscriptionStatus.fromStripe(event.stripeStatus()),
                        event.customerId(),
                        event.subscriptionId(),
                        event.priceId());
            case PAYMENT_FAILED -> new SubscriptionChange(SubscriptionStatus.PAST_DUE, event.customerId(), null, null);
            case PAYMENT_SUCCEEDED -> new SubscriptionChange(SubscriptionStatus.ACTIVE, event.customerId(), null, null);
            case IGNORED -> throw new IllegalArgumentException("ignored events change nothing");
        };
    }

    /** Our id in the metadata first (it survives a customer being shared), then the Stripe customer. */
    private static Optional<Business> businessOf(Repositories repositories, BillingEvent event) {
        Optional<Business> byId = parseId(event.businessIdHint())
                .flatMap(id -> repositories.businesses().findById(id));
        if (byId.isPresent() || event.customerId() == null) {
            return byId;
        }
        return repositories.businesses().findByStripeCustomerId(event.customerId());
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

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
