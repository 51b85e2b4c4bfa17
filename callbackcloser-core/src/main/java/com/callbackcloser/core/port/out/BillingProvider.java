package com.callbackcloser.core.port.out;

import java.util.UUID;

/** Stripe, as the billing rules need it. Failures are {@link BillingProviderException}s. */
public interface BillingProvider {

    String createCustomer(String name, String phone, UUID businessId);

    /** A subscription-mode Checkout session; returns its URL. */
    String createCheckoutSession(
            String customerId, String priceId, UUID businessId, String successUrl, String cancelUrl);

    /** A billing-portal session; returns its URL. */
    String createPortalSession(String customerId, String returnUrl);

    SubscriptionSnapshot retrieveSubscription(String subscriptionId);

    /** Writes our business id into the subscription's metadata, so its later events find the business. */
    void stampBusinessId(String subscriptionId, UUID businessId);
}
