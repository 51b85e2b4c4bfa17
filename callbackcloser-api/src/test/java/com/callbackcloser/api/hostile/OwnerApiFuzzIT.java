package com.callbackcloser.api.hostile;

import static com.callbackcloser.api.testing.Gen.weight;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.hostile.Forms.Param;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.Gen;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.Property;
import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.db.testing.TestBusinesses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The owner API's JSON endpoints under hostile bodies, with a valid API key or JWT: malformed JSON, wrong types,
 * huge strings, control characters, deep nesting, odd content types, and hostile query and path values. Every
 * answer is a 2xx (the request was fine after all) or a 4xx with Dropwizard's error JSON; never a 5xx. Whatever
 * the API accepted as the business's name must still make well-formed TwiML, which quotes it.
 */
class OwnerApiFuzzIT {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static JwtIssuer idp;
    private static StripeFake stripe;
    private static HostileService service;
    private static Sentinel sentinel;
    private static String jwt;
    private static String apiKey;
    private static String target;
    private static String targetNumber;
    private static String lead;

    @BeforeAll
    static void start() {
        idp = new JwtIssuer();
        stripe = new StripeFake();
        service = HostileService.start(
                "auth.jwtIssuer", JwtIssuer.ISSUER,
                "auth.jwksUrl", idp.jwksUrl(),
                "stripe.secretKey", StripeFake.SECRET_KEY,
                "stripe.apiBaseUrl", stripe.baseUrl(),
                "stripe.priceStarter", StripeFake.PRICE_STARTER,
                "stripe.pricePro", StripeFake.PRICE_PRO);
        stripe.createsCustomer("cus_owner_fuzz");
        stripe.createsCheckoutSession("https://checkout.stripe.test/session");
        stripe.createsPortalSession("https://billing.stripe.test/portal");
        sentinel = Sentinel.plant(service.service);
        jwt = idp.token("owner_fuzz");
        OwnerApiClient owner = service.service.owner();
        // The first JWKS fetch of a cold JVM can outlast nimbus's half-second timeout; the next is rate-limited.
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(owner.get(jwt, "/api/businesses").status()).isEqualTo(200));
        OwnerApiClient.Answer created =
                owner.post(jwt, "/api/businesses", Map.of("name", "Acme Plumbing", "forwardingNumber", "+14155550199"));
        assertThat(created.status()).as("%s", created.json()).isEqualTo(201);
        target = created.text("id");
        apiKey = owner.post(jwt, "/api/api-keys", Map.of("name", "fuzz")).text("secret");
        assertThat(apiKey).startsWith("cck_");
        // A number of its own, so the phone-number endpoints stop at "already has one" instead of buying one.
        targetNumber = TestBusinesses.nextTwilioNumber();
        service.service
                .jdbi()
                .useHandle(h -> h.createUpdate("UPDATE businesses SET twilio_number = :n WHERE id = :id")
                        .bind("n", targetNumber)
                        .bind("id", UUID.fromString(target))
                        .execute());
        lead = insertLead();
    }

    @AfterAll
    static void stop() {
        service.stop();
        stripe.close();
        idp.close();
    }

    @AfterEach
    void healthyAndTheSentinelUntouched() {
        service.assertHealthy();
        sentinel.assertUnchanged();
    }

    /**
     * A request: method, path (with query), body (null for none), content type (null for none); odd when its path,
     * query or content type is the hostile part rather than its body.
     */
    record Call(String method, String path, String body, String contentType, boolean odd) {
        Call(String method, String path, String body, String contentType) {
            this(method, path, body, contentType, !"application/json".equals(contentType));
        }
    }

    /** A call with the API key or the JWT. */
    record Authenticated(Call call, boolean withApiKey) {}

    @Test
    void hostileBodiesGetA2xxOrA4xxWithTheErrorJson() {
        Gen<Call> calls = calls();
        Gen<Boolean> withApiKey = Gen.booleans();
        Property.tries(400)
                .forAll(random -> new Authenticated(calls.next(random), withApiKey.next(random)), (sent, tally) -> {
                    Call call = sent.call();
                    RawHttp.Request request = request(call, "Bearer " + (sent.withApiKey() ? apiKey : jwt));
                    RawHttp.Answer answer = service.send(request);
                    if (call.odd()) {
                        Verdicts.ownerAnswerToAnOddRequest(request, answer);
                    } else {
                        Verdicts.ownerAnswer(request, answer);
                    }
                    tally.collect("status", call.method(), route(call.path()), answer.status());
                    if (answer.status() / 100 == 2 && call.path().equals("/api/businesses/" + target)) {
                        helpStillAnswersWithWellFormedTwiml();
                    }
                });
    }

    /** A call with a hostile Authorization header, or none. */
    record Unauthenticated(Call call, Optional<String> authorization) {}

    @Test
    void hostileCredentialsGet401WithTheErrorJson() {
        Gen<Call> calls = calls();
        Gen<Optional<String>> credentials = credentials();
        Property.tries(100)
                .forAll(random -> new Unauthenticated(calls.next(random), credentials.next(random)), sent -> {
                    RawHttp.Request request =
                            request(sent.call(), sent.authorization().orElse(null));
                    RawHttp.Answer answer = service.send(request);
                    if (sent.call().odd() || answer.status() == 431) {
                        Verdicts.ownerAnswerToAnOddRequest(request, answer);
                    } else {
                        Verdicts.jsonError(request, answer);
                    }
                    assertThat(answer.status()).as(answer.describe()).isIn(400, 401, 404, 405, 414, 415, 431);
                });
    }

    @Test
    void aTwoMegabyteBodyIsRefusedOrReadNot500() {
        ObjectNode body = NODES.objectNode().put("name", "x".repeat(2 << 20));
        for (Call call : List.of(
                new Call("PATCH", "/api/businesses/" + target, body.toString(), "application/json"),
                new Call("POST", "/api/businesses", body.toString(), "application/json"),
                new Call("POST", "/api/api-keys", body.toString(), "application/json"))) {
            RawHttp.Request request = request(call, "Bearer " + jwt);
            RawHttp.Answer answer = service.send(request);
            Verdicts.jsonError(request, answer);
        }
    }

    @Test
    void deeplyNestedJsonIsABadRequest() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        RawHttp.Request request = request(
                new Call(
                        "PATCH", "/api/businesses/" + target, "{\"serviceLabels\":" + nested + "}", "application/json"),
                "Bearer " + jwt);
        RawHttp.Answer answer = service.send(request);
        Verdicts.jsonError(request, answer);
    }

    @Test
    void namesThatXmlCannotCarryAreRefusedOrQuotedSafely() {
        // As JSON text, so that an unpaired surrogate (which no UTF-8 encoder sends) arrives as an escape.
        for (String name : List.of(
                "Acme \\ufffe Pipes",
                "Acme \\uffff Pipes",
                "Acme \\ud800 Pipes",
                "Acme \\udc00",
                "\\ud83d\\udd27\\ud83d",
                "Acme ]]> <x/> &amp;",
                "Acme \\u0085 Pipes",
                "Acme \\u2028 Pipes",
                "Acme \\u202e Pipes",
                "Acme \\u0009 Pipes")) {
            RawHttp.Request request = request(
                    new Call("PATCH", "/api/businesses/" + target, "{\"name\":\"" + name + "\"}", "application/json"),
                    "Bearer " + jwt);
            RawHttp.Answer answer = service.send(request);
            Verdicts.ownerAnswer(request, answer);
            assertThat(answer.status()).as(answer.describe()).isIn(200, 422);
            helpStillAnswersWithWellFormedTwiml();
        }
    }

    private static void helpStillAnswersWithWellFormedTwiml() {
        List<Param> form = List.of(
                new Param("AccountSid", TwilioFake.ACCOUNT_SID),
                new Param("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", "")),
                new Param("From", "+14155550166"),
                new Param("To", targetNumber),
                new Param("Body", "HELP"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("X-Twilio-Signature", TwilioWebhookFuzzIT.signature("/api/twilio/sms", Forms.firstValues(form)));
        RawHttp.Request request = RawHttp.Request.post("/api/twilio/sms", headers, Forms.encode(form));
        RawHttp.Answer answer = service.send(request);
        assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
        Document twiml = Verdicts.twimlOr4xx(request, answer);
        assertThat(twiml.getElementsByTagName("Message").getLength()).isEqualTo(1);
    }

    private static RawHttp.Request request(Call call, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (call.contentType() != null) {
            headers.put("Content-Type", call.contentType());
        }
        headers.put("Accept", "application/json");
        byte[] body = call.body() == null ? new byte[0] : call.body().getBytes(StandardCharsets.UTF_8);
        return new RawHttp.Request(call.method(), call.path(), headers, body);
    }

    private static final java.util.Set<String> LITERALS = java.util.Set.of(
            "api",
            "businesses",
            "leads",
            "members",
            "audit",
            "analytics",
            "api-keys",
            "phone-number",
            "connect",
            "billing",
            "checkout");

    /** The endpoint, with every segment that is not part of the route's name written {…}. */
    private static String route(String path) {
        return java.util.Arrays.stream(path.replaceAll("\\?.*", "").split("/", -1))
                .map(segment -> segment.isEmpty() || LITERALS.contains(segment) ? segment : "{…}")
                .collect(java.util.stream.Collectors.joining("/"));
    }

    private static String insertLead() {
        return service.service.jdbi().withHandle(h -> {
            UUID call = h.createQuery("""
                            INSERT INTO calls (business_id, call_sid, from_number, to_number, status, dial_call_status,
                                               missed, created_at, updated_at)
                            VALUES (:b, :sid, '+14155550123', :to, 'MISSED', 'no-answer', true, :at, :at)
                            RETURNING id""")
                    .bind("b", UUID.fromString(target))
                    .bind("sid", "CA" + UUID.randomUUID().toString().replace("-", ""))
                    .bind("to", targetNumber)
                    .bind("at", Instant.now())
                    .mapTo(UUID.class)
                    .one();
            return h.createQuery("""
                            INSERT INTO leads (business_id, call_id, caller_raw, caller_number, status, created_at,
                                               updated_at)
                            VALUES (:b, :call, '+14155550123', '+14155550123', 'NEW', :at, :at)
                            RETURNING id""")
                    .bind("b", UUID.fromString(target))
                    .bind("call", call)
                    .bind("at", Instant.now())
                    .mapTo(String.class)
                    .one();
        });
    }

    private static Gen<Call> calls() {
        Gen<String> business = json(Map.of(
                "name", names(),
                "forwardingNumber", phones(),
                "notifyPhone", phones(),
                "missedCallSeconds", numbers(),
                "serviceLabels", labels(),
                "timeZone", zones()));
        Gen<Call> bodies = Gen.frequency(
                weight(4, business.map(b -> new Call("PATCH", "/api/businesses/" + target, b, "application/json"))),
                weight(2, business.map(b -> new Call("POST", "/api/businesses", b, "application/json"))),
                weight(
                        2,
                        json(Map.of("subject", names(), "role", enums("owner", "admin", "agent")))
                                .map(b -> new Call(
                                        "POST", "/api/businesses/" + target + "/members", b, "application/json"))),
                weight(
                        2,
                        json(Map.of("status", enums("new", "qualified", "contacted", "booked")))
                                .map(b -> new Call(
                                        "PATCH",
                                        "/api/businesses/" + target + "/leads/" + lead,
                                        b,
                                        "application/json"))),
                weight(
                        2,
                        json(Map.of("name", names()))
                                .map(b -> new Call("POST", "/api/api-keys", b, "application/json"))),
                weight(
                        1,
                        json(Map.of("areaCode", Gen.oneOf(enums("415", "999", "41", "4155"), anyValue())))
                                .map(b -> new Call(
                                        "POST", "/api/businesses/" + target + "/phone-number", b, "application/json"))),
                weight(
                        1,
                        json(Map.of("phoneNumberSid", anyValue()))
                                .map(b -> new Call(
                                        "POST",
                                        "/api/businesses/" + target + "/phone-number/connect",
                                        b,
                                        "application/json"))),
                weight(
                        1,
                        json(Map.of("plan", enums("starter", "pro", "enterprise")))
                                .map(b -> new Call(
                                        "POST",
                                        "/api/businesses/" + target + "/billing/checkout",
                                        b,
                                        "application/json"))));
        Gen<String> queryValue = queryValue();
        Gen<String> dayValue = dayValue();
        Gen<Call> queries = Gen.frequency(
                weight(
                        2,
                        random -> new Call(
                                "GET",
                                "/api/businesses/" + target + "/leads?status=" + queryValue.next(random) + "&limit="
                                        + queryValue.next(random) + "&cursor=" + queryValue.next(random),
                                null,
                                null)),
                weight(
                        1,
                        random -> new Call(
                                "GET",
                                "/api/businesses/" + target + "/audit?before=" + queryValue.next(random) + "&limit="
                                        + queryValue.next(random),
                                null,
                                null)),
                weight(
                        1,
                        random -> new Call(
                                "GET",
                                "/api/businesses/" + target + "/analytics?from=" + dayValue.next(random) + "&to="
                                        + dayValue.next(random),
                                null,
                                null)),
                weight(
                        1,
                        pathValue()
                                .map(subject -> new Call(
                                        "DELETE", "/api/businesses/" + target + "/members/" + subject, null, null))),
                weight(1, pathValue().map(id -> new Call("GET", "/api/businesses/" + id, null, null))),
                weight(
                        1,
                        pathValue()
                                .map(id -> new Call(
                                        "PATCH",
                                        "/api/businesses/" + target + "/leads/" + id,
                                        "{}",
                                        "application/json",
                                        true))));
        Gen<Optional<String>> contentTypes = contentTypes();
        Gen<Call> oddTypes = random -> new Call(
                "PATCH",
                "/api/businesses/" + target,
                business.next(random),
                contentTypes.next(random).orElse(null));
        return Gen.frequency(weight(8, bodies), weight(3, queries), weight(1, oddTypes));
    }

    /**
     * A JSON body: an object with some of the fields given (each of its own hostile kind) plus strays, or text
     * that only looks like JSON, or not even that.
     */
    private static Gen<String> json(Map<String, Gen<JsonNode>> fields) {
        // In the order of their names: a Map.of iterates in an order of its own in each JVM, and the same seed must
        // make the same body in every run.
        List<Map.Entry<String, Gen<JsonNode>>> each =
                fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        Gen<String> object = random -> {
            ObjectNode node = NODES.objectNode();
            for (Map.Entry<String, Gen<JsonNode>> field : each) {
                // Three times in four the field is there.
                if (random.nextInt(4) > 0) {
                    node.set(field.getKey(), field.getValue().next(random));
                }
            }
            return node.toString();
        };
        Gen<String> strayNames = HostileText.strings();
        Gen<JsonNode> strayValues = anyValue();
        Gen<String> withStray = random -> {
            String o = object.next(random);
            String name = strayNames.next(random);
            JsonNode value = strayValues.next(random);
            return o.length() > 2
                    ? o.substring(0, o.length() - 1) + "," + NODES.textNode(name) + ":" + value + "}"
                    : "{" + NODES.textNode(name) + ":" + value + "}";
        };
        Gen<String> broken = Gen.of(
                "",
                "{",
                "}",
                "null",
                "[]",
                "\"name\"",
                "42",
                "{\"name\":}",
                "{\"name\":\"x\",}",
                "{'name':'x'}",
                "{\"name\":\"\\ud800\"}",
                "{\"name\":\"\\u0000\\u0001\"}",
                "{\"name\":\"\\uFFFE\"}",
                "{\"name\":NaN}",
                "{\"missedCallSeconds\":1e400}",
                "{\"missedCallSeconds\":99999999999999999999}",
                "{\"missedCallSeconds\":20.7}",
                "{\"serviceLabels\":\"Repair\"}",
                "{\"name\":\"Acme\",\"name\":\"Other\"}",
                "\ufeff{\"name\":\"Acme\"}",
                "{\"name\":\"Acme\"} trailing");
        Gen<String> truncated = object.filter(o -> o.length() > 4).map(o -> o.substring(0, o.length() / 2));
        return Gen.frequency(
                weight(8, object),
                weight(2, withStray),
                weight(2, broken),
                weight(1, truncated),
                weight(1, HostileText.strings()));
    }

    private static Gen<JsonNode> names() {
        return Gen.frequency(
                weight(
                        3,
                        Gen.of(
                                        "Acme Plumbing",
                                        "Zoë's Pipes 🔧",
                                        "שרברב",
                                        "O'Brien & <Sons>",
                                        "  Ab  ",
                                        "🔧",
                                        "a",
                                        "ab")
                                .map(NODES::textNode)),
                weight(4, HostileText.strings().map(NODES::textNode)),
                weight(1, HostileText.text(100, 130).map(NODES::textNode)),
                weight(1, anyValue()));
    }

    private static Gen<JsonNode> phones() {
        return Gen.frequency(
                weight(
                        3,
                        Gen.of("+14155550199", "(415) 555-0198", "4155550177", "", " ")
                                .map(NODES::textNode)),
                weight(2, HostileText.strings().map(NODES::textNode)),
                weight(1, anyValue()));
    }

    private static Gen<JsonNode> numbers() {
        return Gen.frequency(
                weight(3, Gen.ints(-10, 100).map(NODES::numberNode)),
                weight(1, Gen.of(Integer.MAX_VALUE, Integer.MIN_VALUE).map(NODES::numberNode)),
                weight(
                        1,
                        Gen.of("1e400", "-0", "20.0", "1E1", "9223372036854775808")
                                .map(raw -> NODES.rawValueNode(new RawValue(raw)))),
                weight(1, anyValue()));
    }

    private static Gen<JsonNode> labels() {
        Gen<JsonNode> label = Gen.frequency(
                weight(2, Gen.of("Repair", "Install", "Drain 🚿", "").map(NODES::textNode)),
                weight(2, HostileText.strings().map(NODES::textNode)),
                weight(1, anyValue()));
        return Gen.frequency(
                weight(4, label.list(0, 5).map(list -> {
                    var array = NODES.arrayNode();
                    list.forEach(array::add);
                    return (JsonNode) array;
                })),
                weight(1, anyValue()));
    }

    private static Gen<JsonNode> zones() {
        return Gen.frequency(
                weight(
                        2,
                        Gen.of("America/Chicago", "Europe/Berlin", "UTC", "+02:00", "EST", "Mars/Base", "")
                                .map(NODES::textNode)),
                weight(2, HostileText.strings().map(NODES::textNode)),
                weight(1, anyValue()));
    }

    private static Gen<JsonNode> enums(String... valid) {
        return Gen.frequency(
                weight(3, Gen.of(valid).map(NODES::textNode)),
                weight(1, Gen.of(valid).map(v -> NODES.textNode(" " + v.toUpperCase(java.util.Locale.ROOT) + " "))),
                weight(2, HostileText.strings().map(NODES::textNode)),
                weight(1, anyValue()));
    }

    /** Any JSON value, of any type. */
    private static Gen<JsonNode> anyValue() {
        return Gen.frequency(
                weight(2, HostileText.strings().map(NODES::textNode)),
                weight(
                        1,
                        Gen.of(
                                NODES.nullNode(),
                                NODES.booleanNode(false),
                                NODES.numberNode(-1),
                                NODES.numberNode(3.25),
                                NODES.numberNode(Long.MAX_VALUE),
                                NODES.arrayNode(),
                                NODES.arrayNode().add("a").add(NODES.objectNode()),
                                NODES.objectNode(),
                                NODES.objectNode().put("name", "nested"))),
                weight(1, HostileText.incompressible(10_000, 100_000).map(NODES::textNode)));
    }

    private static Gen<String> queryValue() {
        return Gen.frequency(
                weight(
                        2,
                        Gen.of(
                                "",
                                "new",
                                "QUALIFIED",
                                "25",
                                "0",
                                "-1",
                                "101",
                                "2147483648",
                                "1.5",
                                "abc",
                                "eyJ4Ijo",
                                "Zm9vOmJhcg",
                                "%zz",
                                "%",
                                "%00",
                                "%FF")),
                weight(2, HostileText.strings().map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8))),
                weight(1, Gen.longs().map(String::valueOf)));
    }

    /** Days as the analytics take them, days that do not exist or are out of range, and anything else. */
    private static Gen<String> dayValue() {
        return Gen.frequency(
                weight(
                        2,
                        Gen.of(
                                "2026-11-01",
                                "2026-11-30",
                                "2025-11-01",
                                "2026-02-29",
                                "2026-11-31",
                                "1999-12-31",
                                "3000-01-01",
                                "%2B999999999-12-31",
                                "-999999999-01-01",
                                "2026-11-01T00:00:00Z",
                                "20261101")),
                weight(2, queryValue()));
    }

    private static Gen<String> pathValue() {
        return Gen.frequency(
                weight(2, Gen.uuids().map(UUID::toString)),
                weight(
                        2,
                        Gen.of(
                                "someone_else",
                                "x",
                                "..",
                                "%2e%2e",
                                "%2F",
                                "%00",
                                "%zz",
                                "null",
                                "00000000-0000-0000-0000-000000000000",
                                "ZZZZZZZZ-0000-0000-0000-000000000000")),
                weight(
                        2,
                        HostileText.strings()
                                .filter(s -> !s.isEmpty())
                                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))));
    }

    private static Gen<Optional<String>> contentTypes() {
        return Gen.of(
                Optional.empty(),
                Optional.of("text/plain"),
                Optional.of("application/x-www-form-urlencoded"),
                Optional.of("application/json; charset=ISO-8859-1"),
                Optional.of("application/json; charset=nonsense"),
                Optional.of("application/json;;"),
                Optional.of("application/*"),
                Optional.of("*/*"),
                Optional.of(";"),
                Optional.of("application/xml"));
    }

    private static Gen<Optional<String>> credentials() {
        return Gen.frequency(
                weight(1, Gen.constant(Optional.<String>empty())),
                weight(
                        2,
                        Gen.of(
                                        "Bearer",
                                        "Bearer ",
                                        "bearer " + "x",
                                        "Basic dXNlcjpwYXNz",
                                        "Bearer cck_",
                                        "Bearer cck_" + "0".repeat(32),
                                        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                                        "Bearer a.b.c",
                                        "Bearer ..",
                                        "Bearer " + "A".repeat(7_000))
                                .map(Optional::of)),
                weight(1, random -> Optional.of("Bearer " + idp.tokenFromAStranger("owner_fuzz"))),
                weight(2, HostileText.strings().map(s -> Optional.of("Bearer " + RawHttp.printable(s)))));
    }
}
