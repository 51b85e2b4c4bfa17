package com.callbackcloser.core.port.in;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A Stripe webhook event, reduced to what the billing rules read. Fields the event does not carry are null.
 *
 * @param businessIdHint our business id from the object's metadata, or a checkout's client_reference_id
 * @param stripeStatus the subscription's status as Stripe spells it (subscription events only)
 */
public record BillingEvent(
        String eventId,
        String type,
        Instant created,
        String businessIdHint,
        String customerId,
        String subscriptionId,
        String priceId,
        String stripeStatus) {

    public BillingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(created, "created");
    }

    public enum Kind {
        CHECKOUT_COMPLETED,
        SUBSCRIPTION_CHANGED,
        PAYMENT_FAILED,
        PAYMENT_SUCCEEDED,
        IGNORED
    }

    public Kind kind() {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "checkout.session.completed" -> Kind.CHECKOUT_COMPLETED;
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                Kind.SUBSCRIPTION_CHANGED;
            case "invoice.payment_failed" -> Kind.PAYMENT_FAILED;
            case "invoice.payment_succeeded" -> Kind.PAYMENT_SUCCEEDED;
            default -> Kind.IGNORED;
        };
    }
}
