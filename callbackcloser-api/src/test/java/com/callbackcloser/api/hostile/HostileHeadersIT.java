package com.callbackcloser.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.hostile.Forms.Param;
import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.api.testing.StripeSignature;
import com.callbackcloser.api.testing.TwilioFake;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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

/**
 * Header values no client should send: tens of kilobytes of signature, credential or correlation id, control
 * characters, bytes that are not ASCII, an attempt to start a header of our own. Whatever arrives is answered
 * with a 4xx (Jetty's 431 past its header limit) or, for a Twilio webhook that is still well signed, TwiML; never a
 * 5xx. A correlation id is echoed only when it is a sane token, never when it is long or strange.
 */
class HostileHeadersIT {
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static StripeFake stripe;
    private static HostileService service;
    private static Sentinel sentinel;

    @BeforeContainer
    static void start() {
        stripe = new StripeFake();
        service = HostileService.start(
                "stripe.secretKey", StripeFake.SECRET_KEY,
                "stripe.webhookSecret", StripeFake.WEBHOOK_SECRET,
                "stripe.apiBaseUrl", stripe.baseUrl());
        sentinel = Sentinel.plant(service.service);
    }

    @AfterContainer
    static void stop() {
        service.stop();
        stripe.close();
    }

    @AfterProperty
    void healthyAndTheSentinelUntouched() {
        service.assertHealthy();
        sentinel.assertUnchanged();
    }

    /** Where a request goes; each is answered by a different part of the service. */
    enum Target {
        SIGNED_TWILIO_WEBHOOK,
        UNSIGNED_TWILIO_WEBHOOK,
        STRIPE_WEBHOOK,
        OWNER_API,
        NOWHERE
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void aCorrelationIdIsEchoedOnlyWhenSane(
            @ForAll Target target, @ForAll("correlationIds") String id, @ForAll boolean asRequestId) {
        RawHttp.Request request = request(target, Map.of(asRequestId ? "X-Request-Id" : "X-Correlation-Id", id));
        RawHttp.Answer answer = service.send(request);
        answeredWithoutA5xx(target, request, answer);
        Statistics.label("status").collect(target, answer.status());
        if (answer.status() == 400 && answer.header("X-Correlation-Id").isEmpty()) {
            return; // Jetty refused the header line itself (a control character): nothing reached our filter
        }
        String echoed = answer.header("X-Correlation-Id").orElseThrow();
        String sent = id.strip();
        if (SANE_ID.matcher(sent).matches()) {
            assertThat(echoed).as(answer.describe()).isEqualTo(sent);
        } else {
            assertThat(echoed).as(answer.describe()).matches(UUID_FORMAT);
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void anyHeaderValueGetsA4xxOrTwiml(
            @ForAll Target target, @ForAll("headerNames") String name, @ForAll("headerValues") String value) {
        RawHttp.Request request = request(target, Map.of(name, value));
        RawHttp.Answer answer = service.send(request);
        answeredWithoutA5xx(target, request, answer);
        Statistics.label("status").collect(answer.status());
        assertThat(answer.headers()).as(answer.describe()).doesNotContainKey("x-injected");
    }

    @Example
    void sixtyFourKilobytesInAnyHeaderIs431AndNothingEchoed() {
        String huge = "A".repeat(64 * 1024);
        for (Target target : Target.values()) {
            for (String header : List.of(
                    "X-Twilio-Signature",
                    "X-Correlation-Id",
                    "X-Request-Id",
                    "Authorization",
                    "Stripe-Signature",
                    "Content-Type",
                    "Cookie",
                    "X-Anything")) {
                String value = header.equals("Authorization") ? "Bearer " + huge : huge;
                RawHttp.Request request = request(target, Map.of(header, value));
                RawHttp.Answer answer = service.send(request);
                assertThat(answer.status()).as(answer.describe()).isEqualTo(431);
                assertThat(answer.header("X-Correlation-Id"))
                        .as(answer.describe())
                        .isEmpty();
            }
        }
    }

    @Example
    void justUnderJettysLimitTheApplicationAnswersAndEchoesNoInsaneId() {
        String big = "A".repeat(7_000);
        for (Target target : Target.values()) {
            for (String header :
                    List.of("X-Twilio-Signature", "X-Correlation-Id", "Authorization", "Stripe-Signature")) {
                String value = header.equals("Authorization") ? "Bearer " + big : big;
                RawHttp.Request request = request(target, Map.of(header, value));
                RawHttp.Answer answer = service.send(request);
                answeredWithoutA5xx(target, request, answer);
                assertThat(answer.header("X-Correlation-Id"))
                        .as(answer.describe())
                        .hasValueSatisfying(id -> assertThat(id).matches(UUID_FORMAT));
                if (target == Target.SIGNED_TWILIO_WEBHOOK && header.equals("X-Twilio-Signature")) {
                    assertThat(answer.status()).as(answer.describe()).isEqualTo(401);
                }
            }
        }
    }

    @Example
    void aQualityThatIsNotOneIsABadRequestWhereverItIs() {
        for (Target target : Target.values()) {
            for (Map<String, String> headers : List.<Map<String, String>>of(
                    Map.of("Content-Type", "application/x-www-form-urlencoded; q=NaN"),
                    Map.of("Content-Type", "application/json; qs=2"),
                    Map.of("Accept", "application/xml; q=NaN"),
                    Map.of("Accept", "*/*; q=1.5, text/plain; q="))) {
                RawHttp.Request request = request(target, headers);
                RawHttp.Answer answer = service.send(request);
                assertThat(answer.status()).as(answer.describe()).isBetween(400, 499);
            }
        }
    }

    @Example
    void aThousandHeadersAre431() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 1_000; i++) {
            headers.put("X-Header-" + i, "value-" + i);
        }
        for (Target target : Target.values()) {
            RawHttp.Request request = request(target, headers);
            RawHttp.Answer answer = service.send(request);
            assertThat(answer.status()).as(answer.describe()).isEqualTo(431);
        }
    }

