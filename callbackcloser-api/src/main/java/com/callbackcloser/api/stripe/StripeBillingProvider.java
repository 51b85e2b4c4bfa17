package com.callbackcloser.api.stripe;

import com.callbackcloser.core.port.out.BillingProvider;
import com.callbackcloser.core.port.out.BillingProviderException;
import com.callbackcloser.core.port.out.SubscriptionSnapshot;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Instant;
import java.util.UUID;

/** Stripe through stripe-java's {@code StripeClient}. */
public final class StripeBillingProvider implements BillingProvider {
    static final String BUSINESS_ID = "businessId";

    private final StripeClient stripe;

    public StripeBillingProvider(String secretKey, String apiBaseUrl) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(secretKey)
                // Our callers (a webhook Stripe retries, an owner clicking again) decide about retrying.
                .setMaxNetworkRetries(0);
        if (apiBaseUrl != null && !apiBaseUrl.isBlank()) {
            builder.setApiBase(apiBaseUrl.replaceAll("/+$", ""));
        }
        this.stripe = builder.build();
    }

    @Override
    public String createCustomer(String name, String phone, UUID businessId) {
        return call(
                "create a customer",
                () -> stripe.v1()
                        .customers()
                        .create(CustomerCreateParams.builder()
                                .setName(name)
                                .setPhone(phone)
                                .putMetadata(BUSINESS_ID, businessId.toString())
                                .build())
                        .getId());
    }

    @Override
    public String createCheckoutSession(
            String customerId, String priceId, UUID businessId, String successUrl, String cancelUrl) {
        return call(
                "create a checkout session",
                () -> stripe.v1()
                        .checkout()
                        .sessions()
                        .create(SessionCreateParams.builder()
                                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                                .setCustomer(customerId)
                                .setClientReferenceId(businessId.toString())
                                .addLineItem(SessionCreateParams.LineItem.builder()
                                        .setPrice(priceId)
                                        .setQuantity(1L)
                                        .build())
                                .setAllowPromotionCodes(true)
                                .putMetadata(BUSINESS_ID, businessId.toString())
                                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                                        .putMetadata(BUSINESS_ID, businessId.toString())
                                        .build())
                                .setSuccessUrl(successUrl)
                                .setCancelUrl(cancelUrl)
                                .build())
                        .getUrl());
    }

    @Override
    public String createPortalSession(String customerId, String returnUrl) {
        return call(
                "create a billing-portal session",
                () -> stripe.v1()
                        .billingPortal()
                        .sessions()
                        .create(com.stripe.param.billingportal.SessionCreateParams.builder()
                                .setCustomer(customerId)
                                .setReturnUrl(returnUrl)
                                .build())
                        .getUrl());
    }

    @Override
    public SubscriptionSnapshot retrieveSubscription(String subscriptionId) {
        Subscription subscription = call(
                "fetch subscription " + subscriptionId,
                () -> stripe.v1().subscriptions().retrieve(subscriptionId));
        String priceId = subscription.getItems() == null
                        || subscription.getItems().getData().isEmpty()
                ? null
                : priceOf(subscription.getItems().getData().get(0));
        return new SubscriptionSnapshot(
                subscription.getId(),
                subscription.getCustomer(),
                subscription.getStatus(),
                priceId,
                subscription.getMetadata() == null
                        ? null
                        : subscription.getMetadata().get(BUSINESS_ID),
                subscription.getCreated() == null ? null : Instant.ofEpochSecond(subscription.getCreated()));
    }

    @Override
    public void stampBusinessId(String subscriptionId, UUID businessId) {
        call(
                "update subscription " + subscriptionId,
                () -> stripe.v1()
                        .subscriptions()
                        .update(
                                subscriptionId,
                                SubscriptionUpdateParams.builder()
                                        .putMetadata(BUSINESS_ID, businessId.toString())
                                        .build()));
    }

    private static String priceOf(SubscriptionItem item) {
        return item.getPrice() == null ? null : item.getPrice().getId();
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(String what, StripeCall<T> request) {
        try {
            return request.run();
        } catch (StripeException e) {
            throw new BillingProviderException("Stripe could not " + what + ": " + e.getMessage(), e);
        }
    }
}
