package com.callbackcloser.core.port.in;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A Stripe webhook event, reduced to what the billing rules read: which business and which subscription it is
 * about. What the event says of the subscription's status is not kept: events arrive in any order, so the
 * status is fetched from Stripe. Fields the event does not carry are null.
 *
 * @param businessIdHint our business id from the object's metadata (an invoice's: its subscription's), or a
 *     checkout's client_reference_id
 * @param subscriptionId the subscription the event is about; null for a one-off invoice or a checkout in payment
 *     mode, which leave the subscription as it is
 */
public record BillingEvent(
        String eventId, String type, Instant created, String businessIdHint, String customerId, String subscriptionId) {

    public BillingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(created, "created");
    }

    public enum Kind {
        /** The owner paid for a subscription: it becomes theirs if it serves them better than the one they have. */
        CHECKOUT_COMPLETED,
        /** created / updated / deleted: like a checkout, the subscription may replace the one stored. */
        SUBSCRIPTION_CHANGED,
        /** paid / payment_succeeded / payment_failed: about the business's current subscription only. */
        INVOICE,
        IGNORED
    }

    public Kind kind() {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "checkout.session.completed" -> Kind.CHECKOUT_COMPLETED;
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                Kind.SUBSCRIPTION_CHANGED;
            case "invoice.paid", "invoice.payment_succeeded", "invoice.payment_failed" -> Kind.INVOICE;
            default -> Kind.IGNORED;
        };
    }
}
