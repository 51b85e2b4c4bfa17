package com.callbackcloser.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.api.testing.StripeSignature;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stripe events, signed and shaped as Stripe sends them, switching texting on and off. */
@ExtendWith(DropwizardExtensionsSupport.class)
class StripeWebhookIT {
    private static final StripeFake STRIPE = new StripeFake();
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "stripe.secretKey", StripeFake.SECRET_KEY,
            "stripe.webhookSecret", StripeFake.WEBHOOK_SECRET,
            "stripe.apiBaseUrl", STRIPE.baseUrl(),
            "stripe.priceStarter", StripeFake.PRICE_STARTER,
            "stripe.pricePro", StripeFake.PRICE_PRO);

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Business business;
    private String customer;
    private String subscription;

    @AfterAll
    static void stopFake() {
        STRIPE.close();
    }

    @BeforeEach
    void inactiveBusiness() {
        STRIPE.reset();
        business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.INACTIVE);
        customer = "cus_" + IDS.incrementAndGet();
        subscription = "sub_" + IDS.incrementAndGet();
    }

    @Test
    void subscriptionCreatedSwitchesTextingOnAndStoresTheStripeIds() {
        HttpResponse<String> response = send(subscriptionEvent(
                "customer.subscription.created",
                "active",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                now()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"received\":true,\"outcome\":\"applied\"}");
        assertThat(stored())
                .containsEntry("subscription_status", "ACTIVE")
                .containsEntry("stripe_customer_id", customer)
                .containsEntry("stripe_subscription_id", subscription)
                .containsEntry("stripe_price_id", StripeFake.PRICE_STARTER);
        assertThat(stored().get("subscription_status_changed_at")).isNotNull();
    }

    @Test
    void subscriptionEventsFindTheBusinessByCustomerWhenMetadataIsMissing() {
        attachCustomer();
        send(subscriptionEvent("customer.subscription.updated", "past_due", StripeFake.PRICE_PRO, null, now()));

        assertThat(stored())
                .containsEntry("subscription_status", "PAST_DUE")
                .containsEntry("stripe_price_id", StripeFake.PRICE_PRO);
    }

    @Test
    void subscriptionDeletedCancels() {
        send(subscriptionEvent(
                "customer.subscription.created",
                "active",
                StripeFake.PRICE_PRO,
                business.id().toString(),
                now() - 10));
        send(subscriptionEvent(
                "customer.subscription.deleted",
                "canceled",
                StripeFake.PRICE_PRO,
                business.id().toString(),
                now()));

        assertThat(stored()).containsEntry("subscription_status", "CANCELED");
    }

    @Test
    void incompletePausedAndUnknownStatusesAreInactive() {
        for (String status : new String[] {"incomplete", "incomplete_expired", "paused", "trialing"}) {
            send(subscriptionEvent(
                    "customer.subscription.updated",
                    status,
                    StripeFake.PRICE_STARTER,
                    business.id().toString(),
                    now() + IDS.incrementAndGet()));
            assertThat(stored().get("subscription_status"))
                    .as(status)
                    .isEqualTo(status.equals("trialing") ? "ACTIVE" : "INACTIVE");
        }
    }

    @Test
    void invoiceEventsFindTheBusinessByCustomer() {
        attachCustomer();
        send(invoiceEvent("invoice.payment_failed", now() - 5));
        assertThat(stored()).containsEntry("subscription_status", "PAST_DUE");

        send(invoiceEvent("invoice.payment_succeeded", now()));
        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");
    }

    @Test
    void checkoutCompletedFetchesTheSubscriptionAndStampsTheBusinessIdIntoItsMetadata() {
        STRIPE.hasSubscription(subscription, customer, "active", StripeFake.PRICE_PRO, null);
        String session = """
                {"id":"cs_test_%s","object":"checkout.session","mode":"subscription","status":"complete",
                 "client_reference_id":"%s","customer":"%s","subscription":"%s","metadata":{}}
                """.formatted(IDS.incrementAndGet(), business.id(), customer, subscription);

        HttpResponse<String> response = send(event("checkout.session.completed", session, now()));

        assertThat(response.body()).contains("\"outcome\":\"applied\"");
        assertThat(stored())
                .containsEntry("subscription_status", "ACTIVE")
                .containsEntry("stripe_customer_id", customer)
                .containsEntry("stripe_subscription_id", subscription)
                .containsEntry("stripe_price_id", StripeFake.PRICE_PRO);
        assertThat(STRIPE.posts("/v1/subscriptions/" + subscription))
                .containsExactly("metadata[businessId]=" + business.id());
    }

    @Test
    void checkoutCompletedDoesNotRestampASubscriptionThatHasOurId() {
        STRIPE.hasSubscription(
                subscription,
                customer,
                "trialing",
                StripeFake.PRICE_STARTER,
                business.id().toString());
        send(event("checkout.session.completed", """
                {"id":"cs_test_x","object":"checkout.session","customer":"%s","subscription":"%s",
                 "metadata":{"businessId":"%s"}}""".formatted(customer, subscription, business.id()), now()));

        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");
        assertThat(STRIPE.posts("/v1/subscriptions/" + subscription)).isEmpty();
    }

    @Test
    void theSameEventTwiceIsAcknowledgedWithoutEffect() {
        String event = subscriptionEvent(
                "customer.subscription.updated",
                "active",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                now());
        assertThat(send(event).body()).contains("applied");
        SERVICE.transactions().inTransaction(r -> {
            r.businesses().updateSubscriptionStatus(business.id(), SubscriptionStatus.CANCELED, Instant.now());
            return null;
        });

        HttpResponse<String> again = send(event);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"outcome\":\"duplicate\"");
        assertThat(stored()).containsEntry("subscription_status", "CANCELED");
    }

    @Test
    void updatesDeliveredNewestFirstLeaveTheNewestStatus() {
        long t = now();
        String newest = subscriptionEvent(
                "customer.subscription.updated",
                "canceled",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                t);
        String middle = subscriptionEvent(
                "customer.subscription.updated",
                "past_due",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                t - 60);
        String oldest = subscriptionEvent(
                "customer.subscription.updated",
                "active",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                t - 120);

        assertThat(send(newest).body()).contains("applied");
        assertThat(send(middle).body()).contains("stale");
        assertThat(send(oldest).body()).contains("stale");

        assertThat(stored()).containsEntry("subscription_status", "CANCELED");
    }

    @Test
    void anEventForABusinessWeDoNotKnowIsAcknowledged() {
        HttpResponse<String> response = send(subscriptionEvent(
                "customer.subscription.updated",
                "active",
                StripeFake.PRICE_STARTER,
                UUID.randomUUID().toString(),
                now()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("unknown_business");
    }

    @Test
    void anEventTypeWeDoNotHandleIsAcknowledgedAndIgnored() {
        HttpResponse<String> response =
                send(event("customer.created", "{\"id\":\"" + customer + "\",\"object\":\"customer\"}", now()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ignored");
    }

    @Test
    void anEventFromAnotherApiVersionIsStillRead() {
        String payload = event(
                        "customer.subscription.updated",
                        StripeFake.subscriptionJson(
                                subscription,
                                customer,
                                "active",
                                StripeFake.PRICE_PRO,
                                business.id().toString()),
                        now())
                .replace("\"api_version\":\"2026-07-29.dahlia\"", "\"api_version\":\"2020-08-27\"");

        assertThat(send(payload).body()).contains("applied");
        assertThat(stored())
                .containsEntry("subscription_status", "ACTIVE")
                .containsEntry("stripe_price_id", StripeFake.PRICE_PRO);
    }

    @Test
    void aBadSignatureIsRefusedAndChangesNothing() {
        String payload = subscriptionEvent(
                "customer.subscription.updated",
                "active",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                now());

        HttpResponse<String> response = post(payload, StripeSignature.header("whsec_wrong", payload, now()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":400").contains("invalid Stripe signature");
        assertThat(stored()).containsEntry("subscription_status", "INACTIVE");
    }

    @Test
    void anExpiredTimestampIsRefused() {
        String payload = subscriptionEvent(
                "customer.subscription.updated",
                "active",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                now());

        HttpResponse<String> response =
                post(payload, StripeSignature.header(StripeFake.WEBHOOK_SECRET, payload, now() - 600));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(stored()).containsEntry("subscription_status", "INACTIVE");
    }

    @Test
    void aMissingSignatureIsRefused() {
        HttpResponse<String> response = post(
                subscriptionEvent(
                        "customer.subscription.updated",
                        "active",
                        StripeFake.PRICE_STARTER,
                        business.id().toString(),
                        now()),
                null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("missing Stripe-Signature");
    }

    @Test
    void aFailureAnswers500AndLeavesNothingSoStripesRetryApplies() {
        STRIPE.failsSubscriptionFetches(subscription);
        String payload =
                event("checkout.session.completed", """
                {"id":"cs_test_y","object":"checkout.session","client_reference_id":"%s","customer":"%s",
                 "subscription":"%s"}""".formatted(business.id(), customer, subscription), now());

        assertThat(send(payload).statusCode()).isEqualTo(500);
        assertThat(stored()).containsEntry("subscription_status", "INACTIVE").containsEntry("stripe_customer_id", null);

        STRIPE.hasSubscription(
                subscription,
                customer,
                "active",
                StripeFake.PRICE_STARTER,
                business.id().toString());
        HttpResponse<String> retry = send(payload);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("applied");
        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");
    }

    private void attachCustomer() {
        SERVICE.transactions()
                .inTransaction(r -> r.businesses().attachStripeCustomer(business.id(), customer, Instant.now()));
    }

    private String subscriptionEvent(String type, String status, String price, String businessId, long created) {
        return event(type, StripeFake.subscriptionJson(subscription, customer, status, price, businessId), created);
    }

    private String invoiceEvent(String type, long created) {
        return event(type, """
                {"id":"in_%s","object":"invoice","customer":"%s","status":"open","billing_reason":"subscription_cycle",
                 "parent":{"type":"subscription_details","subscription_details":{"subscription":"%s","metadata":{}}}}
                """.formatted(IDS.incrementAndGet(), customer, subscription), created);
    }

    private static String event(String type, String object, long created) {
        return """
                {"id":"evt_%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,
                 "data":{"object":%s},"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s"}""".formatted(UUID.randomUUID().toString().replace("-", ""), created, object.strip(), type);
    }

    private HttpResponse<String> send(String payload) {
        return post(payload, StripeSignature.header(StripeFake.WEBHOOK_SECRET, payload, now()));
    }

    private HttpResponse<String> post(String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + SERVICE.app.getLocalPort() + "/api/stripe/webhook"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> stored() {
        return SERVICE.jdbi()
                .withHandle(h ->
                        h.createQuery("""
                        SELECT subscription_status, subscription_status_changed_at, stripe_customer_id,
                               stripe_subscription_id, stripe_price_id
                          FROM businesses WHERE id = :id""").bind("id", business.id()).mapToMap().one());
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
