package com.callbackcloser.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.hostile.Forms.Param;
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

    @BeforeContainer
    static void start() {
        service = HostileService.start();
        sentinel = Sentinel.plant(service.service);
        target = TestBusinesses.create(
                service.service.transactions(),
                SubscriptionStatus.ACTIVE,
                TestBusinesses.nextTwilioNumber(),
                "+14155550177");
    }

    @AfterContainer
    static void stop() {
        service.stop();
    }

    @AfterProperty
    void healthyAndTheSentinelUntouched() {
        service.assertHealthy();
        sentinel.assertUnchanged();
    }

    /** A webhook post: where it goes (the query only matters to message-status) and its parameters. */
    record Post(String path, String query, List<Param> form) {}

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void signedRandomFormsGetA4xxOrTwiml(@ForAll("posts") Post post) {
        RawHttp.Request request =
                signed(post.path() + post.query(), Forms.encode(post.form()), Forms.firstValues(post.form()));
        RawHttp.Answer answer = service.send(request);
        Verdicts.twimlOr4xx(request, answer);
        Statistics.label("status").collect(post.path(), answer.status());
        // A good share must get through to the resources and the database, or the property proves little.
        Statistics.label("answered with TwiML")
                .collect(answer.status() == 200)
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 20));
    }

    @Property(tries = 300)
    void malformedBodiesGetA4xxOrTwiml(@ForAll("paths") String path, @ForAll("malformedBodies") byte[] body) {
        // Signed over what a strict reader makes of it, when anything: then it is the parser that must refuse.
        RawHttp.Request request = signed(path, body, Forms.parse(body).orElse(Map.of()));
        RawHttp.Answer answer = service.send(request);
        Verdicts.twimlOr4xx(request, answer);
        Statistics.label("status").collect(answer.status());
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void anyContentTypeGetsA4xxOrTwiml(
            @ForAll("posts") Post post, @ForAll("contentTypes") Optional<String> contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        contentType.ifPresent(type -> headers.put("Content-Type", type));
        headers.put("X-Twilio-Signature", signature(post.path(), Forms.firstValues(post.form())));
        RawHttp.Request request = RawHttp.Request.post(post.path(), headers, Forms.encode(post.form()));
        RawHttp.Answer answer = service.send(request);
        Verdicts.twimlOr4xx(request, answer);
        Statistics.label("status").collect(answer.status());
        if (contentType.isEmpty()) {
            assertThat(answer.status()).as(answer.describe()).isEqualTo(415);
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void unsignedOrWronglySignedFormsAreRefused(
            @ForAll("posts") Post post, @ForAll("signatures") Optional<String> signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        signature.ifPresent(s -> headers.put("X-Twilio-Signature", s));
        RawHttp.Request request = RawHttp.Request.post(post.path(), headers, Forms.encode(post.form()));
        long rowsBefore = storedRows();
        RawHttp.Answer answer = service.send(request);
        Verdicts.twimlOr4xx(request, answer);
        assertThat(answer.status()).as(answer.describe()).isBetween(400, 499);
        assertThat(storedRows()).as("calls and messages stored").isEqualTo(rowsBefore);
    }

    private static long storedRows() {
        return service.service
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM calls) + (SELECT count(*) FROM messages)")
                        .mapTo(Long.class)
                        .one());
    }

    @Example
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

    @Example
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

    @Example
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

    @Example
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

    @Example
    void aTwoMegabyteBodyOfRandomBytesIsRefusedWith413() {
        byte[] body = new byte[2 * 1024 * 1024];
        new java.util.Random(42).nextBytes(body);
        for (String path : PATHS) {
            RawHttp.Request request = signed(path, body, Map.of());
            RawHttp.Answer answer = service.send(request);
            assertThat(answer.status()).as(answer.describe()).isEqualTo(413);
        }
    }

    @Example
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

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    /** Only the message-status callback reads its query; the others must not care. */
    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.create(() -> "?messageId=" + UUID.randomUUID())),
                Tuple.of(
                        2,
                        HostileText.strings().map(s -> "?messageId=" + URLEncoder.encode(s, StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.of("?messageId=%zz", "?messageId=%", "?%ff=%fe", "?a&&&=&b", "?messageId=%00")),
                Tuple.of(1, HostileText.strings().map(s -> "?" + URLEncoder.encode(s, StandardCharsets.UTF_8))));
    }

    @Provide
    Arbitrary<Post> posts() {
        return Arbitraries.of(PATHS)
                .flatMap(path ->
                        Combinators.combine(queries(), forms(path)).as((query, form) -> new Post(path, query, form)));
    }

    /**
     * A form as Twilio might send it, or not: Twilio's parameter names with plausible and hostile values, random
     * names, repeats, empty names, in any order; mostly around a complete request aimed at a real business, so
     * the whole path runs down to the database.
     */
    private Arbitrary<List<Param>> forms(String path) {
        Arbitrary<Param> known = Arbitraries.of(
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
        Arbitrary<Param> anything = Combinators.combine(HostileText.strings(), HostileText.strings())
                .as(Param::new);
        Arbitrary<Param> odd = Arbitraries.of(
                new Param("", "no name"),
                new Param("", ""),
                new Param("To", ""),
                new Param("CallSid", " "),
                new Param("\u0000", "\u0000"),
                new Param("Body", "\u0000"));
        return Combinators.combine(
                        Arbitraries.create(() -> realistic(path)),
                        Arbitraries.frequencyOf(Tuple.of(6, known), Tuple.of(2, anything), Tuple.of(1, odd))
                                .list()
                                .ofMaxSize(12),
                        Arbitraries.integers().between(0, 5))
                .as((base, extra, mode) -> {
                    List<Param> form = new ArrayList<>();
                    switch (mode) {
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
                });
    }

    private Arbitrary<String> valueFor(String name) {
        Arbitrary<String> hostile = HostileText.strings();
        return switch (name) {
            case "To" ->
                Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.just(target.twilioNumber())),
                        Tuple.of(1, Arbitraries.just(target.twilioNumber().substring(2))),
                        Tuple.of(2, hostile));
            case "From" ->
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(0, 9999).map(n -> String.format("+1415555%04d", n))),
                        Tuple.of(1, Arbitraries.of("anonymous", "+266696687", "+1", "+", "", "client:bob", "sip:a@b")),
                        Tuple.of(1, HostileText.incompressible(3_000, 9_000)),
                        Tuple.of(2, hostile));
            case "AccountSid" ->
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(TwilioFake.ACCOUNT_SID)),
                        Tuple.of(1, HostileText.incompressible(3_000, 9_000)),
                        Tuple.of(1, hostile));
            case "CallSid", "ParentCallSid", "DialCallSid" -> sid("CA", hostile);
            case "MessageSid", "SmsSid", "SmsMessageSid" -> sid("SM", hostile);
            case "RecordingSid" -> sid("RE", hostile);
            case "DialCallStatus", "CallStatus" ->
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of("no-answer", "busy", "failed", "canceled", "completed", "answered")),
                        Tuple.of(1, Arbitraries.of("NO-ANSWER", " busy ", "in-progress", "ringing", "queued")),
                        Tuple.of(1, hostile));
            case "MessageStatus", "SmsStatus" ->
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of("queued", "sending", "sent", "delivered", "undelivered", "failed")),
                        Tuple.of(1, Arbitraries.of("read", "received", "accepted", "canceled", "DELIVERED")),
                        Tuple.of(1, hostile));
            case "DialCallDuration", "CallDuration", "RecordingDuration", "ErrorCode", "NumMedia" ->
                Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
                        Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                        Tuple.of(1, Arbitraries.of("", " 7 ", "1e3", "0x1f", "-0", "+5", "١٢", "30021")),
                        Tuple.of(1, hostile));
            case "RecordingUrl" ->
                Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(TwilioFake.recordingUrl("RE" + "0".repeat(32)))),
                        Tuple.of(1, Arbitraries.of("javascript:alert(1)", "file:///etc/passwd", "http://[::1", "")),
                        Tuple.of(2, hostile));
            case "Digits" ->
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of("1", "2", "0", "#", "*", "")),
                        Tuple.of(1, Arbitraries.of("11", " 1 ", "１", "1#")),
                        Tuple.of(1, hostile));
            case "RecordingStatus" ->
                Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.of("completed", "absent", "failed")), Tuple.of(1, hostile));
            default -> hostile;
        };
    }

    private static Arbitrary<String> sid(String prefix, Arbitrary<String> hostile) {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.create(
                                () -> prefix + UUID.randomUUID().toString().replace("-", ""))),
                Tuple.of(1, HostileText.incompressible(3_000, 9_000)),
                Tuple.of(2, hostile));
    }

    /**
     * Bodies that are not (quite) forms: bad and truncated escapes, bytes that are not UTF-8 (overlong, surrogates,
     * truncated sequences, raw high bytes), raw control bytes, stray separators, random bytes, spliced together.
     */
    @Provide
    Arbitrary<byte[]> malformedBodies() {
        Arbitrary<String> fragments = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.create(() ->
                                "CallSid=CA" + UUID.randomUUID().toString().replace("-", ""))),
                Tuple.of(2, Arbitraries.just("To=" + URLEncoder.encode(target.twilioNumber(), StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.of("From=%2B14155550123", "MessageSid=SM1", "Body=hi", "DialCallStatus=busy")),
                Tuple.of(
                        2,
                        Arbitraries.of(
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
                Tuple.of(2, Arbitraries.strings().ascii().ofMaxLength(20)),
                Tuple.of(
                        1,
                        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20)));
        Arbitrary<byte[]> spliced = fragments.list().ofMinSize(1).ofMaxSize(8).map(parts -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(part -> out.writeBytes(part.getBytes(StandardCharsets.ISO_8859_1)));
            return out.toByteArray();
        });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        return Arbitraries.frequencyOf(Tuple.of(4, spliced), Tuple.of(1, random));
    }

    @Provide
    Arbitrary<Optional<String>> contentTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(
                        6,
                        Arbitraries.of(
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
                Tuple.of(2, HostileText.strings().map(RawHttp::printable).map(Optional::of)));
    }

    @Provide
    Arbitrary<Optional<String>> signatures() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(
                        2,
                        Arbitraries.bytes()
                                .array(byte[].class)
                                .ofSize(20)
                                .map(bytes -> Optional.of(
                                        java.util.Base64.getEncoder().encodeToString(bytes)))),
                Tuple.of(
                        1,
                        Arbitraries.of("", " ", "=", "null", "AAAA", "x".repeat(7_000))
                                .map(Optional::of)),
                Tuple.of(1, HostileText.strings().map(RawHttp::printable).map(s -> Optional.of(s.strip()))));
    }

    /** A complete, plausible request for the path, aimed at the target business. */
    static List<Param> realistic(String path) {
        String sid = UUID.randomUUID().toString().replace("-", "");
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
                form.add(new Param(
                        "ParentCallSid", "CA" + UUID.randomUUID().toString().replace("-", "")));
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
