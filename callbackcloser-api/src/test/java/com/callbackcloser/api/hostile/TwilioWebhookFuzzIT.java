package com.callbackcloser.api.hostile;

import static com.callbackcloser.api.testing.Gen.weight;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.hostile.Forms.Param;
import com.callbackcloser.api.testing.Gen;
import com.callbackcloser.api.testing.Property;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.testing.TwilioSignature;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Twilio webhooks under random and malformed form bodies. Whatever arrives, the answer is a 4xx or a
 * 200 with well-formed TwiML; never a 500, and never a 503 (which asks Twilio to retry a request that can never
 * succeed). Every body that still parses as a form is signed, so it gets past authentication and reaches the
 * resources and the database; afterwards the service is healthy and a business nobody aimed at is unchanged.
 */
class TwilioWebhookFuzzIT {
    static final List<String> PATHS = List.of(
            "/api/twilio/voice",
            "/api/twilio/screen",
            "/api/twilio/screen-result",
            "/api/twilio/status",
            "/api/twilio/sms",
            "/api/twilio/message-status");
    /** The parameters that become database keys. */
    private static final List<String> IDENTIFIERS = List.of(
            "AccountSid",
            "CallSid",
            "ParentCallSid",
            "DialCallSid",
            "MessageSid",
            "SmsSid",
            "SmsMessageSid",
            "RecordingSid",
            "From",
            "To");

    private static HostileService service;
    private static Business target;
    private static Sentinel sentinel;