    private static void answeredWithoutA5xx(Target target, RawHttp.Request request, RawHttp.Answer answer) {
        if (target == Target.SIGNED_TWILIO_WEBHOOK) {
            Verdicts.twimlOr4xx(request, answer);
        } else {
            assertThat(answer.status())
                    .as(answer.describe() + "\n  to " + request.describe())
                    .isBetween(400, 499);
        }
    }

    /** A request to the target, correct apart from the extra headers given (which win over its own). */
    private static RawHttp.Request request(Target target, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        String path;
        String method = "POST";
        switch (target) {
            case SIGNED_TWILIO_WEBHOOK, UNSIGNED_TWILIO_WEBHOOK -> {
                path = "/api/twilio/status";
                List<Param> form = List.of(
                        new Param("AccountSid", TwilioFake.ACCOUNT_SID),
                        new Param("CallSid", "CA" + UUID.randomUUID().toString().replace("-", "")),
                        new Param("From", "+14155550123"),
                        new Param("To", "+19995550100"),
                        new Param("DialCallStatus", "no-answer"));
                body = Forms.encode(form);
                headers.put("Content-Type", "application/x-www-form-urlencoded");
                if (target == Target.SIGNED_TWILIO_WEBHOOK) {
                    headers.put("X-Twilio-Signature", TwilioWebhookFuzzIT.signature(path, Forms.firstValues(form)));
                }
            }
            case STRIPE_WEBHOOK -> {
                path = "/api/stripe/webhook";
                String payload = "{\"id\":\"evt_headers\",\"object\":\"event\",\"type\":\"customer.created\"}";
                body = payload.getBytes(StandardCharsets.UTF_8);
                headers.put("Content-Type", "application/json");
                headers.put(
                        "Stripe-Signature",
                        StripeSignature.header(
                                "whsec_not_ours", payload, Instant.now().getEpochSecond()));
            }
            case OWNER_API -> {
                path = "/api/businesses";
                method = "GET";
                body = new byte[0];
                headers.put("Authorization", "Bearer cck_" + "0".repeat(32));
            }
            default -> {
                path = "/api/nothing-here";
                body = new byte[0];
            }
        }
        headers.putAll(extra);
        return new RawHttp.Request(method, path, headers, body);
    }

    /** Sane ids, and ones too long, with characters outside the token set, controls, bytes that are not ASCII. */
    @Provide
    Arbitrary<String> correlationIds() {
        Arbitrary<String> sane = Arbitraries.strings()
                .withChars("ABCXYZabcxyz0189._:@/+=-")
                .ofMinLength(1)
                .ofMaxLength(128);
        return Arbitraries.frequencyOf(
                Tuple.of(3, sane),
                Tuple.of(1, sane.map(s -> "  " + s + " ")),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withChars("abc0189-")
                                .ofMinLength(129)
                                .ofMaxLength(7_000)),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange('\u0080', '\u00ff')
                                .ofMinLength(1)
                                .ofMaxLength(40)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange('\u0000', '\u001f')
                                .ofMinLength(1)
                                .ofMaxLength(5)),
                Tuple.of(1, Arbitraries.of("", " ", "\t", "req-1\u0000", "<script>", "id; drop", "%0d%0a", "a,b")));
    }

    @Provide
    Arbitrary<String> headerNames() {
        return Arbitraries.of(
                "X-Twilio-Signature",
                "X-Correlation-Id",
                "X-Request-Id",
                "Authorization",
                "Stripe-Signature",
                "Content-Type",
                "Accept",
                "Accept-Encoding",
                "Accept-Charset",
                "Content-Encoding",
                "Transfer-Encoding",
                "Expect",
                "X-Forwarded-For",
                "X-Forwarded-Proto",
                "X-Webhook-Token",
                "Cookie",
                "If-None-Match",
                "Range",
                "X-Anything");
    }

    /**
     * Values as bytes (each char below 256 is sent as that byte): long ones, controls, bytes that are not ASCII,
     * and a line break followed by a header of the attacker's own.
     */
    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange(' ', '~')
                                .ofMinLength(5_000)
                                .ofMaxLength(7_500)),
                Tuple.of(
                        1,
                        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(100)),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "",
                                "gzip, chunked",
                                "chunked",
                                "100-continue",
                                "bytes=0-0,-1",
                                "Bearer",
                                "Basic",
                                "a\r\nX-Injected: 1",
                                "a\nX-Injected: 1",
                                "a\rX-Injected: 1",
                                "\u00ff\u00fe",
                                "\u00c3(",
                                "application/x-www-form-urlencoded; charset=\u00ff",
                                "*/*; q=NaN",
                                "application/x-www-form-urlencoded; q=2",
                                "application/json; qs=x",
                                "text/html;q=0.1, */*;q=2")));
    }
}
