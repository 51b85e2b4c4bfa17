package com.callbackcloser.api.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Stripe's API on loopback, answering as api.stripe.com does, for stripe-java's {@code StripeClient}. */
public final class StripeFake implements AutoCloseable {
    public static final String SECRET_KEY = "sk_test_callbackcloser";
    public static final String WEBHOOK_SECRET = "whsec_test_callbackcloser";
    public static final String PRICE_STARTER = "price_starter_test";
    public static final String PRICE_PRO = "price_pro_test";

    private final WireMockServer server;
    private final AtomicReference<Hold> held = new AtomicReference<>();

    public StripeFake() {
        server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().extensions(new HoldingTransformer(held)));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public void reset() {
        server.resetAll();
    }

    public void createsCustomer(String customerId) {
        server.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(json(200, """
                {"id":"%s","object":"customer","livemode":false,"metadata":{}}""".formatted(customerId))));
    }

    public void createsCheckoutSession(String url) {
        server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json(200, """
                {"id":"cs_test_1","object":"checkout.session","mode":"subscription","url":"%s"}""".formatted(url))));
    }

    public void createsPortalSession(String url) {
        server.stubFor(post(urlPathEqualTo("/v1/billing_portal/sessions")).willReturn(json(200, """
                {"id":"bps_test_1","object":"billing_portal.session","url":"%s"}""".formatted(url))));
    }

    /** GET and POST (update) of the subscription answer with it; {@code businessId} null means no metadata. */
    public void hasSubscription(String id, String customerId, String status, String priceId, String businessId) {
        hasSubscription(id, customerId, status, priceId, businessId, StripeFixtures.DEFAULT_CREATED);
    }

    /** Like {@link #hasSubscription(String, String, String, String, String)}, created at {@code created}. */
    public void hasSubscription(
            String id, String customerId, String status, String priceId, String businessId, long created) {
        String body = StripeFixtures.subscription(id, customerId, status, priceId, businessId, created);
        server.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + id)).willReturn(json(200, body)));
        server.stubFor(post(urlPathEqualTo("/v1/subscriptions/" + id)).willReturn(json(200, body)));
    }

    /**
     * The first fetch of the subscription answers {@code firstStatus}, but only once {@code release} is counted
     * down ({@code arrived} is counted down when that fetch reaches us); every later fetch answers
     * {@code laterStatus} at once. A slow answer overtaken by a fresher one, without guessing at timings.
     */
    public void holdsFirstFetch(
            String id,
            String customerId,
            String priceId,
            String businessId,
            String firstStatus,
            String laterStatus,
            CountDownLatch arrived,
            CountDownLatch release) {
        held.set(new Hold(arrived, release));
        String scenario = "held fetch of " + id;
        server.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + id))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answered")
                .willReturn(json(
                                200,
                                StripeFixtures.subscription(
                                        id,
                                        customerId,
                                        firstStatus,
                                        priceId,
                                        businessId,
                                        StripeFixtures.DEFAULT_CREATED))
                        .withTransformers(HoldingTransformer.NAME)));
        server.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + id))
                .inScenario(scenario)
                .whenScenarioStateIs("answered")
                .willReturn(json(
                        200,
                        StripeFixtures.subscription(
                                id, customerId, laterStatus, priceId, businessId, StripeFixtures.DEFAULT_CREATED))));
    }

    /** How often the subscription was fetched (GET). */
    public int fetches(String id) {
        return server.findAll(getRequestedFor(urlPathEqualTo("/v1/subscriptions/" + id)))
                .size();
    }

    /** Any subscription id that is fetched or updated answers as this one subscription, whatever the id asked for. */
    public void hasAnySubscription(String customerId, String status, String priceId) {
        String body = subscriptionJson("sub_any", customerId, status, priceId, null);
        server.stubFor(get(urlPathMatching("/v1/subscriptions/[^/]+")).willReturn(json(200, body)));
        server.stubFor(post(urlPathMatching("/v1/subscriptions/[^/]+")).willReturn(json(200, body)));
    }

    /** Stripe answers 500, as its API does when it has trouble of its own. */
    public void failsSubscriptionFetches(String id) {
        server.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + id)).willReturn(json(500, """
                {"error":{"type":"api_error","message":"An unknown error occurred"}}""")));
    }

    /** Form bodies of the POSTs to {@code path}, URL-decoded (stripe-java leaves brackets unencoded). */
    public List<String> posts(String path) {
        return server.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(body -> URLDecoder.decode(body, StandardCharsets.UTF_8))
                .toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    public static String subscriptionJson(
            String id, String customerId, String status, String priceId, String businessId) {
        return StripeFixtures.subscription(id, customerId, status, priceId, businessId, StripeFixtures.DEFAULT_CREATED);
    }

    private record Hold(CountDownLatch arrived, CountDownLatch release) {}

    /** Holds the answer of the stubs that name it until the test releases it. */
    private static final class HoldingTransformer implements ResponseDefinitionTransformerV2 {
        static final String NAME = "held-until-released";
        private final AtomicReference<Hold> held;

        HoldingTransformer(AtomicReference<Hold> held) {
            this.held = held;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Hold hold = held.get();
            hold.arrived().countDown();
            try {
                if (!hold.release().await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the test never released the held answer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return serveEvent.getResponseDefinition();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_test")
                .withBody(body);
    }
}
