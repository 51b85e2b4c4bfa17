package com.callbackcloser.api.testing;

import java.util.UUID;

/**
 * Stripe's objects and events as its API sends them: the fields stripe-java and our webhook read, with the
 * neighbours that real payloads carry around them. Shapes follow stripe-java 33.x's pinned API version
 * ({@value #API_VERSION}) unless a method says otherwise.
 */
public final class StripeFixtures {
    public static final String API_VERSION = "2026-07-29.dahlia";
    /** An API version from before invoices moved their subscription under {@code parent} (2025-03-31.basil). */
    public static final String OLD_API_VERSION = "2024-06-20";
    /** When test subscriptions were created, unless a test says: 2026-11-01T00:00:00Z. */
    public static final long DEFAULT_CREATED = 1_793_491_200L;

    private StripeFixtures() {}

    /** A subscription with one item; {@code businessId} null means no metadata. */
    public static String subscription(
            String id, String customerId, String status, String priceId, String businessId, long created) {
        String metadata = businessId == null ? "{}" : "{\"businessId\":\"" + businessId + "\"}";
        boolean ended = status.equals("canceled") || status.equals("incomplete_expired");
        String endedAt = ended ? String.valueOf(created + 86_400) : "null";
        return """
                {"id":"%1$s","object":"subscription","application":null,"billing_cycle_anchor":%3$d,
                 "cancel_at":null,"cancel_at_period_end":false,"canceled_at":%5$s,"collection_method":"charge_automatically",
                 "created":%3$d,"currency":"usd","customer":"%2$s","ended_at":%5$s,
                 "items":{"object":"list","data":[{"id":"si_%1$s","object":"subscription_item","created":%3$d,
                   "current_period_end":%4$d,"current_period_start":%3$d,"metadata":{},
                   "price":{"id":"%6$s","object":"price","active":true,"currency":"usd","product":"prod_callbacks",
                     "recurring":{"interval":"month","interval_count":1},"type":"recurring","unit_amount":4900},
                   "quantity":1,"subscription":"%1$s"}],
                   "has_more":false,"total_count":1,"url":"/v1/subscription_items?subscription=%1$s"},
                 "latest_invoice":"in_%1$s","livemode":false,"metadata":%7$s,"status":"%8$s"}
                """.formatted(id, customerId, created, created + 2_592_000, endedAt, priceId, metadata, status);
    }

    /**
     * An invoice as {@value #API_VERSION} sends it: the subscription it bills under
     * {@code parent.subscription_details}, or {@code parent: null} for a one-off invoice ({@code subscriptionId} null).
     */
    public static String invoice(String customerId, String subscriptionId, String status, String businessId) {
        String id = "in_" + UUID.randomUUID().toString().replace("-", "");
        String metadata = businessId == null ? "{}" : "{\"businessId\":\"" + businessId + "\"}";
        String parent = subscriptionId == null ? "null" : """
                {"type":"subscription_details","quote_details":null,
                 "subscription_details":{"metadata":%s,"subscription":"%s"}}""".formatted(metadata, subscriptionId);
        String lineParent = subscriptionId == null ? """
                {"type":"invoice_item_details","invoice_item_details":{"invoice_item":"ii_1","proration":false,
                 "proration_details":{"credited_items":null},"subscription":null},"subscription_item_details":null}""" : """
                {"type":"subscription_item_details","invoice_item_details":null,
                 "subscription_item_details":{"invoice_item":null,"proration":false,
                 "proration_details":{"credited_items":null},"subscription":"%1$s","subscription_item":"si_%1$s"}}""".formatted(subscriptionId);
        return """
                {"id":"%1$s","object":"invoice","account_country":"US","amount_due":4900,"amount_paid":%2$d,
                 "amount_remaining":%3$d,"attempt_count":1,"attempted":true,"billing_reason":"%4$s",
                 "collection_method":"charge_automatically","created":%5$d,"currency":"usd","customer":"%6$s",
                 "lines":{"object":"list","data":[{"id":"il_1","object":"line_item","amount":4900,"currency":"usd",
                   "invoice":"%1$s","parent":%7$s,"quantity":1,
                   "pricing":{"type":"price_details","price_details":{"price":"price_any","product":"prod_callbacks"},
                     "unit_amount_decimal":"4900"}}],
                   "has_more":false,"total_count":1,"url":"/v1/invoices/%1$s/lines"},
                 "livemode":false,"metadata":{},"parent":%8$s,"status":"%9$s","total":4900}
                """.formatted(
                        id,
                        status.equals("paid") ? 4900 : 0,
                        status.equals("paid") ? 0 : 4900,
                        subscriptionId == null ? "manual" : "subscription_cycle",
                        DEFAULT_CREATED,
                        customerId,
                        lineParent,
                        parent,
                        status);
    }

    /**
     * An invoice as API versions before 2025-03-31.basil send it: the subscription's id in the top-level
     * "subscription" field (null for a one-off invoice), the subscription's metadata in "subscription_details".
     */
    public static String oldInvoice(String customerId, String subscriptionId, String status) {
        String id = "in_" + UUID.randomUUID().toString().replace("-", "");
        return """
                {"id":"%1$s","object":"invoice","account_country":"US","amount_due":4900,"amount_paid":%2$d,
                 "amount_remaining":%3$d,"attempt_count":1,"attempted":true,"billing_reason":"%4$s",
                 "charge":"ch_1","collection_method":"charge_automatically","created":%5$d,"currency":"usd",
                 "customer":"%6$s","lines":{"object":"list","data":[{"id":"il_1","object":"line_item","amount":4900,
                   "currency":"usd","price":{"id":"price_any","object":"price"},"proration":false,"quantity":1,
                   "subscription":%7$s,"type":"%8$s"}],
                   "has_more":false,"total_count":1,"url":"/v1/invoices/%1$s/lines"},
                 "livemode":false,"metadata":{},"paid":%9$s,"status":"%10$s","subscription":%7$s,
                 "subscription_details":{"metadata":{}},"total":4900}
                """.formatted(
                        id,
                        status.equals("paid") ? 4900 : 0,
                        status.equals("paid") ? 0 : 4900,
                        subscriptionId == null ? "manual" : "subscription_cycle",
                        DEFAULT_CREATED,
                        customerId,
                        subscriptionId == null ? "null" : "\"" + subscriptionId + "\"",
                        subscriptionId == null ? "invoiceitem" : "subscription",
                        status.equals("paid"),
                        status);
    }

    /** A checkout session in subscription mode, completed. */
    public static String checkoutSession(String businessId, String customerId, String subscriptionId) {
        return """
                {"id":"cs_test_%s","object":"checkout.session","client_reference_id":"%s","customer":"%s",
                 "livemode":false,"metadata":{"businessId":"%s"},"mode":"subscription","payment_status":"paid",
                 "status":"complete","subscription":"%s"}
                """.formatted(
                UUID.randomUUID().toString().replace("-", ""), businessId, customerId, businessId, subscriptionId);
    }

    /** The event envelope, with a fresh event id. */
    public static String event(String type, String object, long created) {
        return event("evt_" + UUID.randomUUID().toString().replace("-", ""), type, object, created, API_VERSION);
    }

    public static String event(String id, String type, String object, long created, String apiVersion) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,
                 "data":{"object":%s},"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s"}""".formatted(id, apiVersion, created, object.strip(), type);
    }
}
