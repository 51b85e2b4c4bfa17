package com.callbackcloser.api.stripe;

import com.callbackcloser.core.port.out.BillingProvider;
import com.callbackcloser.core.port.out.BillingProviderException;
import com.callbackcloser.core.port.out.SubscriptionSnapshot;
import java.util.UUID;

/** Without {@code STRIPE_SECRET_KEY} (development only) every billing action says so instead of failing obscurely. */
public final class UnconfiguredBillingProvider implements BillingProvider {
    private static final String MESSAGE = "Stripe is not configured: set STRIPE_SECRET_KEY";

    @Override
    public String createCustomer(String name, String phone, UUID businessId) {
        throw unconfigured();
    }

    @Override
    public String createCheckoutSession(
            String customerId, String priceId, UUID businessId, String successUrl, String cancelUrl) {
        throw unconfigured();
    }

    @Override
    public String createPortalSession(String customerId, String returnUrl) {
        throw unconfigured();
    }

    @Override
    public SubscriptionSnapshot retrieveSubscription(String subscriptionId) {
        throw unconfigured();
    }

    @Override
    public void stampBusinessId(String subscriptionId, UUID businessId) {
        throw unconfigured();
    }

    private static BillingProviderException unconfigured() {
        return new BillingProviderException(MESSAGE, null);
    }
}
