package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Concurrently;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.HeldResponses;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The status webhook end to end: signed callbacks in, rows in PostgreSQL, texts out through the Twilio fake. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MissedCallWebhookIT {
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures();

    private static final Duration OUTBOX = Duration.ofSeconds(10);
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final String CALLER = "+14155550123";

    @SuppressWarnings("unused") // picked up by DropwizardExtensionsSupport
    private static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> APP = SERVICE.app;

    private Business business;

    @BeforeEach
    void activeBusinessAndATwilioThatAccepts() {
        SERVICE.twilio.reset();
        SERVICE.twilio.acceptMessages();
        business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
    }

    @Test
    void answeredCallCreatesNoLeadAndNoText() {
        String callSid = newCallSid();
        HttpResponse<String> response = postDialStatus(callSid, "completed");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("answered");
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        assertThat(call(callSid))
                .containsEntry("status", "ANSWERED")
                .containsEntry("answered", true)
                .containsEntry("missed", false);
        assertThat(leadCount(callSid)).isZero();
        assertThat(messageCount()).isZero();
        assertThat(SERVICE.twilio.createRequests()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-answer", "busy", "failed", "canceled"})
    void missedCallCreatesOneLeadAndTextsTheCallerTheServicePrompt(String dialCallStatus) {
        String callSid = newCallSid();
        HttpResponse<String> response = postDialStatus(callSid, dialCallStatus);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("text_queued");
        assertThat(call(callSid))
                .containsEntry("status", "MISSED")
                .containsEntry("missed", true)
                .containsEntry("dial_call_status", dialCallStatus);
        Map<String, Object> lead = lead(callSid);
        assertThat(lead)
                .containsEntry("conversation_state", "AWAITING_SERVICE")
                .containsEntry("status", "NEW")
                .containsEntry("billing_required", false)
                .containsEntry("caller_number", CALLER);
        assertThat(lead.get("sms_started_at")).isNotNull();

        Eventually.within(
                OUTBOX, () -> assertThat(SERVICE.twilio.sentMessages()).hasSize(1));
        Map<String, String> sent = SERVICE.twilio.sentMessages().get(0);
        assertThat(sent).containsEntry("To", CALLER).containsEntry("From", business.twilioNumber());
        assertThat(sent.get("Body"))
                .startsWith("Sorry we missed your call - Acme Plumbing here.")
                .contains("1 Repair", "2 Install", "3 Maintenance", "STOP");
        Eventually.within(
                OUTBOX,
                () -> assertThat(messages()).singleElement().satisfies(message -> {
                    assertThat(message)
                            .containsEntry("delivery_state", "SENT")
                            .containsEntry("direction", "OUTBOUND")
                            .containsEntry("participant", "LEAD")
                            .containsEntry("attempts", 1)
                            .containsEntry("twilio_status", "queued")
                            .containsEntry("lead_id", lead.get("id"));
                    assertThat((String) message.get("twilio_sid"))
                            .startsWith("SM")
                            .hasSize(34);
                }));
        Eventually.within(
                OUTBOX, () -> assertThat(lead(callSid).get("last_outbound_at")).isNotNull());
    }

    @Test
    void theSameCallbackThreeTimesCreatesOneLeadAndOneText() {
        String callSid = newCallSid();
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = postDialStatus(callSid, "no-answer");
            assertThat(response.statusCode()).isEqualTo(200);
            decisions.add(
                    response.headers().firstValue("X-CallbackCloser-Decision").orElseThrow());
        }

        assertThat(decisions).containsExactly("text_queued", "already_texted", "already_texted");
        assertThat(leadCount(callSid)).isEqualTo(1);
        Eventually.within(
                OUTBOX, () -> assertThat(SERVICE.twilio.createRequests()).isEqualTo(1));
        assertThat(messageCount()).isEqualTo(1);
    }

    @Test
    void tenConcurrentIdenticalCallbacksCreateOneLeadAndOneText() throws Exception {
        String callSid = newCallSid();
        List<String> decisions = Concurrently.times(
                10,
                () -> postDialStatus(callSid, "no-answer")
                        .headers()
                        .firstValue("X-CallbackCloser-Decision")
                        .orElseThrow());

        assertThat(decisions)
                .containsOnlyOnce("text_queued")
                .filteredOn("already_texted"::equals)
                .hasSize(9);
        assertThat(leadCount(callSid)).isEqualTo(1);
        // Once the one text is settled nothing can send it again; every callback has answered, so no other is
        // queued: what reached Twilio by then is all that ever will (no sleep waiting for a straggler).
        Eventually.within(
                OUTBOX,
                () -> assertThat(messages())
                        .singleElement()
                        .satisfies(m -> assertThat(m).containsEntry("delivery_state", "SENT")));
        assertThat(SERVICE.twilio.createRequests()).isEqualTo(1);
    }

    @Test
    void recordingCallbackBeforeOrAfterTheDialCallbackStoresTheSameMetadata() {
        String recordingFirst = newCallSid();
        String dialFirst = newCallSid();

        assertThat(postRecording(recordingFirst).headers().firstValue("X-CallbackCloser-Decision"))
                .contains("recording_stored");
        postDialStatus(recordingFirst, "no-answer");
        postDialStatus(dialFirst, "no-answer");
        postRecording(dialFirst);

        for (String callSid : List.of(recordingFirst, dialFirst)) {
            assertThat(call(callSid))
                    .containsEntry("business_id", business.id())
                    .containsEntry("recording_sid", "RE" + callSid.substring(2))
                    .containsEntry(
                            "recording_url",
                            "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE" + callSid.substring(2))
                    .containsEntry("recording_status", "completed")
                    .containsEntry("recording_duration_seconds", 7)
                    .containsEntry("status", "MISSED");
            assertThat(leadCount(callSid)).isEqualTo(1);
        }
    }

    @Test
    void aCallStatusCallbackAfterTheDialResultNeverTurnsAMissedCallBackToReceived() {
        String callSid = newCallSid();
        postDialStatus(callSid, "no-answer");
        // The number's own status callback (no DialCallStatus) arrives when the call ends.
        HttpResponse<String> callEnded = SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                callSid,
                                "CallStatus",
                                "completed",
                                "CallDuration",
                                "34",
                                "From",
                                CALLER,
                                "To",
                                business.twilioNumber()));

        assertThat(callEnded.headers().firstValue("X-CallbackCloser-Decision")).contains("not_final");
        assertThat(call(callSid))
                .containsEntry("status", "MISSED")
                .containsEntry("missed", true)
                .containsEntry("dial_call_status", "no-answer");
        assertThat(leadCount(callSid)).isEqualTo(1);
    }

    @Test
    void unknownTwilioNumberIsAcknowledgedAndChangesNothing() {
        String callSid = newCallSid();
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                callSid,
                                "From",
                                CALLER,
                                "To",
                                "+19995550100",
                                "DialCallStatus",
                                "no-answer"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("unknown_business");
        assertThat(callCount(callSid)).isZero();
        assertThat(messageCount()).isZero();
    }

    @Test
    void missingToOrCallSidIsABadRequestThatChangesNothing() {
        String callSid = newCallSid();
        HttpResponse<String> noTo = SERVICE.webhooks()
                .post("/api/twilio/status", params("CallSid", callSid, "From", CALLER, "DialCallStatus", "no-answer"));
        HttpResponse<String> noCallSid = SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params("From", CALLER, "To", business.twilioNumber(), "DialCallStatus", "no-answer"));

        assertThat(noTo.statusCode()).isEqualTo(400);
        assertThat(noTo.body()).contains("\"code\":400").contains("missing To");
        assertThat(noCallSid.statusCode()).isEqualTo(400);
        assertThat(noCallSid.body()).contains("missing CallSid");
        assertThat(callCount(callSid)).isZero();
        assertThat(messageCount()).isZero();
    }

    @Test
    void inactiveSubscriptionRecordsTheLeadAsBillingRequiredWithoutTexting() {
        business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.PAST_DUE);
        String callSid = newCallSid();
        HttpResponse<String> response = postDialStatus(callSid, "no-answer");

        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("billing_inactive");
        assertThat(lead(callSid))
                .containsEntry("billing_required", true)
                .containsEntry("conversation_state", "NOT_STARTED");
        assertThat(lead(callSid).get("sms_started_at")).isNull();
        assertThat(messageCount()).isZero();
        assertThat(SERVICE.twilio.createRequests()).isZero();
    }

    @Test
    void callerWhoOptedOutGetsNoTextButTheSuppressedTextIsKept() {
        SERVICE.transactions().inTransaction(r -> {
            r.consents().recordOptOut(business.id(), CALLER, CALLER, "STOP", "SM-stop", Instant.now());
            return null;
        });
        String callSid = newCallSid();
        HttpResponse<String> response = postDialStatus(callSid, "busy");

        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("text_suppressed");
        assertThat(messages())
                .singleElement()
                .satisfies(m -> assertThat(m).containsEntry("delivery_state", "SUPPRESSED"));
        assertThat(SERVICE.twilio.createRequests()).isZero();
    }

    @Test
    void withheldCallerIdIsRecordedButNotTexted() {
        String callSid = newCallSid();
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                callSid,
                                "From",
                                "+266696687",
                                "To",
                                business.twilioNumber(),
                                "DialCallStatus",
                                "no-answer"));

        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("caller_not_textable");
        assertThat(leadCount(callSid)).isEqualTo(1);
        assertThat(messageCount()).isZero();
    }

    @Test
    void theWebhookAnswersBeforeTwilioDoes() {
        SERVICE.twilio.reset();
        // Twilio does not answer until the test lets it: a fixed delay would race the test on a loaded machine.
        HeldResponses twilio = SERVICE.twilio.holdMessages();
        String callSid = newCallSid();

        HttpResponse<String> response = postDialStatus(callSid, "no-answer");

        assertThat(response.statusCode()).isEqualTo(200);
        // Answered while the send is still waiting for Twilio: the webhook never waits on it.
        assertThat(messages())
                .singleElement()
                .satisfies(m -> assertThat(m.get("delivery_state")).isIn("QUEUED", "SENDING"));
        twilio.awaitArrival().release();
        Eventually.within(
                OUTBOX,
                () -> assertThat(messages())
                        .singleElement()
                        .satisfies(m -> assertThat(m).containsEntry("delivery_state", "SENT")));
    }

    @Test
    void unicodeInTheCallbackIsStoredIntact() {
        String callSid = newCallSid();
        SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                callSid,
                                "From",
                                CALLER,
                                "To",
                                business.twilioNumber(),
                                "DialCallStatus",
                                "completed",
                                "CallerName",
                                "Zoë 🔧 Ångström"));

        String raw = SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT raw_payload ->> 'CallerName' FROM calls WHERE call_sid = :sid")
                        .bind("sid", callSid)
                        .mapTo(String.class)
                        .one());
        assertThat(raw).isEqualTo("Zoë 🔧 Ångström");
    }

    private HttpResponse<String> postDialStatus(String callSid, String dialCallStatus) {
        return SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "AccountSid",
                                com.callbackcloser.api.testing.TwilioFake.ACCOUNT_SID,
                                "CallSid",
                                callSid,
                                "CallStatus",
                                "completed",
                                "Direction",
                                "inbound",
                                "From",
                                CALLER,
                                "To",
                                business.twilioNumber(),
                                "DialCallSid",
                                "CA" + UUID.randomUUID().toString().replace("-", ""),
                                "DialCallStatus",
                                dialCallStatus,
                                "DialCallDuration",
                                "completed".equals(dialCallStatus) ? "31" : "0",
                                "RecordingSid",
                                "RE" + callSid.substring(2),
                                "RecordingUrl",
                                "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE" + callSid.substring(2)));
    }

    private HttpResponse<String> postRecording(String callSid) {
        return SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "AccountSid",
                                com.callbackcloser.api.testing.TwilioFake.ACCOUNT_SID,
                                "CallSid",
                                callSid,
                                "RecordingSid",
                                "RE" + callSid.substring(2),
                                "RecordingUrl",
                                "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE" + callSid.substring(2),
                                "RecordingStatus",
                                "completed",
                                "RecordingDuration",
                                "7",
                                "RecordingChannels",
                                "2",
                                "RecordingSource",
                                "DialVerb"));
    }

    private static String newCallSid() {
        return String.format("CA%032d", CALLS.incrementAndGet() + System.nanoTime() % 1_000_000_000L * 100);
    }

    private Map<String, Object> call(String callSid) {
        return SERVICE.jdbi()
                .withHandle(
                        h -> h.createQuery("""
                        SELECT id, business_id, status, answered, missed, dial_call_status, recording_sid, recording_url,
                               recording_status, recording_duration_seconds
                          FROM calls WHERE call_sid = :sid""").bind("sid", callSid).mapToMap().one());
    }

    private int callCount(String callSid) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM calls WHERE call_sid = :sid")
                        .bind("sid", callSid)
                        .mapTo(Integer.class)
                        .one());
    }

    private Map<String, Object> lead(String callSid) {
        return SERVICE.jdbi()
                .withHandle(
                        h -> h.createQuery("""
                        SELECT l.* FROM leads l JOIN calls c ON c.id = l.call_id WHERE c.call_sid = :sid""").bind("sid", callSid).mapToMap().one());
    }

    private int leadCount(String callSid) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM leads l JOIN calls c ON c.id = l.call_id WHERE c.call_sid = :sid""")
                        .bind("sid", callSid)
                        .mapTo(Integer.class)
                        .one());
    }

    /** The texts of the missed-call flow; the follow-up each first text schedules is FollowUpIT's subject. */
    private List<Map<String, Object>> messages() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT id, lead_id, direction, participant, delivery_state, attempts, twilio_sid, twilio_status,
                               body, to_number
                          FROM messages WHERE business_id = :business AND NOT follow_up ORDER BY seq""")
                        .bind("business", business.id())
                        .mapToMap()
                        .list());
    }

    private int messageCount() {
        return messages().size();
    }
}