    @BeforeAll
    static void start() {
        service = HostileService.start();
        sentinel = Sentinel.plant(service.service);
        target = TestBusinesses.create(
                service.service.transactions(),
                SubscriptionStatus.ACTIVE,
                TestBusinesses.nextTwilioNumber(),
                "+14155550177");
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @AfterEach
    void healthyAndTheSentinelUntouched() {
        service.assertHealthy();
        sentinel.assertUnchanged();
    }

    /** A webhook post: where it goes (the query only matters to message-status) and its parameters. */
    record Post(String path, String query, List<Param> form) {}

    @Test
    void signedRandomFormsGetA4xxOrTwiml() {
        // A good share must get through to the resources and the database, or the property proves little.
        Property.tries(400).requireCoverage("answered with TwiML", 20).forAll(posts(), (post, tally) -> {
            RawHttp.Request request =
                    signed(post.path() + post.query(), Forms.encode(post.form()), Forms.firstValues(post.form()));
            RawHttp.Answer answer = service.send(request);
            Verdicts.twimlOr4xx(request, answer);
            tally.collect("status", post.path(), answer.status());
            tally.count("answered with TwiML", answer.status() == 200);
        });
    }

    /** A body that is not (quite) a form, and where it goes. */
    @SuppressWarnings("ArrayRecordComponent") // never compared: the bytes are what is sent
    record MalformedPost(String path, byte[] body) {
        @Override
        public String toString() {
            return path + " " + RawHttp.printable(new String(body, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void malformedBodiesGetA4xxOrTwiml() {
        Gen<String> paths = Gen.of(PATHS);
        Gen<byte[]> bodies = malformedBodies();
        Property.tries(300)
                .forAll(random -> new MalformedPost(paths.next(random), bodies.next(random)), (post, tally) -> {
                    // Signed over what a strict reader makes of it, when anything: then it is the parser that must
                    // refuse.
                    RawHttp.Request request = signed(
                            post.path(), post.body(), Forms.parse(post.body()).orElse(Map.of()));
                    RawHttp.Answer answer = service.send(request);
                    Verdicts.twimlOr4xx(request, answer);
                    tally.collect("status", answer.status());
                });
    }

    /** A post with a Content-Type of any kind, or none. */
    record TypedPost(Post post, Optional<String> contentType) {}

    @Test
    void anyContentTypeGetsA4xxOrTwiml() {
        Gen<Post> posts = posts();
        Gen<Optional<String>> contentTypes = contentTypes();
        Property.tries(150)
                .forAll(random -> new TypedPost(posts.next(random), contentTypes.next(random)), (typed, tally) -> {
                    Post post = typed.post();
                    Map<String, String> headers = new LinkedHashMap<>();
                    typed.contentType().ifPresent(type -> headers.put("Content-Type", type));
                    headers.put("X-Twilio-Signature", signature(post.path(), Forms.firstValues(post.form())));
                    RawHttp.Request request = RawHttp.Request.post(post.path(), headers, Forms.encode(post.form()));
                    RawHttp.Answer answer = service.send(request);
                    Verdicts.twimlOr4xx(request, answer);
                    tally.collect("status", answer.status());
                    if (typed.contentType().isEmpty()) {
                        assertThat(answer.status()).as(answer.describe()).isEqualTo(415);
                    }
                });
    }

    /** A post with no signature or a wrong one. */
    record UnsignedPost(Post post, Optional<String> signature) {}

    @Test
    void unsignedOrWronglySignedFormsAreRefused() {
        Gen<Post> posts = posts();
        Gen<Optional<String>> signatures = signatures();
        Property.tries(100)
                .forAll(random -> new UnsignedPost(posts.next(random), signatures.next(random)), unsigned -> {
                    Post post = unsigned.post();
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("Content-Type", "application/x-www-form-urlencoded");
                    unsigned.signature().ifPresent(s -> headers.put("X-Twilio-Signature", s));
                    RawHttp.Request request = RawHttp.Request.post(post.path(), headers, Forms.encode(post.form()));
                    long rowsBefore = storedRows();
                    RawHttp.Answer answer = service.send(request);
                    Verdicts.twimlOr4xx(request, answer);
                    assertThat(answer.status()).as(answer.describe()).isBetween(400, 499);
                    assertThat(storedRows()).as("calls and messages stored").isEqualTo(rowsBefore);
                });
    }

    private static long storedRows() {
        return service.service
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM calls) + (SELECT count(*) FROM messages)")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void tenThousandParametersAreReadAndAnswered() {
        for (String path : PATHS) {
            List<Param> form = realistic(path);
            for (int i = 0; i < 10_000; i++) {
                form.add(new Param(Integer.toString(i, 36), i % 3 == 0 ? "" : "v"));
            }
            byte[] body = Forms.encode(form);
            assertThat(body.length).isLessThan(64 * 1024);
            RawHttp.Request request = signed(path, body, Forms.firstValues(form));
            RawHttp.Answer answer = service.send(request);
            Verdicts.twimlOr4xx(request, answer);
            assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
        }
    }

    @Test
    void tenThousandRepeatsOfOneNameKeepTheFirst() {
        List<Param> form = realistic("/api/twilio/status");
        for (int i = 0; i < 10_000; i++) {
            form.add(new Param("To", i % 100 == 0 ? "+19995550100" : ""));
        }
        RawHttp.Request request = signed("/api/twilio/status", Forms.encode(form), Forms.firstValues(form));
        RawHttp.Answer answer = service.send(request);
        Verdicts.twimlOr4xx(request, answer);
        assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
    }

    @Test
    void tenThousandLongerParametersAreOverTheCap() {
        for (String path : PATHS) {
            List<Param> form = realistic(path);
            for (int i = 0; i < 10_000; i++) {
                form.add(new Param("Param" + i, "value" + i));
            }
            RawHttp.Request request = signed(path, Forms.encode(form), Forms.firstValues(form));
            RawHttp.Answer answer = service.send(request);
            assertThat(answer.status()).as(answer.describe()).isEqualTo(413);
            Verdicts.jsonError(request, answer);
        }
    }

    @Test
    void aTwoMegabyteBodyIsRefusedWith413() {
        for (String path : PATHS) {
            List<Param> form = realistic(path);
            form.add(new Param("Body", "x".repeat(2 * 1024 * 1024)));
            RawHttp.Request request = signed(path, Forms.encode(form), Forms.firstValues(form));
            RawHttp.Answer answer = service.send(request);
            assertThat(answer.status()).as(answer.describe()).isEqualTo(413);
            Verdicts.jsonError(request, answer);
        }
    }

    @Test
    void aTwoMegabyteBodyOfRandomBytesIsRefusedWith413() {
        byte[] body = new byte[2 * 1024 * 1024];
        new java.util.Random(42).nextBytes(body);
        for (String path : PATHS) {
            RawHttp.Request request = signed(path, body, Map.of());
            RawHttp.Answer answer = service.send(request);
            assertThat(answer.status()).as(answer.describe()).isEqualTo(413);
        }
    }

    @Test
    void identifiersTooLongForAnIndexAreRefused() {
        String huge = new java.util.Random(7)
                .ints(9_000, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        for (String path : PATHS) {
            for (String name : IDENTIFIERS) {
                List<Param> form = realistic(path);
                form.removeIf(p -> p.name().equals(name));
                form.add(0, new Param(name, huge));
                RawHttp.Request request = signed(path, Forms.encode(form), Forms.firstValues(form));
                RawHttp.Answer answer = service.send(request);
                assertThat(answer.status()).as(answer.describe()).isEqualTo(400);
                assertThat(Verdicts.jsonError(request, answer).path("message").asText())
                        .isEqualTo(name + " is longer than 256 characters");
            }
        }
    }

    /** Only the message-status callback reads its query; the others must not care. */
    private static Gen<String> queries() {
        return Gen.frequency(
                weight(4, Gen.constant("")),
                weight(2, Gen.uuids().map(id -> "?messageId=" + id)),
                weight(2, HostileText.strings().map(s -> "?messageId=" + URLEncoder.encode(s, StandardCharsets.UTF_8))),
                weight(1, Gen.of("?messageId=%zz", "?messageId=%", "?%ff=%fe", "?a&&&=&b", "?messageId=%00")),
                weight(1, HostileText.strings().map(s -> "?" + URLEncoder.encode(s, StandardCharsets.UTF_8))));
    }

    private static Gen<Post> posts() {
        Gen<String> queries = queries();
        return Gen.of(PATHS).flatMap(path -> {
            Gen<List<Param>> forms = forms(path);
            return random -> new Post(path, queries.next(random), forms.next(random));
        });
    }

    /**
     * A form as Twilio might send it, or not: Twilio's parameter names with plausible and hostile values, random
     * names, repeats, empty names, in any order; mostly around a complete request aimed at a real business, so
     * the whole path runs down to the database.
     */
    private static Gen<List<Param>> forms(String path) {
        Gen<Param> known = Gen.of(
                        "AccountSid",
                        "CallSid",
                        "ParentCallSid",
                        "DialCallSid",
                        "From",
                        "To",
                        "Body",
                        "MessageSid",
                        "SmsSid",
                        "SmsMessageSid",
                        "DialCallStatus",
                        "CallStatus",
                        "DialCallDuration",
                        "CallDuration",
                        "RecordingSid",
                        "RecordingUrl",
                        "RecordingStatus",
                        "RecordingDuration",
                        "MessageStatus",
                        "SmsStatus",
                        "ErrorCode",
                        "NumMedia",
                        "CallerName",
                        "Digits")
                .flatMap(name -> valueFor(name).map(value -> new Param(name, value)));
        Gen<String> hostile = HostileText.strings();
        Gen<Param> anything = random -> new Param(hostile.next(random), hostile.next(random));
        Gen<Param> odd = Gen.of(
                new Param("", "no name"),
                new Param("", ""),
                new Param("To", ""),
                new Param("CallSid", " "),
                new Param("\u0000", "\u0000"),
                new Param("Body", "\u0000"));
        Gen<List<Param>> extras = Gen.frequency(weight(6, known), weight(2, anything), weight(1, odd))
                .list(0, 12);
        return random -> {
            List<Param> base = realistic(path, random);
            List<Param> extra = extras.next(random);
            List<Param> form = new ArrayList<>();
            switch (random.nextInt(6)) {
                case 0 -> form.addAll(extra);
                case 1 -> {
                    form.addAll(extra);
                    form.addAll(base);
                }
                default -> {
                    form.addAll(base);
                    form.addAll(extra);
                }
            }
            return form;
        };
    }

    private static Gen<String> valueFor(String name) {
        Gen<String> hostile = HostileText.strings();
        return switch (name) {
            case "To" ->
                Gen.frequency(
                        weight(4, Gen.constant(target.twilioNumber())),
                        weight(1, Gen.constant(target.twilioNumber().substring(2))),
                        weight(2, hostile));
            case "From" ->
                Gen.frequency(
                        weight(3, Gen.ints(0, 9999).map(n -> String.format("+1415555%04d", n))),
                        weight(1, Gen.of("anonymous", "+266696687", "+1", "+", "", "client:bob", "sip:a@b")),
                        weight(1, HostileText.incompressible(3_000, 9_000)),
                        weight(2, hostile));
            case "AccountSid" ->
                Gen.frequency(
                        weight(3, Gen.constant(TwilioFake.ACCOUNT_SID)),
                        weight(1, HostileText.incompressible(3_000, 9_000)),
                        weight(1, hostile));
            case "CallSid", "ParentCallSid", "DialCallSid" -> sid("CA", hostile);
            case "MessageSid", "SmsSid", "SmsMessageSid" -> sid("SM", hostile);
            case "RecordingSid" -> sid("RE", hostile);
            case "DialCallStatus", "CallStatus" ->
                Gen.frequency(
                        weight(3, Gen.of("no-answer", "busy", "failed", "canceled", "completed", "answered")),
                        weight(1, Gen.of("NO-ANSWER", " busy ", "in-progress", "ringing", "queued")),
                        weight(1, hostile));
            case "MessageStatus", "SmsStatus" ->
                Gen.frequency(
                        weight(3, Gen.of("queued", "sending", "sent", "delivered", "undelivered", "failed")),
                        weight(1, Gen.of("read", "received", "accepted", "canceled", "DELIVERED")),
                        weight(1, hostile));
            case "DialCallDuration", "CallDuration", "RecordingDuration", "ErrorCode", "NumMedia" ->
                Gen.frequency(
                        weight(2, Gen.ints().map(String::valueOf)),
                        weight(1, Gen.longs().map(String::valueOf)),
                        weight(1, Gen.of("", " 7 ", "1e3", "0x1f", "-0", "+5", "١٢", "30021")),
                        weight(1, hostile));
            case "RecordingUrl" ->
                Gen.frequency(
                        weight(1, Gen.constant(TwilioFake.recordingUrl("RE" + "0".repeat(32)))),
                        weight(1, Gen.of("javascript:alert(1)", "file:///etc/passwd", "http://[::1", "")),
                        weight(2, hostile));
            case "Digits" ->
                Gen.frequency(
                        weight(3, Gen.of("1", "2", "0", "#", "*", "")),
                        weight(1, Gen.of("11", " 1 ", "１", "1#")),
                        weight(1, hostile));
            case "RecordingStatus" ->
                Gen.frequency(weight(1, Gen.of("completed", "absent", "failed")), weight(1, hostile));
            default -> hostile;
        };
    }

    private static Gen<String> sid(String prefix, Gen<String> hostile) {
        return Gen.frequency(
                weight(4, Gen.uuids().map(u -> prefix + u.toString().replace("-", ""))),
                weight(1, HostileText.incompressible(3_000, 9_000)),
                weight(2, hostile));
    }

    /**
     * Bodies that are not (quite) forms: bad and truncated escapes, bytes that are not UTF-8 (overlong, surrogates,
     * truncated sequences, raw high bytes), raw control bytes, stray separators, random bytes, spliced together.
     */
    private static Gen<byte[]> malformedBodies() {
        Gen<String> fragments = Gen.frequency(
                weight(3, Gen.uuids().map(id -> "CallSid=CA" + id.toString().replace("-", ""))),
                weight(2, Gen.constant("To=" + URLEncoder.encode(target.twilioNumber(), StandardCharsets.UTF_8))),
                weight(1, Gen.of("From=%2B14155550123", "MessageSid=SM1", "Body=hi", "DialCallStatus=busy")),
                weight(
                        2,
                        Gen.of(
                                "%",
                                "%z",
                                "%zz",
                                "%G0",
                                "%0",
                                "%%",
                                "%u0041",
                                "%E2%82",
                                "%FF",
                                "%C0%AF",
                                "%ED%A0%80",
                                "%F4%90%80%80",
                                "%F0%9F%98",
                                "%80",
                                "%C3%28",
                                "%00",
                                "%0A",
                                "%7F",
                                "+",
                                "=",
                                "==",
                                "&",
                                "&&",
                                "=&=",
                                "a=b=c",
                                ";",
                                "%EF%BB%BF")),
                weight(2, Gen.strings(Gen.chars('\u0000', '\u007f'), 0, 20)),
                weight(1, Gen.strings(Gen.chars('\u0000', '\u00ff'), 0, 20)));
        Gen<byte[]> spliced = fragments.list(1, 8).map(parts -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(part -> out.writeBytes(part.getBytes(StandardCharsets.ISO_8859_1)));
            return out.toByteArray();
        });
        Gen<byte[]> random = Gen.bytes(0, 2_000);
        return Gen.frequency(weight(4, spliced), weight(1, random));
    }

    private static Gen<Optional<String>> contentTypes() {
        return Gen.frequency(
                weight(1, Gen.constant(Optional.<String>empty())),
                weight(
                        6,
                        Gen.of(
                                        "application/x-www-form-urlencoded",
                                        "application/x-www-form-urlencoded; charset=ISO-8859-1",
                                        "application/x-www-form-urlencoded; charset=nonsense",
                                        "application/x-www-form-urlencoded; charset=",
                                        "application/x-www-form-urlencoded;;;",
                                        "APPLICATION/X-WWW-FORM-URLENCODED",
                                        "application/json",
                                        "text/plain",
                                        "text/xml",
                                        "multipart/form-data",
                                        "multipart/form-data; boundary=",
                                        "*/*",
                                        "application/*",
                                        "",
                                        ";",
                                        "/",
                                        "application/",
                                        "x-www-form-urlencoded",
                                        "application/x-www-form-urlencoded; q=\"unterminated",
                                        "application/x-www-form-urlencoded, text/plain")
                                .map(Optional::of)),
                weight(2, HostileText.strings().map(RawHttp::printable).map(Optional::of)));
    }

    private static Gen<Optional<String>> signatures() {
        return Gen.frequency(
                weight(1, Gen.constant(Optional.<String>empty())),
                weight(
                        2,
                        Gen.bytes(20, 20)
                                .map(bytes -> Optional.of(
                                        java.util.Base64.getEncoder().encodeToString(bytes)))),
                weight(
                        1,
                        Gen.of("", " ", "=", "null", "AAAA", "x".repeat(7_000)).map(Optional::of)),
                weight(1, HostileText.strings().map(RawHttp::printable).map(s -> Optional.of(s.strip()))));
    }

    /** A complete, plausible request for the path, aimed at the target business. */
    static List<Param> realistic(String path) {
        return realistic(path, new SplittableRandom());
    }

    /** The same, its ids drawn from the random source given. */
    static List<Param> realistic(String path, RandomGenerator random) {
        Gen<String> sids = Gen.uuids().map(id -> id.toString().replace("-", ""));
        String sid = sids.next(random);
        List<Param> form = new ArrayList<>();
        form.add(new Param("AccountSid", TwilioFake.ACCOUNT_SID));
        switch (path) {
            case "/api/twilio/voice" -> {
                form.add(new Param("CallSid", "CA" + sid));
                form.add(new Param("From", "+14155550123"));
                form.add(new Param("To", target.twilioNumber()));
                form.add(new Param("CallStatus", "ringing"));
            }
            case "/api/twilio/screen", "/api/twilio/screen-result" -> {
                // The forwarded leg, child of a call that may or may not exist.
                form.add(new Param("CallSid", "CA" + sid));
                form.add(new Param("ParentCallSid", "CA" + sids.next(random)));
                form.add(new Param("Direction", "outbound-dial"));
                form.add(new Param("From", target.twilioNumber()));
                form.add(new Param("To", "+14155550199"));
                form.add(new Param("Digits", "1"));
            }
            case "/api/twilio/status" -> {
                form.add(new Param("CallSid", "CA" + sid));
                form.add(new Param("From", "+14155550123"));
                form.add(new Param("To", target.twilioNumber()));
                form.add(new Param("DialCallStatus", "no-answer"));
            }
            case "/api/twilio/sms" -> {
                form.add(new Param("MessageSid", "SM" + sid));
                form.add(new Param("From", "+14155550123"));
                form.add(new Param("To", target.twilioNumber()));
                form.add(new Param("Body", "hello"));
            }
            default -> {
                form.add(new Param("MessageSid", "SM" + sid));
                form.add(new Param("MessageStatus", "delivered"));
            }
        }
        return form;
    }

    private static RawHttp.Request signed(String pathAndQuery, byte[] body, Map<String, String> signedParams) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        headers.put("X-Twilio-Signature", signature(pathAndQuery, signedParams));
        return RawHttp.Request.post(pathAndQuery, headers, body);
    }

    static String signature(String pathAndQuery, Map<String, String> params) {
        return TwilioSignature.sign(TwilioFake.AUTH_TOKEN, ServiceUnderTest.PUBLIC_URL + pathAndQuery, params);
    }
}
