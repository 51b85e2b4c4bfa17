package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.encode;
import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Concurrently;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.testing.TwilioSignature;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.CallRecord;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Call screening end to end, with every request shaped and signed as Twilio sends it: the voice webhook (on the
 * caller's call), the whisper and its key press (on the forwarded leg, naming the caller's call as ParentCallSid),
 * and the Dial's result (on the caller's call again, with the forwarded leg as DialCallSid).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CallScreeningIT {
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures();

    private static final Duration OUTBOX = Duration.ofSeconds(10);
    private static final String CALLER = "+14155550123";
    private static final String OWNER = "+14155550199";
    /** Twilio's connection overrides, on every URL we hand it. */
    private static final String OVERRIDES = "#rc=3&rp=5xx,ct,rt&ct=2000&rt=7000&tt=15000";

    private static final String SCREEN_URL = ServiceUnderTest.PUBLIC_URL + "/api/twilio/screen" + OVERRIDES;
    private static final String SCREEN_RESULT_URL =
            ServiceUnderTest.PUBLIC_URL + "/api/twilio/screen-result" + OVERRIDES;
    private static final String STATUS_URL = ServiceUnderTest.PUBLIC_URL + "/api/twilio/status" + OVERRIDES;

    @SuppressWarnings("unused") // picked up by DropwizardExtensionsSupport
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private Business business;
    /** The caller's call: what the voice webhook and the Dial's result carry as CallSid. */
    private String parentSid;
    /** The forwarded leg the Dial creates: CallSid of the whisper and its key press, DialCallSid of the result. */
    private String legSid;

    @BeforeEach
    void aScreeningBusinessAndACallRingingIt() {
        SERVICE.twilio.reset();
        SERVICE.twilio.acceptMessages();
        business = TestBusinesses.createWithCallScreening(SERVICE.transactions());
        parentSid = newSid();
        legSid = newSid();
    }

    @Test
    void withScreeningOnTheDialedNumberRunsTheWhisperFirst() throws Exception {
        HttpResponse<String> voice = postVoice();

        assertThat(voice.statusCode()).isEqualTo(200);
        Element dial = onlyChild(xml(voice.body()), "Dial");
        assertThat(Map.of(
                        "timeout", dial.getAttribute("timeout"),
                        "action", dial.getAttribute("action"),
                        "callerId", dial.getAttribute("callerId"),
                        "record", dial.getAttribute("record")))
                .isEqualTo(Map.of(
                        "timeout",
                        "20",
                        "action",
                        STATUS_URL,
                        "callerId",
                        business.twilioNumber(),
                        "record",
                        "record-from-answer-dual"));
        Element number = onlyChild(dial, "Number");
        assertThat(number.getTextContent()).isEqualTo(OWNER);
        assertThat(number.getAttribute("url")).isEqualTo(SCREEN_URL);
        assertThat(number.getAttribute("method")).isEqualTo("POST");
        assertThat(number.getAttributes().getLength()).isEqualTo(2);
        assertThat(call()).containsEntry("screened", true).containsEntry("status", "RECEIVED");
    }

    @Test
    void withScreeningOffTheDialIsAsBeforeAndACompletedDialIsAnswered() throws Exception {
        business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        HttpResponse<String> voice = postVoice();

        Element number = onlyChild(onlyChild(xml(voice.body()), "Dial"), "Number");
        assertThat(number.getTextContent()).isEqualTo(OWNER);
        assertThat(number.getAttributes().getLength()).isZero();
        assertThat(call()).containsEntry("screened", false);

        assertThat(decision(postDialResult("completed"))).isEqualTo("answered");
        assertThat(leadCount()).isZero();
        assertThat(messageCount()).isZero();
    }

    @Test
    void theWhisperAsksForTheKeyAndHangsUpWithoutIt() throws Exception {
        postVoice();
        HttpResponse<String> whisper = postWhisper();

        assertThat(whisper.statusCode()).isEqualTo(200);
        assertThat(decision(whisper)).isEqualTo("whisper");
        Element response = xml(whisper.body());
        List<Element> verbs = children(response);
        assertThat(verbs).extracting(Element::getTagName).containsExactly("Gather", "Hangup");
        Element gather = verbs.get(0);
        assertThat(Map.of(
                        "numDigits", gather.getAttribute("numDigits"),
                        "timeout", gather.getAttribute("timeout"),
                        "action", gather.getAttribute("action"),
                        "method", gather.getAttribute("method")))
                .isEqualTo(Map.of("numDigits", "1", "timeout", "5", "action", SCREEN_RESULT_URL, "method", "POST"));
        assertThat(onlyChild(gather, "Say").getTextContent())
                .isEqualTo("Call for Acme Plumbing. Press 1 to take this call.");
        assertThat(children(verbs.get(1))).isEmpty();
    }

    @Test
    void keyPressedThenACompletedDialIsAnsweredAndNobodyIsTexted() throws Exception {
        postVoice();
        postWhisper();
        HttpResponse<String> pressed = postKeyPress("1");

        assertThat(pressed.statusCode()).isEqualTo(200);
        assertThat(decision(pressed)).isEqualTo("accepted");
        assertThat(children(xml(pressed.body())))
                .as("empty: the leg is connected")
                .isEmpty();
        assertThat(call().get("screen_key_pressed_at")).isNotNull();

        HttpResponse<String> result = postDialResult("completed");
        assertThat(decision(result)).isEqualTo("answered");
        assertThat(call())
                .containsEntry("status", "ANSWERED")
                .containsEntry("answered", true)
                .containsEntry("missed", false);
        assertThat(leadCount()).isZero();
        // A text would have been queued in the transaction that answered: no row now means none will ever go.
        assertThat(messageCount()).isZero();
        assertThat(SERVICE.twilio.createRequests()).isZero();
    }

    @Test
    void voicemailPickingUpIsAMissedCallWithOneLeadAndOneText() {
        postVoice();
        // Voicemail plays its greeting over the whisper and never presses a key: the Gather times out, the leg
        // hangs up, and Twilio reports the Dial completed.
        postWhisper();
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            decisions.add(decision(postDialResult("completed")));
        }

        assertThat(decisions).containsExactly("text_queued", "already_texted", "already_texted");
        assertThat(call())
                .containsEntry("status", "MISSED")
                .containsEntry("missed", true)
                .containsEntry("answered", false)
                .containsEntry("dial_call_status", "completed");
        assertThat(call().get("screen_key_pressed_at")).isNull();
        assertThat(leadCount()).isEqualTo(1);
        CallRecord shown = SERVICE.transactions()
                .inTransaction(r -> r.calls().findById(callId()))
                .orElseThrow();
        assertThat(shown.screened())
                .as("the lead's call explains why completed was texted")
                .isTrue();
        assertThat(shown.screenKeyPressedAt()).isNull();
        assertThat(shown.missed()).isTrue();
        Eventually.within(
                OUTBOX, () -> assertThat(SERVICE.twilio.sentMessages()).hasSize(1));
        assertThat(SERVICE.twilio.sentMessages().get(0))
                .containsEntry("To", CALLER)
                .containsEntry("From", business.twilioNumber());
        assertThat(messageCount()).isEqualTo(1);
    }

    @Test
    void anotherKeyDeclinesTheCallWhichIsThenTextedLikeAMissedOne() throws Exception {
        postVoice();
        postWhisper();
        HttpResponse<String> declined = postKeyPress("2");

        assertThat(decision(declined)).isEqualTo("declined");
        assertThat(children(xml(declined.body())))
                .extracting(Element::getTagName)
                .containsExactly("Hangup");
        assertThat(call().get("screen_key_pressed_at")).isNull();
        assertThat(decision(postDialResult("completed"))).isEqualTo("text_queued");
        assertThat(leadCount()).isEqualTo(1);
    }

    @Test
    void retriedWhisperAndKeyPressChangeNothingTheSecondTime() throws Exception {
        postVoice();
        HttpResponse<String> firstWhisper = postWhisper();
        HttpResponse<String> secondWhisper = postWhisper();
        assertThat(secondWhisper.body()).isEqualTo(firstWhisper.body());

        HttpResponse<String> first = postKeyPress("1");
        Object pressedAt = call().get("screen_key_pressed_at");
        HttpResponse<String> retried = postKeyPress("1");

        assertThat(decision(first)).isEqualTo("accepted");
        assertThat(decision(retried)).isEqualTo("already_accepted");
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(call().get("screen_key_pressed_at")).isEqualTo(pressedAt);
        assertThat(decision(postDialResult("completed"))).isEqualTo("answered");
        assertThat(decision(postDialResult("completed"))).isEqualTo("answered");
        assertThat(leadCount()).isZero();
        assertThat(messageCount()).isZero();
    }

    @Test
    void aDialResultBeforeTheKeyPressDecidesTheCallMissedForGood() throws Exception {
        postVoice();
        postWhisper();
        // The caller hangs up while the owner reaches for the key: the Dial's result arrives first.
        assertThat(decision(postDialResult("completed"))).isEqualTo("text_queued");
        HttpResponse<String> late = postKeyPress("1");
        HttpResponse<String> retriedResult = postDialResult("completed");

        assertThat(decision(late)).isEqualTo("too_late");
        assertThat(children(xml(late.body()))).extracting(Element::getTagName).containsExactly("Hangup");
        assertThat(decision(retriedResult)).isEqualTo("already_texted");
        assertThat(call()).containsEntry("status", "MISSED").containsEntry("missed", true);
        assertThat(call().get("screen_key_pressed_at")).isNull();
        assertThat(leadCount()).isEqualTo(1);
        Eventually.within(
                OUTBOX, () -> assertThat(SERVICE.twilio.createRequests()).isEqualTo(1));
        assertThat(messageCount()).isEqualTo(1);
    }

    @Test
    void aKeyPressRacingTheDialResultEndsOneWayOrTheOtherNeverBoth() throws Exception {
        for (int i = 0; i < 8; i++) {
            parentSid = newSid();
            legSid = newSid();
            postVoice();
            postWhisper();
            List<Callable<String>> race =
                    List.of(() -> decision(postKeyPress("1")), () -> decision(postDialResult("completed")));
            List<String> decisions = Concurrently.run(race);

            if (decisions.get(0).equals("accepted")) {
                assertThat(decisions.get(1)).isEqualTo("answered");
                assertThat(call()).containsEntry("status", "ANSWERED");
                assertThat(leadCount()).isZero();
            } else {
                assertThat(decisions).containsExactly("too_late", "text_queued");
                assertThat(call()).containsEntry("status", "MISSED");
                assertThat(call().get("screen_key_pressed_at")).isNull();
                assertThat(leadCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void turningScreeningOnWhileACallRingsDoesNotChangeHowThatCallIsJudged() {
        business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        postVoice();
        SERVICE.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE businesses SET call_screening = true WHERE id = :id")
                        .bind("id", business.id())
                        .execute());

        // The leg heard no whisper, so nobody could press a key: Twilio's completed is a person answering.
        assertThat(decision(postDialResult("completed"))).isEqualTo("answered");
        assertThat(leadCount()).isZero();
    }

    @Test
    void aWhisperOrKeyPressForACallWeDoNotKnowStillWorks() throws Exception {
        HttpResponse<String> whisper = postWhisper();
        HttpResponse<String> pressed = postKeyPress("1");

        assertThat(decision(whisper)).isEqualTo("whisper_unknown_call");
        assertThat(onlyChild(children(xml(whisper.body())).get(0), "Say").getTextContent())
                .isEqualTo("Press 1 to take this call.");
        assertThat(decision(pressed)).isEqualTo("unknown_call");
        assertThat(children(xml(pressed.body()))).isEmpty();
        assertThat(callCount()).isZero();
    }

    @Test
    void unsignedOrWronglySignedScreeningRequestsAreRefusedAndRecordNothing() {
        postVoice();
        Map<String, String> keyPress = keyPressParams("1");
        for (String path : List.of("/api/twilio/screen", "/api/twilio/screen-result")) {
            HttpResponse<String> unsigned = SERVICE.webhooks().postRaw(path, encode(keyPress), Map.of());
            HttpResponse<String> wronglySigned = SERVICE.webhooks()
                    .postRaw(
                            path,
                            encode(keyPress),
                            Map.of(
                                    "X-Twilio-Signature",
                                    TwilioSignature.sign(
                                            "not-the-auth-token", ServiceUnderTest.PUBLIC_URL + path, keyPress)));
            // Signed for the other endpoint: a key press cannot be replayed as a whisper or the other way round.
            String other = path.endsWith("result") ? "/api/twilio/screen" : "/api/twilio/screen-result";
            HttpResponse<String> signedElsewhere = SERVICE.webhooks()
                    .postRaw(
                            path,
                            encode(keyPress),
                            Map.of(
                                    "X-Twilio-Signature",
                                    TwilioSignature.sign(
                                            TwilioFake.AUTH_TOKEN, ServiceUnderTest.PUBLIC_URL + other, keyPress)));

            assertThat(unsigned.statusCode()).as(path).isEqualTo(401);
            assertThat(unsigned.body()).contains("missing X-Twilio-Signature");
            assertThat(wronglySigned.statusCode()).as(path).isEqualTo(401);
            assertThat(signedElsewhere.statusCode()).as(path).isEqualTo(401);
        }
        assertThat(call().get("screen_key_pressed_at")).isNull();
        assertThat(decision(postDialResult("completed"))).isEqualTo("text_queued");
    }

    @Test
    void aScreeningRequestWithoutCallSidIsABadRequest() {
        for (String path : List.of("/api/twilio/screen", "/api/twilio/screen-result")) {
            HttpResponse<String> response =
                    SERVICE.webhooks().post(path, params("ParentCallSid", parentSid, "Digits", "1"));
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).contains("missing CallSid");
        }
    }

    /** The voice webhook for the caller's call. */
    private HttpResponse<String> postVoice() {
        return SERVICE.webhooks()
                .post(
                        "/api/twilio/voice",
                        params(
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID,
                                "ApiVersion",
                                "2010-04-01",
                                "CallSid",
                                parentSid,
                                "CallStatus",
                                "ringing",
                                "Direction",
                                "inbound",
                                "From",
                                CALLER,
                                "Caller",
                                CALLER,
                                "To",
                                business.twilioNumber(),
                                "Called",
                                business.twilioNumber()));
    }

    /**
     * Twilio fetching the {@code <Number url>} once the forwarded leg is picked up. That leg is a call of its own,
     * created by the Dial: outbound-dial, from the Dial's callerId to the owner, with the caller's call as parent.
     */
    private HttpResponse<String> postWhisper() {
        return SERVICE.webhooks().post("/api/twilio/screen", legParams());
    }

    /** The whisper's {@code <Gather>} action: the leg's parameters and the key pressed. */
    private HttpResponse<String> postKeyPress(String digits) {
        return SERVICE.webhooks().post("/api/twilio/screen-result", keyPressParams(digits));
    }

    private Map<String, String> legParams() {
        return params(
                "AccountSid",
                TwilioFake.ACCOUNT_SID,
                "ApiVersion",
                "2010-04-01",
                "CallSid",
                legSid,
                "ParentCallSid",
                parentSid,
                "CallStatus",
                "in-progress",
                "Direction",
                "outbound-dial",
                "From",
                business.twilioNumber(),
                "Caller",
                business.twilioNumber(),
                "To",
                OWNER,
                "Called",
                OWNER);
    }

    private Map<String, String> keyPressParams(String digits) {
        Map<String, String> params = legParams();
        params.put("Digits", digits);
        params.put("FinishedOnKey", "");
        params.put("msg", "Gather End");
        return params;
    }

    /** The Dial's action callback, made on the caller's call once the forwarded leg has ended. */
    private HttpResponse<String> postDialResult(String dialCallStatus) {
        return SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID,
                                "ApiVersion",
                                "2010-04-01",
                                "CallSid",
                                parentSid,
                                "CallStatus",
                                "in-progress",
                                "Direction",
                                "inbound",
                                "From",
                                CALLER,
                                "To",
                                business.twilioNumber(),
                                "DialCallSid",
                                legSid,
                                "DialCallStatus",
                                dialCallStatus,
                                "DialCallDuration",
                                "14"));
    }

    private static String decision(HttpResponse<String> response) {
        return response.headers().firstValue("X-CallbackCloser-Decision").orElse("none");
    }

    private static String newSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Element xml(String body) throws Exception {
        Element root = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("Response");
        return root;
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) child);
            }
        }
        return children;
    }

    private static Element onlyChild(Element element, String tag) {
        List<Element> children = children(element);
        assertThat(children).extracting(Element::getTagName).containsExactly(tag);
        return children.get(0);
    }

    private Map<String, Object> call() {
        return SERVICE.jdbi()
                .withHandle(h ->
                        h.createQuery("""
                        SELECT status, answered, missed, dial_call_status, screened, screen_key_pressed_at
                          FROM calls WHERE call_sid = :sid""").bind("sid", parentSid).mapToMap().one());
    }

    private UUID callId() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM calls WHERE call_sid = :sid")
                        .bind("sid", parentSid)
                        .mapTo(UUID.class)
                        .one());
    }

    private int callCount() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM calls WHERE call_sid IN (:parent, :leg)")
                        .bind("parent", parentSid)
                        .bind("leg", legSid)
                        .mapTo(Integer.class)
                        .one());
    }

    private int leadCount() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM leads l JOIN calls c ON c.id = l.call_id WHERE c.call_sid = :sid""")
                        .bind("sid", parentSid)
                        .mapTo(Integer.class)
                        .one());
    }

    /** The business's texts, not counting the follow-up that waits, unsent, for a caller who stays quiet. */
    private int messageCount() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM messages WHERE business_id = :business AND NOT follow_up")
                        .bind("business", business.id())
                        .mapTo(Integer.class)
                        .one());
    }
}
