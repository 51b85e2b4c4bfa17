package com.callbackcloser.api.stripe;

import com.callbackcloser.core.port.in.BillingEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.model.Event;
import java.time.Instant;

/**
 * Reads the fields the billing rules need from a verified Stripe event. It reads the event's object as raw
 * JSON, not through stripe-java's typed models: those come back empty when the event's API version differs
 * from the SDK's, and the few fields read here have kept their names across versions. Ids of expanded
 * objects (a customer given as an object instead of its id) are read either way.
 */
public final class StripeEvents {
    private final ObjectMapper json;

    public StripeEvents(ObjectMapper json) {
        this.json = json;
    }

    public BillingEvent toBillingEvent(Event event) {
        JsonNode object = dataObject(event);
        String type = event.getType();
        String businessId = text(object.path("metadata").path(StripeBillingProvider.BUSINESS_ID));
        String subscriptionId;
        String status = null;
        String priceId = null;
        if (type.startsWith("customer.subscription.")) {
            subscriptionId = text(object.path("id"));
            status = text(object.path("status"));
            priceId =
                    text(object.path("items").path("data").path(0).path("price").path("id"));
        } else {
            subscriptionId = idOf(object.path("subscription"));
            if (businessId == null) {
                businessId = text(object.path("client_reference_id"));
            }
        }
        return new BillingEvent(
                event.getId(),
                type,
                Instant.ofEpochSecond(event.getCreated()),
                businessId,
                idOf(object.path("customer")),
                subscriptionId,
                priceId,
                status);
    }

    private JsonNode dataObject(Event event) {
        String raw = event.getDataObjectDeserializer().getRawJson();
        if (raw == null) {
            throw new IllegalArgumentException("event " + event.getId() + " has no data object");
        }
        try {
            return json.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.getId() + " has a data object that is not JSON", e);
        }
    }

    /** An id given as a string, or an expanded object's id. */
    private static String idOf(JsonNode node) {
        return node.isObject() ? text(node.path("id")) : text(node);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
