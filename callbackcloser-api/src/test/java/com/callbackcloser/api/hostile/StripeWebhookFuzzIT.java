package com.callbackcloser.api.hostile;

import static com.callbackcloser.api.testing.Gen.weight;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Gen;
import com.callbackcloser.api.testing.Property;
import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.api.testing.StripeSignature;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stripe's webhook under random JSON and worse: events with missing, mistyped and huge fields, unknown types,
 * no {@code data.object}, deep nesting, bodies that are not JSON at all; signed with the webhook secret (so they
 * reach the event parser and the billing rules) and not. A correctly signed event that cannot be applied is a
 * 4xx, one of a type we ignore (or for nobody we know) a 200; never a 500, which Stripe would retry for days.
 */
class StripeWebhookFuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PATH = "/api/stripe/webhook";
    private static final String CUSTOMER_A = "cus_target_a";
    private static final String CUSTOMER_B = "cus_target_b";

    private static StripeFake stripe;
    private static HostileService service;
    private static Sentinel sentinel;
    private static Business targetA;
    private static Business targetB;

    @BeforeAll
    static void start() {
        stripe = new StripeFake();
        service = HostileService.start(
                "stripe.secretKey", StripeFake.SECRET_KEY,
                "stripe.webhookSecret", StripeFake.WEBHOOK_SECRET,
                "stripe.apiBaseUrl", stripe.baseUrl(),
                "stripe.priceStarter", StripeFake.PRICE_STARTER,
                "stripe.pricePro", StripeFake.PRICE_PRO);
        stripe.hasAnySubscription("cus_from_subscription", "active", StripeFake.PRICE_PRO);
        sentinel = Sentinel.plant(service.service);
        targetA = TestBusinesses.create(service.service.transactions(), SubscriptionStatus.INACTIVE);
        targetB = TestBusinesses.create(service.service.transactions(), SubscriptionStatus.ACTIVE);
        service.service.transactions().inTransaction(r -> {
            r.businesses().attachStripeCustomer(targetA.id(), CUSTOMER_A, Instant.now());
            r.businesses().attachStripeCustomer(targetB.id(), CUSTOMER_B, Instant.now());
            return null;
        });
    }

    @AfterAll
    static void stop() {
        service.stop();
        stripe.close();
    }

    @AfterEach
    void healthyAndTheSentinelUntouched() {
        service.assertHealthy();
        sentinel.assertUnchanged();
    }

    @Test
    void signedRandomEventsGetA4xxOrAReceipt() {
        // Enough of them must be read to the end and reach the billing rules, or the property proves little.
        Property.tries(400).requireCoverage("reached the billing rules", 20).forAll(events(), (payload, tally) -> {
            RawHttp.Request request = post(payload.getBytes(StandardCharsets.UTF_8), signature(payload));
            RawHttp.Answer answer = service.send(request);
            JsonNode json = answer(request, answer);
            tally.collect(
                    "outcome", answer.status() == 200 ? json.path("outcome").asText() : answer.status());
            tally.count("reached the billing rules", answer.status() == 200 || answer.status() == 409);
        });
    }

    /** Bytes, shown as the ISO-8859-1 text they would be on the wire. */
    @SuppressWarnings("ArrayRecordComponent") // never compared: the bytes are what is sent
    record Body(byte[] bytes) {
        @Override
        public String toString() {
            return RawHttp.printable(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void signedBodiesThatAreNotJsonGetA4xx() {
        Property.tries(200).forAll(notJson().map(Body::new), body -> {
            String payload = new String(body.bytes(), StandardCharsets.UTF_8);
            RawHttp.Request request = post(body.bytes(), signature(payload));
            RawHttp.Answer answer = service.send(request);
            answer(request, answer);
            assertThat(answer.status()).as(answer.describe()).isBetween(400, 499);
        });
    }

    /** An event with no Stripe-Signature or a bad one. */
    record UnsignedEvent(String payload, Optional<String> signature) {}

    @Test
    void unsignedAndWronglySignedEventsAreRefusedAndChangeNothing() {
        Gen<String> events = events();
        Gen<Optional<String>> signatures = badSignatures();
        Property.tries(200)
                .forAll(random -> new UnsignedEvent(events.next(random), signatures.next(random)), unsigned -> {
                    int eventsBefore = storedEvents();
                    RawHttp.Request request = post(
                            unsigned.payload().getBytes(StandardCharsets.UTF_8),
                            unsigned.signature().orElse(null));
                    RawHttp.Answer answer = service.send(request);
                    // A signature header past Jetty's header limit never reaches the application: Jetty's own 431.
                    if (answer.status() != 431) {
                        Verdicts.jsonError(request, answer);
                        assertThat(answer.status()).as(answer.describe()).isIn(400, 413);
                    }
                    assertThat(storedEvents()).isEqualTo(eventsBefore);
                });
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        for (int depth : List.of(1_000, 100_000)) {
            String nested = "[".repeat(depth) + "]".repeat(depth);
            for (String payload : List.of(
                    event("customer.subscription.updated", nested),
                    "{\"id\":\"evt_deep\",\"object\":\"event\",\"type\":\"customer.created\",\"created\":1,\"x\":"
                            + nested + "}")) {
                RawHttp.Request request = post(payload.getBytes(StandardCharsets.UTF_8), signature(payload));
                RawHttp.Answer answer = service.send(request);
                answer(request, answer);
            }
        }
    }

    @Test
    void hugeStringsInEveryFieldAreRefusedOrIgnored() {
        String huge = HostileText.incompressible(200_000, 200_000).next(new SplittableRandom(200_000));
        for (String field : List.of("id", "type", "customer", "subscription", "status", "businessId")) {
            ObjectNode object = subscription(CUSTOMER_A, targetA.id().toString());
            ObjectNode event = eventNode("customer.subscription.updated", object);
            switch (field) {
                case "id", "type" -> event.put(field, huge);
                case "businessId" -> ((ObjectNode) object.get("metadata")).put("businessId", huge);
                default -> object.put(field, huge);
            }
            String payload = event.toString();
            RawHttp.Request request = post(payload.getBytes(StandardCharsets.UTF_8), signature(payload));
            answer(request, service.send(request));
        }
    }

    @Test
    void aTwoMegabyteBodyIsRefusedWith413() {
        String payload = event("customer.created", "{\"id\":\"cus_1\",\"padding\":\"" + "x".repeat(2 << 20) + "\"}");
        RawHttp.Request request = post(payload.getBytes(StandardCharsets.UTF_8), signature(payload));
        RawHttp.Answer answer = service.send(request);
        assertThat(answer.status()).as(answer.describe()).isEqualTo(413);
        Verdicts.jsonError(request, answer);
    }

    @Test
    void aCustomerOfAnotherBusinessIsAConflictNotARetry() {
        ObjectNode object = subscription(CUSTOMER_B, targetA.id().toString());
        stripe.hasSubscription(
                object.get("id").asText(),
                CUSTOMER_B,
                "active",
                StripeFake.PRICE_STARTER,
                targetA.id().toString());
        String payload = eventNode("customer.subscription.updated", object).toString();
        RawHttp.Request request = post(payload.getBytes(StandardCharsets.UTF_8), signature(payload));
        RawHttp.Answer answer = service.send(request);
        answer(request, answer);
        assertThat(answer.status()).as(answer.describe()).isEqualTo(409);
        assertThat(customerOf(targetA)).isEqualTo(CUSTOMER_A);
        assertThat(customerOf(targetB)).isEqualTo(CUSTOMER_B);
    }

    /** A 4xx with the error JSON, or a 200 receipt; never a 5xx. */
    private static JsonNode answer(RawHttp.Request request, RawHttp.Answer answer) {
        if (answer.status() == 200) {
            JsonNode receipt = Verdicts.json(answer, answer.describe());
            assertThat(receipt.path("received").asBoolean())
                    .as(answer.describe())
                    .isTrue();
            assertThat(receipt.path("outcome").asText())
                    .as(answer.describe())
                    .isIn("applied", "unchanged", "other_subscription", "duplicate", "ignored", "unknown_business");
            return receipt;
        }
        return Verdicts.jsonError(request, answer);
    }

    private static RawHttp.Request post(byte[] body, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        if (signature != null) {
            headers.put("Stripe-Signature", signature);
        }
        return RawHttp.Request.post(PATH, headers, body);
    }

    private static String signature(String payload) {
        return StripeSignature.header(
                StripeFake.WEBHOOK_SECRET, payload, Instant.now().getEpochSecond());
    }

    private static int storedEvents() {
        return service.service
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM stripe_events")
                        .mapTo(Integer.class)
                        .one());
    }

    private static String customerOf(Business business) {
        return service.service
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT stripe_customer_id FROM businesses WHERE id = :id")
                        .bind("id", business.id())
                        .mapTo(String.class)
                        .one());
    }

    private static String event(String type, String object) {
        return "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + Instant.now().getEpochSecond()
                + ",\"data\":{\"object\":" + object + "},\"livemode\":false,\"type\":\"" + type + "\"}";
    }

    private static ObjectNode eventNode(String type, JsonNode object) {
        ObjectNode event = NODES.objectNode();
        event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("object", "event");
        event.put("api_version", "2026-07-29.dahlia");
        event.put("created", Instant.now().getEpochSecond());
        event.putObject("data").set("object", object);
        event.put("livemode", false);
        event.put("type", type);
        return event;
    }

    private static ObjectNode subscription(String customer, String businessId) {
        try {
            return (ObjectNode) JSON.readTree(StripeFake.subscriptionJson(
                    "sub_" + UUID.randomUUID().toString().replace("-", ""),
                    customer,
                    "active",
                    StripeFake.PRICE_STARTER,
                    businessId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Events shaped like Stripe's, each field present or not, well-typed or not: ids, types, creation times,
     * {@code data.object} in every wrong shape, and objects whose customer, subscription, status, price and
     * metadata are ours, someone else's, mistyped, huge or hostile text.
     */
    private static Gen<String> events() {
        Gen<Optional<JsonNode>> id = optional(Gen.<JsonNode>frequency(
                w(24, Gen.uuids().map(u -> NODES.textNode("evt_" + u.toString().replace("-", "")))),
                w(1, HostileText.strings().map(NODES::textNode)),
                w(1, HostileText.incompressible(3_000, 9_000).map(s -> NODES.textNode("evt_" + s))),
                w(1, oddValues())));
        Gen<Optional<JsonNode>> type = optional(Gen.<JsonNode>frequency(
                w(
                        32,
                        Gen.of(
                                        "checkout.session.completed",
                                        "customer.subscription.created",
                                        "customer.subscription.updated",
                                        "customer.subscription.deleted",
                                        "invoice.payment_failed",
                                        "invoice.payment_succeeded")
                                .map(NODES::textNode)),
                w(
                        2,
                        Gen.of("customer.created", "CHECKOUT.SESSION.COMPLETED", "", " ", "customer.subscription.")
                                .map(NODES::textNode)),
                w(1, HostileText.strings().map(NODES::textNode)),
                w(1, oddValues())));
        long now = Instant.now().getEpochSecond();
        Gen<Optional<JsonNode>> created = optional(Gen.<JsonNode>frequency(
                w(24, Gen.longs(now - 86_400, now).map(NODES::numberNode)),
                w(
                        2,
                        Gen.of(
                                        0L,
                                        -1L,
                                        Long.MAX_VALUE,
                                        Long.MIN_VALUE,
                                        253_402_300_800L,
                                        -62_135_596_800L,
                                        31_556_889_864_403_199L,
                                        31_556_889_864_403_200L)
                                .map(NODES::numberNode)),
                w(
                        1,
                        Gen.of("1e400", "1.5", "-0", "1E3", "99999999999999999999999")
                                .map(raw -> NODES.rawValueNode(new RawValue(raw)))),
                w(1, oddValues())));
        Gen<Optional<JsonNode>> data = optional(Gen.<JsonNode>frequency(
                w(24, dataObjects().map(object -> NODES.objectNode().set("object", object))),
                w(1, Gen.constant(NODES.objectNode())),
                w(1, oddValues())));
        Gen<Optional<JsonNode>> extra =
                optional(Gen.<JsonNode>frequency(w(1, HostileText.strings().map(NODES::textNode)), w(1, oddValues())));
        return random -> {
            ObjectNode event = NODES.objectNode();
            id.next(random).ifPresent(v -> event.set("id", v));
            Optional<JsonNode> t = type.next(random);
            Optional<JsonNode> c = created.next(random);
            Optional<JsonNode> d = data.next(random);
            Optional<JsonNode> x = extra.next(random);
            event.put("object", "event");
            event.put("api_version", "2026-07-29.dahlia");
            c.ifPresent(v -> event.set("created", v));
            d.ifPresent(v -> event.set("data", v));
            x.ifPresent(v -> event.set("livemode", v));
            t.ifPresent(v -> event.set("type", v));
            String json = event.toString();
            // A few that only text can express: a repeated key, a byte-order mark, trailing garbage.
            return switch (random.nextInt(20)) {
                case 0 -> json.substring(0, json.length() - 1) + ",\"type\":\"customer.created\"}";
                case 1 -> "\ufeff" + json;
                case 2 -> json + "}";
                default -> json;
            };
        };
    }

    /** {@code data.object}: a subscription, invoice or checkout session in any state of repair, or not an object. */
    private static Gen<JsonNode> dataObjects() {
        Gen<Optional<JsonNode>> customer = optional(Gen.<JsonNode>frequency(
                w(8, Gen.of(CUSTOMER_A, CUSTOMER_B).map(NODES::textNode)),
                w(4, Gen.uuids().map(u -> NODES.textNode("cus_" + u))),
                w(1, Gen.of(CUSTOMER_A, CUSTOMER_B).map(c -> NODES.objectNode().put("id", c))),
                w(1, HostileText.strings().map(NODES::textNode)),
                w(1, HostileText.incompressible(3_000, 9_000).map(NODES::textNode)),
                w(1, oddValues())));
        Gen<Optional<JsonNode>> businessId = optional(Gen.<JsonNode>frequency(
                w(4, Gen.of(targetA.id(), targetB.id()).map(u -> NODES.textNode(u.toString()))),
                w(1, Gen.uuids().map(u -> NODES.textNode(u.toString()))),
                w(1, HostileText.strings().map(NODES::textNode)),
                w(1, oddValues())));
        Gen<Optional<JsonNode>> text = optional(Gen.<JsonNode>frequency(
                w(
                        6,
                        Gen.of("active", "past_due", "canceled", "trialing", "incomplete", "unpaid")
                                .map(NODES::textNode)),
                w(4, Gen.uuids().map(u -> NODES.textNode("sub_" + u))),
                w(4, Gen.of(StripeFake.PRICE_STARTER, StripeFake.PRICE_PRO).map(NODES::textNode)),
                w(1, HostileText.strings().map(NODES::textNode)),
                w(1, HostileText.incompressible(3_000, 9_000).map(NODES::textNode)),
                w(1, oddValues())));
        Gen<JsonNode> object = random -> {
            Optional<JsonNode> cus = customer.next(random);
            Optional<JsonNode> business = businessId.next(random);
            Optional<JsonNode> subId = text.next(random);
            Optional<JsonNode> status = text.next(random);
            Optional<JsonNode> price = text.next(random);
            Optional<JsonNode> reference = text.next(random);
            int metadataShape = random.nextInt(4);
            ObjectNode o = NODES.objectNode();
            subId.ifPresent(v -> o.set("id", v));
            cus.ifPresent(v -> o.set("customer", v));
            subId.ifPresent(v -> o.set("subscription", v));
            status.ifPresent(v -> o.set("status", v));
            reference.ifPresent(v -> o.set("client_reference_id", v));
            switch (metadataShape) {
                case 0 -> business.ifPresent(v -> o.putObject("metadata").set("businessId", v));
                case 1 -> o.put("metadata", "businessId");
                default -> o.putObject("metadata");
            }
            price.ifPresent(v -> o.putObject("items")
                    .putArray("data")
                    .addObject()
                    .putObject("price")
                    .set("id", v));
            business.ifPresent(v -> {
                if (metadataShape == 3) {
                    o.set("client_reference_id", v);
                }
            });
            return o;
        };
        return Gen.frequency(weight(16, object), weight(1, oddValues()));
    }

    /** A field's value, or (one time in twenty) no field at all. */
    private static Gen<Optional<JsonNode>> optional(Gen<JsonNode> values) {
        return Gen.frequency(weight(19, values.map(Optional::of)), weight(1, Gen.constant(Optional.<JsonNode>empty())));
    }

    /** A weighted choice of JSON values, whatever their node type. */
    private static Gen.Weighted<JsonNode> w(int weight, Gen<? extends JsonNode> values) {
        return Gen.weight(weight, values);
    }

    /** Values of the wrong type for any field. */
    private static Gen<JsonNode> oddValues() {
        return Gen.of(
                NODES.nullNode(),
                NODES.booleanNode(true),
                NODES.numberNode(42),
                NODES.numberNode(-1.5e300),
                NODES.arrayNode(),
                NODES.arrayNode().add("a").add(1),
                NODES.objectNode(),
                NODES.objectNode().put("id", 7),
                NODES.textNode(""),
                NODES.textNode("\u0000"),
                NODES.textNode("evt_\u0000"),
                NODES.textNode("\ud83d\udd27"));
    }

    /** Bodies a JSON parser must refuse: truncated, mistyped, binary, or just text. */
    private static Gen<byte[]> notJson() {
        Gen<String> broken = Gen.of(
                "",
                " ",
                "{",
                "}",
                "[",
                "null",
                "true",
                "42",
                "\"event\"",
                "[]",
                "{\"id\":}",
                "{\"id\":\"evt_1\",}",
                "{'id':'evt_1'}",
                "{\"id\":\"evt_1\" \"type\":\"x\"}",
                "{\"data\":{\"object\":{\"id\":\"cus_1\"}}",
                "{\"id\":\"evt_1\",\"created\":NaN}",
                "{\"id\":\"evt_1\",\"created\":Infinity}",
                "/* comment */ {}",
                "<xml/>",
                "id=evt_1&type=customer.created");
        Gen<String> truncated = events().map(json -> json.substring(0, json.length() / 2));
        Gen<String> text = HostileText.strings();
        Gen<byte[]> bytes = Gen.bytes(0, 4_000);
        return Gen.frequency(
                weight(3, broken.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                weight(2, truncated.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                weight(2, text.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                weight(2, bytes));
    }

    private static Gen<Optional<String>> badSignatures() {
        long now = Instant.now().getEpochSecond();
        return Gen.frequency(
                weight(1, Gen.constant(Optional.<String>empty())),
                weight(
                        1,
                        Gen.of("", " ", "t=", "v1=", "t=1,v1=", "t=abc,v1=zz", "t=" + now + ",v1=00")
                                .map(Optional::of)),
                weight(1, random -> Optional.of(StripeSignature.header("whsec_wrong", "{}", now))),
                weight(
                        1,
                        HostileText.strings()
                                .map(s -> Optional.of(RawHttp.printable(s).strip()))),
                weight(1, Gen.constant(Optional.of("t=" + now + ",v1=" + "a".repeat(64) + ",v1=" + "b".repeat(5000)))));
    }
}
