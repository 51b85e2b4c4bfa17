package com.callbackcloser.api.stripe;

import com.callbackcloser.core.port.in.BillingEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.model.Event;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the fields the billing rules need from a verified Stripe event: which business and which subscription
 * it is about (the subscription's state is fetched from Stripe, not read from the event). It reads the event's
 * object as raw JSON, not through stripe-java's typed models: those come back empty when the event's API version
 * differs from the SDK's. The fields read here have kept their names across versions but one, an invoice's
 * subscription, which is read where each version puts it. Ids of expanded objects (a customer given as an object
 * instead of its id) are read either way.
 */
public final class StripeEvents {
    private static final int MAX_STORED_LENGTH = 255;
    /** A Unix time the database's timestamps can hold, and more than any Stripe event will be created at. */
    private static final Instant LATEST_CREATED = Instant.parse("9999-12-31T23:59:59Z");
    /**
     * Far deeper than any Stripe event, and far shallower than what overflows the stack of the recursive writer
     * stripe-java hands the event's object to ({@code getRawJson}).
     */
    private static final int MAX_DEPTH = 64;

    private static final Pattern STRIPE_ID = Pattern.compile("[A-Za-z0-9_-]+");

    private static final JsonFactory SHALLOW_JSON = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private final ObjectMapper json;

    public StripeEvents(ObjectMapper json) {
        this.json = json;
    }

    /** Refuses a payload that is not strict JSON nested at most {@value #MAX_DEPTH} deep. */
    public static void requireShallow(String payload) {
        try (JsonParser parser = SHALLOW_JSON.createParser(payload)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON, or nested more than " + MAX_DEPTH + " deep", e);
        }
    }

    /**
     * The event as the billing rules see it.
     *
     * @throws IllegalArgumentException when the event lacks its id, type, creation time or object, or carries a
     *     value no Stripe event has and the database could not store
     */
    public BillingEvent toBillingEvent(Event event) {
        String eventId = stored("id", event.getId());
        String type = stored("type", event.getType());
        if (eventId == null || type == null || event.getCreated() == null) {
            throw new IllegalArgumentException("event has no id, type or creation time");
        }
        if (event.getCreated() < 0 || event.getCreated() > LATEST_CREATED.getEpochSecond()) {
            throw new IllegalArgumentException("event " + eventId + " was created at an impossible time");
        }
        Instant created = Instant.ofEpochSecond(event.getCreated());
        JsonNode object = dataObject(event);
        String businessId = text(object.path("metadata").path(StripeBillingProvider.BUSINESS_ID));
        String subscriptionId;
        String kind = type.toLowerCase(Locale.ROOT);
        if (kind.startsWith("customer.subscription.")) {
            subscriptionId = text(object.path("id"));
        } else if (kind.startsWith("invoice.")) {
            // Since 2025-03-31.basil the subscription an invoice bills is under parent.subscription_details (parent is
            // null for a one-off invoice); before, at the top level. Either way with the subscription's metadata.
            JsonNode details = object.path("parent").path("subscription_details");
            subscriptionId = firstNonNull(idOf(details.path("subscription")), idOf(object.path("subscription")));
            businessId = firstNonNull(
                    text(details.path("metadata").path(StripeBillingProvider.BUSINESS_ID)),
                    text(object.path("subscription_details").path("metadata").path(StripeBillingProvider.BUSINESS_ID)),
                    businessId);
        } else {
            subscriptionId = idOf(object.path("subscription"));
            if (businessId == null) {
                businessId = text(object.path("client_reference_id"));
            }
        }
        return new BillingEvent(
                eventId,
                type,
                created,
                businessId,
                stored("customer id", idOf(object.path("customer"))),
                subscriptionIdOrRefuse(subscriptionId));
    }

    /**
     * The id goes into the path of a request to Stripe's API: refused unless it is made of what Stripe's ids are
     * made of (letters, digits, underscores; hyphens for good measure).
     */
    private static String subscriptionIdOrRefuse(String id) {
        String value = stored("subscription id", id);
        if (value != null && !STRIPE_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("subscription id is not a Stripe id");
        }
        return value;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private JsonNode dataObject(Event event) {
        if (event.getData() == null) {
            throw new IllegalArgumentException("event " + event.getId() + " has no data");
        }
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

    /**
     * A value that is written to the database as it is: Stripe's ids have at most 255 characters and never a NUL,
     * and past those a column or an index refuses the write however often Stripe retries.
     */
    private static String stored(String what, String value) {
        if (value != null && (value.length() > MAX_STORED_LENGTH || value.indexOf('\u0000') >= 0)) {
            throw new IllegalArgumentException(what + " is not a Stripe value");
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
