package com.callbackcloser.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.api.testing.StripeFixtures;
import com.callbackcloser.api.testing.StripeSignature;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.out.SubscriptionChange;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stripe events, signed and shaped as Stripe sends them, switching texting on and off. Whatever an event says,
 * the state stored is the one Stripe's subscription object has when we fetch it (from the Stripe fake, through
 * stripe-java), so the order events arrive in does not matter.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StripeWebhookIT {
    private static final StripeFake STRIPE = new StripeFake();
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "stripe.secretKey", StripeFake.SECRET_KEY,
            "stripe.webhookSecret", StripeFake.WEBHOOK_SECRET,
            "stripe.apiBaseUrl", STRIPE.baseUrl(),
            "stripe.priceStarter", StripeFake.PRICE_STARTER,
            "stripe.pricePro", StripeFake.PRICE_PRO,
            // Outbound webhooks are counted where they are queued; nothing is sent anywhere.
            "outboundWebhooks.enabled", "false");

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
        stripeSays(subscription, "active", StripeFake.PRICE_STARTER);

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
        assertThat(STRIPE.fetches(subscription)).isEqualTo(1);
    }

    @Test
    void subscriptionEventsFindTheBusinessByCustomerWhenMetadataIsMissing() {
        attachCustomer();
        STRIPE.hasSubscription(subscription, customer, "past_due", StripeFake.PRICE_PRO, null);

        send(subscriptionEvent("customer.subscription.updated", "past_due", StripeFake.PRICE_PRO, null, now()));

        assertThat(stored())
                .containsEntry("subscription_status", "PAST_DUE")
                .containsEntry("stripe_price_id", StripeFake.PRICE_PRO);
    }

    @Test
    void aDeletedSubscriptionIsCanceledAsStripeShowsIt() {
        stripeSays(subscription, "active", StripeFake.PRICE_PRO);
        send(subscriptionEvent(
                "customer.subscription.created",
                "active",
                StripeFake.PRICE_PRO,
                business.id().toString(),
                now() - 10));
        // Stripe keeps a deleted subscription: fetched, it answers with status canceled.
        stripeSays(subscription, "canceled", StripeFake.PRICE_PRO);

        HttpResponse<String> deleted = send(subscriptionEvent(
                "customer.subscription.deleted",
                "canceled",
                StripeFake.PRICE_PRO,
                business.id().toString(),
                now()));

        assertThat(deleted.body()).contains("\"outcome\":\"applied\"");
        assertThat(stored()).containsEntry("subscription_status", "CANCELED");
    }

    @Test
    void theDocumentedStatusMappingAppliesToWhatStripeSays() {
        Map<String, String> ours = Map.of(
                "active", "ACTIVE",
                "trialing", "ACTIVE",
                "past_due", "PAST_DUE",
                "unpaid", "PAST_DUE",
                "canceled", "CANCELED",
                "incomplete", "INACTIVE",
                "incomplete_expired", "INACTIVE",
                "paused", "INACTIVE");
        for (String status : List.of(
                "incomplete",
                "active",
                "past_due",
                "trialing",
                "unpaid",
                "paused",
                "incomplete_expired",
                "active",
                "canceled")) {
            stripeSays(subscription, status, StripeFake.PRICE_STARTER);
            // The event's own copy says otherwise: what counts is the subscription as Stripe has it now.
            send(subscriptionEvent(
                    "customer.subscription.updated",
                    "active",
                    StripeFake.PRICE_STARTER,
                    business.id().toString(),
                    now()));
            assertThat(stored().get("subscription_status")).as(status).isEqualTo(ours.get(status));
        }
    }

    @Test
    void invoiceEventsTakeTheStatusOfTheirSubscriptionFromStripe() {
        attachCustomer();
        stripeSays(subscription, "past_due", StripeFake.PRICE_STARTER);
        send(invoiceEvent("invoice.payment_failed", subscription, "open", now() - 5));
        assertThat(stored())
                .containsEntry("subscription_status", "PAST_DUE")
                .containsEntry("stripe_subscription_id", subscription);

        stripeSays(subscription, "active", StripeFake.PRICE_STARTER);
        send(invoiceEvent("invoice.payment_succeeded", subscription, "paid", now()));
        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");
    }

    @Test
    void invoicePaidIsHandledLikePaymentSucceeded() {
        current(subscription, SubscriptionStatus.PAST_DUE);
        stripeSays(subscription, "active", StripeFake.PRICE_STARTER);

        HttpResponse<String> response = send(invoiceEvent("invoice.paid", subscription, "paid", now()));

        assertThat(response.body()).contains("\"outcome\":\"applied\"");
        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");
    }

    @Test
    void aPaidOneOffInvoiceDoesNotReviveACanceledSubscription() {
        current(subscription, SubscriptionStatus.CANCELED);
        stripeSays(subscription, "canceled", StripeFake.PRICE_STARTER);

        for (String type : List.of("invoice.paid", "invoice.payment_succeeded")) {
            HttpResponse<String> response = send(event(type, StripeFixtures.invoice(customer, null, "paid", null)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as(type).contains("\"outcome\":\"ignored\"");
        }
        assertThat(stored())
                .containsEntry("subscription_status", "CANCELED")
                .containsEntry("stripe_subscription_id", subscription);
    }

    @Test
    void aFailedOneOffInvoiceLeavesAnActiveSubscriberActive() {
        current(subscription, SubscriptionStatus.ACTIVE);
        stripeSays(subscription, "active", StripeFake.PRICE_STARTER);

        HttpResponse<String> response =
                send(event("invoice.payment_failed", StripeFixtures.invoice(customer, null, "open", null)));

        assertThat(response.body()).contains("\"outcome\":\"ignored\"");
        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");
    }

    @Test
    void invoicesInTheShapeOfOlderApiVersionsAreReadByTheirTopLevelSubscription() {
        current(subscription, SubscriptionStatus.PAST_DUE);
        stripeSays(subscription, "active", StripeFake.PRICE_STARTER);

        HttpResponse<String> paid =
                send(oldEvent("invoice.paid", StripeFixtures.oldInvoice(customer, subscription, "paid")));

        assertThat(paid.body()).contains("\"outcome\":\"applied\"");
        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");

        HttpResponse<String> oneOff =
                send(oldEvent("invoice.payment_failed", StripeFixtures.oldInvoice(customer, null, "open")));

        assertThat(oneOff.body()).contains("\"outcome\":\"ignored\"");
        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");
    }

    @Test
    void anInvoiceOfAnOldSubscriptionDoesNotTouchTheCurrentOne() {
        String old = "sub_old_" + IDS.incrementAndGet();
        current(subscription, SubscriptionStatus.ACTIVE);
        stripeSays(subscription, "active", StripeFake.PRICE_PRO);
        stripeSays(old, "past_due", StripeFake.PRICE_STARTER);

        HttpResponse<String> response = send(invoiceEvent("invoice.payment_failed", old, "open", now()));

        assertThat(response.body()).contains("\"outcome\":\"other_subscription\"");
        assertThat(stored())
                .containsEntry("subscription_status", "ACTIVE")
                .containsEntry("stripe_subscription_id", subscription);
    }

    @Test
    void theOldSubscriptionEndingDoesNotOverwriteTheNewOne() {
        // The business moved from `old` to `subscription`; Stripe tells of the old one's end afterwards.
        String old = "sub_old_" + IDS.incrementAndGet();
        current(subscription, SubscriptionStatus.ACTIVE);
        stripeSays(subscription, "active", StripeFake.PRICE_PRO, StripeFixtures.DEFAULT_CREATED + 100);
        stripeSays(old, "canceled", StripeFake.PRICE_STARTER, StripeFixtures.DEFAULT_CREATED);

        for (String type : List.of("customer.subscription.updated", "customer.subscription.deleted")) {
            HttpResponse<String> response = send(event(
                    type,
                    StripeFixtures.subscription(
                            old,
                            customer,
                            "canceled",
                            StripeFake.PRICE_STARTER,
                            business.id().toString(),
                            StripeFixtures.DEFAULT_CREATED)));

            assertThat(response.body()).as(type).contains("\"outcome\":\"other_subscription\"");
        }
        assertThat(stored())
                .containsEntry("subscription_status", "ACTIVE")
                .containsEntry("stripe_subscription_id", subscription)
                .containsEntry("stripe_price_id", StripeFake.PRICE_PRO);
    }

    @Test
    void ofTwoLiveSubscriptionsTheNewerStaysCurrent() {
        String older = "sub_older_" + IDS.incrementAndGet();
        current(subscription, SubscriptionStatus.ACTIVE);
        stripeSays(subscription, "active", StripeFake.PRICE_PRO, StripeFixtures.DEFAULT_CREATED + 100);
        stripeSays(older, "active", StripeFake.PRICE_STARTER, StripeFixtures.DEFAULT_CREATED);

        HttpResponse<String> response = send(event(
                "customer.subscription.updated",
                StripeFixtures.subscription(
                        older,
                        customer,
                        "active",
                        StripeFake.PRICE_STARTER,
                        business.id().toString(),
                        StripeFixtures.DEFAULT_CREATED)));

        assertThat(response.body()).contains("\"outcome\":\"other_subscription\"");
        assertThat(stored())
                .containsEntry("stripe_subscription_id", subscription)
                .containsEntry("stripe_price_id", StripeFake.PRICE_PRO);
    }

    @Test
    void aNewSubscriptionReplacesOneThatEnded() {
        String renewed = "sub_new_" + IDS.incrementAndGet();
        current(subscription, SubscriptionStatus.CANCELED);
        stripeSays(subscription, "canceled", StripeFake.PRICE_STARTER, StripeFixtures.DEFAULT_CREATED);
        stripeSays(renewed, "active", StripeFake.PRICE_PRO, StripeFixtures.DEFAULT_CREATED + 100);

        HttpResponse<String> response = send(event(
                "customer.subscription.created",
                StripeFixtures.subscription(
                        renewed,
                        customer,
                        "active",
                        StripeFake.PRICE_PRO,
                        business.id().toString(),
                        StripeFixtures.DEFAULT_CREATED + 100)));

        assertThat(response.body()).contains("\"outcome\":\"applied\"");
        assertThat(stored())
                .containsEntry("subscription_status", "ACTIVE")
                .containsEntry("stripe_subscription_id", renewed)
                .containsEntry("stripe_price_id", StripeFake.PRICE_PRO);
    }

    @Test
    void eventsOfTheSameSecondEndInStripesStateWhateverOrderTheyArriveIn() {
        long second = now();
        String active = subscriptionEvent(
                "customer.subscription.updated",
                "active",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                second);
        String pastDue = subscriptionEvent(
                "customer.subscription.updated",
                "past_due",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                second);
        // The card was fixed: Stripe's subscription is active again, but the past_due event arrives last.
        stripeSays(subscription, "active", StripeFake.PRICE_STARTER);

        send(active);
        send(pastDue);

        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");
    }

    @Test
    void anOlderEventDeliveredLateStillEndsInStripesState() {
        stripeSays(subscription, "canceled", StripeFake.PRICE_STARTER);
        String newest = subscriptionEvent(
                "customer.subscription.deleted",
                "canceled",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                now());
        String oldest = subscriptionEvent(
                "customer.subscription.updated",
                "active",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                now() - 120);

        assertThat(send(newest).body()).contains("\"outcome\":\"applied\"");
        assertThat(send(oldest).body()).contains("\"outcome\":\"unchanged\"");

        assertThat(stored()).containsEntry("subscription_status", "CANCELED");
    }

    @Test
    void aSlowAnswerOvertakenByAFresherOneIsNotStoredOverIt() throws Exception {
        attachCustomer();
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The first fetch (for the `updated` event) sees past_due but answers late; by then the card was fixed,
        // and the `invoice.paid` event, fetched afterwards, sees active and is stored first.
        STRIPE.holdsFirstFetch(
                subscription,
                customer,
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                "past_due",
                "active",
                arrived,
                release);
        String updated = subscriptionEvent(
                "customer.subscription.updated",
                "past_due",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                now());
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> send(updated));
        assertThat(arrived.await(2, TimeUnit.MINUTES))
                .as("the first fetch reached Stripe")
                .isTrue();

        HttpResponse<String> paid = send(invoiceEvent("invoice.paid", subscription, "paid", now()));
        assertThat(paid.body()).contains("\"outcome\":\"applied\"");
        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");
        release.countDown();

        HttpResponse<String> overtaken = slow.get(2, TimeUnit.MINUTES);
        assertThat(overtaken.statusCode()).isEqualTo(200);
        assertThat(stored()).containsEntry("subscription_status", "ACTIVE");
        // It was fetched again once it found a fresher state stored than the one it had read.
        assertThat(STRIPE.fetches(subscription)).isEqualTo(3);
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
    void aCheckoutOfANewerSubscriptionMovesTheBusinessToIt() {
        String upgraded = "sub_new_" + IDS.incrementAndGet();
        current(subscription, SubscriptionStatus.ACTIVE);
        stripeSays(subscription, "active", StripeFake.PRICE_STARTER, StripeFixtures.DEFAULT_CREATED);
        stripeSays(upgraded, "active", StripeFake.PRICE_PRO, StripeFixtures.DEFAULT_CREATED + 100);

        HttpResponse<String> response = send(event(
                "checkout.session.completed",
                StripeFixtures.checkoutSession(business.id().toString(), customer, upgraded)));

        assertThat(response.body()).contains("\"outcome\":\"applied\"");
        assertThat(stored())
                .containsEntry("stripe_subscription_id", upgraded)
                .containsEntry("stripe_price_id", StripeFake.PRICE_PRO);
    }

    @Test
    void aCheckoutWithoutASubscriptionChangesNothing() {
        current(subscription, SubscriptionStatus.ACTIVE);
        String payment = """
                {"id":"cs_test_pay","object":"checkout.session","mode":"payment","status":"complete",
                 "client_reference_id":"%s","customer":"%s","subscription":null,"metadata":{}}
                """.formatted(business.id(), customer);

        HttpResponse<String> response = send(event("checkout.session.completed", payment, now()));

        assertThat(response.body()).contains("\"outcome\":\"ignored\"");
        assertThat(stored())
                .containsEntry("subscription_status", "ACTIVE")
                .containsEntry("stripe_subscription_id", subscription);
    }

    @Test
    void theSameEventTwiceIsAcknowledgedWithoutEffect() {
        stripeSays(subscription, "active", StripeFake.PRICE_STARTER);
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
        assertThat(STRIPE.fetches(subscription))
                .as("a redelivery does not ask Stripe")
                .isEqualTo(1);
    }

    @Test
    void stripeUnavailableAnswers500AndKeepsNothingSoItsRetryApplies() {
        current(subscription, SubscriptionStatus.PAST_DUE);
        STRIPE.failsSubscriptionFetches(subscription);
        String updated = subscriptionEvent(
                "customer.subscription.updated",
                "active",
                StripeFake.PRICE_PRO,
                business.id().toString(),
                now());
        String paid = invoiceEvent("invoice.paid", subscription, "paid", now());

        for (String payload : List.of(updated, paid)) {
            assertThat(send(payload).statusCode()).isEqualTo(500);
        }
        assertThat(stored())
                .containsEntry("subscription_status", "PAST_DUE")
                .containsEntry("stripe_price_id", StripeFake.PRICE_STARTER);
        assertThat(storedEvents(List.of(updated, paid))).as("events kept").isZero();

        stripeSays(subscription, "active", StripeFake.PRICE_PRO);
        assertThat(send(updated).body()).contains("\"outcome\":\"applied\"");
        assertThat(send(paid).body()).contains("\"outcome\":\"unchanged\"");
        assertThat(stored())
                .containsEntry("subscription_status", "ACTIVE")
                .containsEntry("stripe_price_id", StripeFake.PRICE_PRO);
    }

    @Test
    void aStatusChangeQueuesOneOutboundEventAndAFetchThatChangesNothingNone() {
        subscribeAnEndpointTo("subscription.status_changed");
        stripeSays(subscription, "active", StripeFake.PRICE_STARTER);
        String updated = subscriptionEvent(
                "customer.subscription.updated",
                "active",
                StripeFake.PRICE_STARTER,
                business.id().toString(),
                now());

        send(updated);
        send(updated); // redelivered
        assertThat(send(invoiceEvent("invoice.paid", subscription, "paid", now()))
                        .body())
                .contains("\"outcome\":\"unchanged\"");

        assertThat(outboundEvents())
                .singleElement()
                .satisfies(payload -> assertThat(payload)
                        .contains("\"type\":\"subscription.status_changed\"")
                        .contains("\"businessId\":\"" + business.id() + "\"")
                        .contains("\"status\":\"ACTIVE\"")
                        .contains("\"previousStatus\":\"INACTIVE\""));

        stripeSays(subscription, "past_due", StripeFake.PRICE_STARTER);
        send(invoiceEvent("invoice.payment_failed", subscription, "open", now()));

        assertThat(outboundEvents()).hasSize(2);
        assertThat(outboundEvents().get(1))
                .contains("\"status\":\"PAST_DUE\"")
                .contains("\"previousStatus\":\"ACTIVE\"");
    }

    @Test
    void anEventForABusinessWeDoNotKnowIsAcknowledged() {
        String stranger = UUID.randomUUID().toString();
        STRIPE.hasSubscription(subscription, customer, "active", StripeFake.PRICE_STARTER, stranger);

        HttpResponse<String> response = send(subscriptionEvent(
                "customer.subscription.updated", "active", StripeFake.PRICE_STARTER, stranger, now()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("unknown_business");
    }

    @Test
    void anInvoiceFindsTheBusinessByItsSubscriptionsMetadataWhenTheCustomerIsNotYetStored() {
        // invoice.paid can arrive before checkout.session.completed has stored the customer, and in older API
        // versions without the subscription's metadata: the subscription, fetched, names the business.
        stripeSays(subscription, "active", StripeFake.PRICE_STARTER);

        HttpResponse<String> response =
                send(oldEvent("invoice.paid", StripeFixtures.oldInvoice(customer, subscription, "paid")));

        assertThat(response.body()).contains("\"outcome\":\"applied\"");
        assertThat(stored())
                .containsEntry("subscription_status", "ACTIVE")
                .containsEntry("stripe_customer_id", customer);
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
        stripeSays(subscription, "active", StripeFake.PRICE_PRO);
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

    /** The business's stored subscription, as an earlier event left it (on the Starter price). */
    private void current(String subscriptionId, SubscriptionStatus status) {
        Instant earlier = Instant.now().minusSeconds(3_600);
        SERVICE.transactions()
                .inTransaction(r -> r.businesses()
                        .applySubscription(
                                business.id(),
                                new SubscriptionChange(status, customer, subscriptionId, StripeFake.PRICE_STARTER),
                                earlier,
                                earlier));
    }

    /** What Stripe answers for the subscription, with our business id in its metadata. */
    private void stripeSays(String subscriptionId, String status, String price) {
        stripeSays(subscriptionId, status, price, StripeFixtures.DEFAULT_CREATED);
    }

    private void stripeSays(String subscriptionId, String status, String price, long created) {
        STRIPE.hasSubscription(
                subscriptionId, customer, status, price, business.id().toString(), created);
    }

    private void subscribeAnEndpointTo(String eventType) {
        SERVICE.jdbi()
                .useHandle(h -> h.createUpdate("""
                        INSERT INTO webhook_endpoints (business_id, url, secret, events, created_by, created_at)
                        VALUES (:business, 'https://hooks.example.test/callbacks', 'whsec_endpoint',
                                ARRAY[:type], 'owner', now())""")
                        .bind("business", business.id())
                        .bind("type", eventType)
                        .execute());
    }

    /** The outbound webhook bodies queued for the business's subscription, oldest first. */
    private List<String> outboundEvents() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT payload FROM webhook_events
                         WHERE business_id = :business AND type = 'subscription.status_changed'
                         ORDER BY created_at""")
                        .bind("business", business.id())
                        .mapTo(String.class)
                        .list());
    }

    private static int storedEvents(List<String> payloads) {
        List<String> ids = payloads.stream()
                .map(payload -> payload.replaceFirst("(?s)^\\{\"id\":\"([^\"]+)\".*$", "$1"))
                .toList();
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM stripe_events WHERE id IN (<ids>)")
                        .bindList("ids", ids)
                        .mapTo(Integer.class)
                        .one());
    }

    private String subscriptionEvent(String type, String status, String price, String businessId, long created) {
        return event(type, StripeFake.subscriptionJson(subscription, customer, status, price, businessId), created);
    }

    private String invoiceEvent(String type, String subscriptionId, String status, long created) {
        return event(
                type,
                StripeFixtures.invoice(
                        customer, subscriptionId, status, business.id().toString()),
                created);
    }

    private static String event(String type, String object) {
        return StripeFixtures.event(type, object, now());
    }

    private static String event(String type, String object, long created) {
        return StripeFixtures.event(type, object, created);
    }

    private static String oldEvent(String type, String object) {
        return StripeFixtures.event(
                "evt_" + UUID.randomUUID().toString().replace("-", ""),
                type,
                object,
                now(),
                StripeFixtures.OLD_API_VERSION);
    }

    private static HttpResponse<String> send(String payload) {
        return post(payload, StripeSignature.header(StripeFake.WEBHOOK_SECRET, payload, now()));
    }

    private static HttpResponse<String> post(String payload, String signature) {
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
