package com.callbackcloser.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.hostile.Forms.Param;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
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

    @BeforeContainer
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

    @AfterContainer
    static void stop() {
        service.stop();
        stripe.close();
        idp.close();
    }

    @AfterProperty
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

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void hostileBodiesGetA2xxOrA4xxWithTheErrorJson(@ForAll("calls") Call call, @ForAll boolean withApiKey) {
        RawHttp.Request request = request(call, "Bearer " + (withApiKey ? apiKey : jwt));
        RawHttp.Answer answer = service.send(request);
        if (call.odd()) {
            Verdicts.ownerAnswerToAnOddRequest(request, answer);
        } else {
            Verdicts.ownerAnswer(request, answer);
        }
        Statistics.label("status").collect(call.method() + " " + route(call.path()) + " " + answer.status());
        if (answer.status() / 100 == 2 && call.path().equals("/api/businesses/" + target)) {
            helpStillAnswersWithWellFormedTwiml();
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void hostileCredentialsGet401WithTheErrorJson(
            @ForAll("calls") Call call, @ForAll("credentials") Optional<String> authorization) {
        RawHttp.Request request = request(call, authorization.orElse(null));
        RawHttp.Answer answer = service.send(request);
        if (call.odd() || answer.status() == 431) {
            Verdicts.ownerAnswerToAnOddRequest(request, answer);
        } else {
            Verdicts.jsonError(request, answer);
        }
        assertThat(answer.status()).as(answer.describe()).isIn(400, 401, 404, 405, 414, 415, 431);
    }

    @Example
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

    @Example
    void deeplyNestedJsonIsABadRequest() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        RawHttp.Request request = request(
                new Call(
                        "PATCH", "/api/businesses/" + target, "{\"serviceLabels\":" + nested + "}", "application/json"),
                "Bearer " + jwt);
        RawHttp.Answer answer = service.send(request);
        Verdicts.jsonError(request, answer);
    }

    @Example
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

    @Provide
    Arbitrary<Call> calls() {
        Arbitrary<String> business = json(Map.of(
                "name", names(),
                "forwardingNumber", phones(),
                "notifyPhone", phones(),
                "missedCallSeconds", numbers(),
                "serviceLabels", labels(),
                "timeZone", zones()));
        Arbitrary<Call> bodies = Arbitraries.frequencyOf(
                Tuple.of(4, business.map(b -> new Call("PATCH", "/api/businesses/" + target, b, "application/json"))),
                Tuple.of(2, business.map(b -> new Call("POST", "/api/businesses", b, "application/json"))),
                Tuple.of(
                        2,
                        json(Map.of("subject", names(), "role", enums("owner", "admin", "agent")))
                                .map(b -> new Call(
                                        "POST", "/api/businesses/" + target + "/members", b, "application/json"))),
                Tuple.of(
                        2,
                        json(Map.of("status", enums("new", "qualified", "contacted", "booked")))
                                .map(b -> new Call(
                                        "PATCH",
                                        "/api/businesses/" + target + "/leads/" + lead,
                                        b,
                                        "application/json"))),
                Tuple.of(
                        2,
                        json(Map.of("name", names()))
                                .map(b -> new Call("POST", "/api/api-keys", b, "application/json"))),
                Tuple.of(
                        1,
                        json(Map.of("areaCode", Arbitraries.oneOf(enums("415", "999", "41", "4155"), anyValue())))
                                .map(b -> new Call(
                                        "POST", "/api/businesses/" + target + "/phone-number", b, "application/json"))),
                Tuple.of(
                        1,
                        json(Map.of("phoneNumberSid", anyValue()))
                                .map(b -> new Call(
                                        "POST",
                                        "/api/businesses/" + target + "/phone-number/connect",
                                        b,
                                        "application/json"))),
                Tuple.of(
                        1,
                        json(Map.of("plan", enums("starter", "pro", "enterprise")))
                                .map(b -> new Call(
                                        "POST",
                                        "/api/businesses/" + target + "/billing/checkout",
                                        b,
                                        "application/json"))));
        Arbitrary<Call> queries = Arbitraries.frequencyOf(
                Tuple.of(
                        2,
                        Combinators.combine(queryValue(), queryValue(), queryValue())
                                .as((status, limit, cursor) -> new Call(
                                        "GET",
                                        "/api/businesses/" + target + "/leads?status=" + status + "&limit=" + limit
                                                + "&cursor=" + cursor,
                                        null,
                                        null))),
                Tuple.of(
                        1,
                        Combinators.combine(queryValue(), queryValue())
                                .as((before, limit) -> new Call(
                                        "GET",
                                        "/api/businesses/" + target + "/audit?before=" + before + "&limit=" + limit,
                                        null,
                                        null))),
                Tuple.of(
                        1,
                        Combinators.combine(dayValue(), dayValue())
                                .as((from, to) -> new Call(
                                        "GET",
                                        "/api/businesses/" + target + "/analytics?from=" + from + "&to=" + to,
                                        null,
                                        null))),
                Tuple.of(
                        1,
                        pathValue()
                                .map(subject -> new Call(
                                        "DELETE", "/api/businesses/" + target + "/members/" + subject, null, null))),
                Tuple.of(1, pathValue().map(id -> new Call("GET", "/api/businesses/" + id, null, null))),
                Tuple.of(
                        1,
                        pathValue()
                                .map(id -> new Call(
                                        "PATCH",
                                        "/api/businesses/" + target + "/leads/" + id,
                                        "{}",
                                        "application/json",
                                        true))));
        Arbitrary<Call> oddTypes = Combinators.combine(business, contentTypes())
                .as((b, type) -> new Call("PATCH", "/api/businesses/" + target, b, type.orElse(null)));
        return Arbitraries.frequencyOf(Tuple.of(8, bodies), Tuple.of(3, queries), Tuple.of(1, oddTypes));
    }

    /**
     * A JSON body: an object with some of the fields given (each of its own hostile kind) plus strays, or text
     * that only looks like JSON, or not even that.
     */
    private static Arbitrary<String> json(Map<String, Arbitrary<JsonNode>> fields) {
        List<Arbitrary<Optional<Tuple.Tuple2<String, JsonNode>>>> each = fields.entrySet().stream()
                .map(field -> Arbitraries.frequencyOf(
                        Tuple.of(3, field.getValue().map(v -> Optional.of(Tuple.of(field.getKey(), v)))),
                        Tuple.of(1, Arbitraries.just(Optional.<Tuple.Tuple2<String, JsonNode>>empty()))))
                .toList();
        Arbitrary<String> object = Combinators.combine(each).as(present -> {
            ObjectNode node = NODES.objectNode();
            present.forEach(field -> field.ifPresent(f -> node.set(f.get1(), f.get2())));
            return node.toString();
        });
        Arbitrary<String> withStray = Combinators.combine(object, HostileText.strings(), anyValue())
                .as((o, name, value) -> o.length() > 2
                        ? o.substring(0, o.length() - 1) + "," + NODES.textNode(name) + ":" + value + "}"
                        : "{" + NODES.textNode(name) + ":" + value + "}");
        Arbitrary<String> broken = Arbitraries.of(
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
        Arbitrary<String> truncated = object.filter(o -> o.length() > 4).map(o -> o.substring(0, o.length() / 2));
        return Arbitraries.frequencyOf(
                Tuple.of(8, object),
                Tuple.of(2, withStray),
                Tuple.of(2, broken),
                Tuple.of(1, truncated),
                Tuple.of(1, HostileText.strings()));
    }

    private static Arbitrary<JsonNode> names() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                        "Acme Plumbing",
                                        "Zoë's Pipes 🔧",
                                        "שרברב",
                                        "O'Brien & <Sons>",
                                        "  Ab  ",
                                        "🔧",
                                        "a",
                                        "ab")
                                .map(NODES::textNode)),
                Tuple.of(4, HostileText.strings().map(NODES::textNode)),
                Tuple.of(1, HostileText.text(100, 130).map(NODES::textNode)),
                Tuple.of(1, anyValue()));
    }

    private static Arbitrary<JsonNode> phones() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of("+14155550199", "(415) 555-0198", "4155550177", "", " ")
                                .map(NODES::textNode)),
                Tuple.of(2, HostileText.strings().map(NODES::textNode)),
                Tuple.of(1, anyValue()));
    }

    private static Arbitrary<JsonNode> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-10, 100).map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE).map(NODES::numberNode)),
                Tuple.of(
                        1,
                        Arbitraries.of("1e400", "-0", "20.0", "1E1", "9223372036854775808")
                                .map(raw -> NODES.rawValueNode(new RawValue(raw)))),
                Tuple.of(1, anyValue()));
    }

    private static Arbitrary<JsonNode> labels() {
        Arbitrary<JsonNode> label = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("Repair", "Install", "Drain 🚿", "").map(NODES::textNode)),
                Tuple.of(2, HostileText.strings().map(NODES::textNode)),
                Tuple.of(1, anyValue()));
        return Arbitraries.frequencyOf(
                Tuple.of(4, label.list().ofMinSize(0).ofMaxSize(5).map(list -> {
                    var array = NODES.arrayNode();
                    list.forEach(array::add);
                    return (JsonNode) array;
                })),
                Tuple.of(1, anyValue()));
    }

    private static Arbitrary<JsonNode> zones() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        2,
                        Arbitraries.of("America/Chicago", "Europe/Berlin", "UTC", "+02:00", "EST", "Mars/Base", "")
                                .map(NODES::textNode)),
                Tuple.of(2, HostileText.strings().map(NODES::textNode)),
                Tuple.of(1, anyValue()));
    }

    private static Arbitrary<JsonNode> enums(String... valid) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(valid).map(NODES::textNode)),
                Tuple.of(
                        1,
                        Arbitraries.of(valid)
                                .map(v -> NODES.textNode(" " + v.toUpperCase(java.util.Locale.ROOT) + " "))),
                Tuple.of(2, HostileText.strings().map(NODES::textNode)),
                Tuple.of(1, anyValue()));
    }

    /** Any JSON value, of any type. */
    private static Arbitrary<JsonNode> anyValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, HostileText.strings().map(NODES::textNode)),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                NODES.nullNode(),
                                NODES.booleanNode(false),
                                NODES.numberNode(-1),
                                NODES.numberNode(3.25),
                                NODES.numberNode(Long.MAX_VALUE),
                                NODES.arrayNode(),
                                NODES.arrayNode().add("a").add(NODES.objectNode()),
                                NODES.objectNode(),
                                NODES.objectNode().put("name", "nested"))),
                Tuple.of(1, HostileText.incompressible(10_000, 100_000).map(NODES::textNode)));
    }

    private static Arbitrary<String> queryValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        2,
                        Arbitraries.of(
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
                Tuple.of(2, HostileText.strings().map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)));
    }

    /** Days as the analytics take them, days that do not exist or are out of range, and anything else. */
    private static Arbitrary<String> dayValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        2,
                        Arbitraries.of(
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
                Tuple.of(2, queryValue()));
    }

    private static Arbitrary<String> pathValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(
                        2,
                        Arbitraries.of(
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
                Tuple.of(
                        2,
                        HostileText.strings()
                                .filter(s -> !s.isEmpty())
                                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))));
    }

    private static Arbitrary<Optional<String>> contentTypes() {
        return Arbitraries.of(
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

    @Provide
    Arbitrary<Optional<String>> credentials() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(
                        2,
                        Arbitraries.of(
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
                Tuple.of(1, Arbitraries.create(() -> Optional.of("Bearer " + idp.tokenFromAStranger("owner_fuzz")))),
                Tuple.of(2, HostileText.strings().map(s -> Optional.of("Bearer " + RawHttp.printable(s)))));
    }
}
