package com.callbackcloser.api.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Stripe's API on loopback, answering as api.stripe.com does, for stripe-java's {@code StripeClient}. */
public final class StripeFake implements AutoCloseable {
    public static final String SECRET_KEY = "sk_test_callbackcloser";
    public static final String WEBHOOK_SECRET = "whsec_test_callbackcloser";
    public static final String PRICE_STARTER = "price_starter_test";
    public static final String PRICE_PRO = "price_pro_test";

    private final WireMockServer server;

    public StripeFake() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
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
        String body = subscriptionJson(id, customerId, status, priceId, businessId);
        server.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + id)).willReturn(json(200, body)));
        server.stubFor(post(urlPathEqualTo("/v1/subscriptions/" + id)).willReturn(json(200, body)));
    }

    /** Any subscription id that is fetched or updated answers as this one subscription, whatever the id asked for. */
    public void hasAnySubscription(String customerId, String status, String priceId) {
        String body = subscriptionJson("sub_any", customerId, status, priceId, null);
        server.stubFor(get(urlPathMatching("/v1/subscriptions/[^/]+")).willReturn(json(200, body)));
        server.stubFor(post(urlPathMatching("/v1/subscriptions/[^/]+")).willReturn(json(200, body)));
    }

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
        String metadata = businessId == null ? "{}" : "{\"businessId\":\"" + businessId + "\"}";
        return """
                {"id":"%s","object":"subscription","customer":"%s","status":"%s","livemode":false,
                 "metadata":%s,
                 "items":{"object":"list","data":[{"id":"si_1","object":"subscription_item",
                   "price":{"id":"%s","object":"price","currency":"usd","unit_amount":4900}}],
                   "has_more":false,"url":"/v1/subscription_items?subscription=%s"}}
                """.formatted(id, customerId, status, metadata, priceId, id);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_test")
                .withBody(body);
    }
}
