package com.callbackcloser.api.hostile;

import static com.callbackcloser.api.testing.Gen.weight;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.hostile.Forms.Param;
import com.callbackcloser.api.testing.Gen;
import com.callbackcloser.api.testing.Property;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @BeforeAll
    static void start() {
        stripe = new StripeFake();
        service = HostileService.start(
                "stripe.secretKey", StripeFake.SECRET_KEY,
                "stripe.webhookSecret", StripeFake.WEBHOOK_SECRET,
                "stripe.apiBaseUrl", stripe.baseUrl());
        sentinel = Sentinel.plant(service.service);
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

    /** Where a request goes; each is answered by a different part of the service. */
    enum Target {
        SIGNED_TWILIO_WEBHOOK,
        UNSIGNED_TWILIO_WEBHOOK,
        STRIPE_WEBHOOK,
        OWNER_API,
        NOWHERE
    }

    /** A correlation id, sent as X-Request-Id or X-Correlation-Id. */
    record CorrelatedRequest(Target target, String id, boolean asRequestId) {}

    @Test
    void aCorrelationIdIsEchoedOnlyWhenSane() {
        Gen<Target> targets = Gen.of(Target.class);
        Gen<String> ids = correlationIds();
        Gen<Boolean> asRequestId = Gen.booleans();
        Gen<CorrelatedRequest> requests =
                random -> new CorrelatedRequest(targets.next(random), ids.next(random), asRequestId.next(random));
        Property.tries(300).forAll(requests, (sent, tally) -> {
            RawHttp.Request request =
                    request(sent.target(), Map.of(sent.asRequestId() ? "X-Request-Id" : "X-Correlation-Id", sent.id()));
            RawHttp.Answer answer = service.send(request);
            answeredWithoutA5xx(sent.target(), request, answer);
            tally.collect("status", sent.target(), answer.status());
            if (answer.status() == 400 && answer.header("X-Correlation-Id").isEmpty()) {
                return; // Jetty refused the header line itself (a control character): nothing reached our filter
            }
            String echoed = answer.header("X-Correlation-Id").orElseThrow();
            String stripped = sent.id().strip();
            if (SANE_ID.matcher(stripped).matches()) {
                assertThat(echoed).as(answer.describe()).isEqualTo(stripped);
            } else {
                assertThat(echoed).as(answer.describe()).matches(UUID_FORMAT);
            }
        });
    }

    /** One extra header on a request to the target. */
    record ExtraHeader(Target target, String name, String value) {}

    @Test
    void anyHeaderValueGetsA4xxOrTwiml() {
        Gen<Target> targets = Gen.of(Target.class);
        Gen<String> names = headerNames();
        Gen<String> values = headerValues();
        Gen<ExtraHeader> headers =
                random -> new ExtraHeader(targets.next(random), names.next(random), values.next(random));
        Property.tries(200).forAll(headers, (extra, tally) -> {
            RawHttp.Request request = request(extra.target(), Map.of(extra.name(), extra.value()));
            RawHttp.Answer answer = service.send(request);
            answeredWithoutA5xx(extra.target(), request, answer);
            tally.collect("status", answer.status());
            assertThat(answer.headers()).as(answer.describe()).doesNotContainKey("x-injected");
        });
    }

    @Test
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

    @Test
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

    @Test
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

    @Test
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
    private static Gen<String> correlationIds() {
        Gen<String> sane = Gen.strings(Gen.charsOf("ABCXYZabcxyz0189._:@/+=-"), 1, 128);
        return Gen.frequency(
                weight(3, sane),
                weight(1, sane.map(s -> "  " + s + " ")),
                weight(1, Gen.strings(Gen.charsOf("abc0189-"), 129, 7_000)),
                weight(2, Gen.strings(Gen.chars(' ', '~'), 0, 200)),
                weight(1, Gen.strings(Gen.chars('\u0080', '\u00ff'), 1, 40)),
                weight(1, Gen.strings(Gen.chars('\u0000', '\u001f'), 1, 5)),
                weight(1, Gen.of("", " ", "\t", "req-1\u0000", "<script>", "id; drop", "%0d%0a", "a,b")));
    }

    private static Gen<String> headerNames() {
        return Gen.of(
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
    private static Gen<String> headerValues() {
        return Gen.frequency(
                weight(2, Gen.strings(Gen.chars(' ', '~'), 0, 300)),
                weight(1, Gen.strings(Gen.chars(' ', '~'), 5_000, 7_500)),
                weight(1, Gen.strings(Gen.chars('\u0000', '\u00ff'), 0, 100)),
                weight(
                        2,
                        Gen.of(
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
