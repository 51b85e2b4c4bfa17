package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.outbox.OutboxWorker;
import com.callbackcloser.api.testing.Concurrently;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TestClock;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.twilio.TwilioClients;
import com.callbackcloser.api.twilio.TwilioSmsGateway;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.TextTiming;
import com.callbackcloser.core.service.OutboxDispatcher;
import com.callbackcloser.core.service.RetryPolicy;
import com.callbackcloser.db.testing.TestBusinesses;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The follow-up to a caller who goes quiet, and quiet hours, end to end. The service reads a {@link TestClock}:
 * hours pass in one call, nobody sleeps. Its own outbox workers are off; the test sends what is due when it
 * chooses, through the real dispatcher, twilio-java and the Twilio fake, on the same clock.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FollowUpIT {
    /** Thursday 26 November 2026, 10:00 in New York, 7:00 in Los Angeles. */
    private static final Instant MORNING = Instant.parse("2026-11-26T15:00:00Z");

    private static final TestClock CLOCK = new TestClock(MORNING);
    // Rate-limit windows follow the clock too; a clock that stands still would keep one window all day.
    private static final ServiceUnderTest SERVICE =
            ServiceUnderTest.withSignaturesAndClock(CLOCK, "outbox.enabled", "false", "rateLimits.enabled", "false");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final AtomicInteger NUMBERS = new AtomicInteger(2000);
    private static final String SERVICE_FOLLOW_UP = "Acme Plumbing here again - still need help? Reply 1 Repair, "
            + "2 Install, 3 Maintenance, or describe it. Reply STOP to opt out.";
    private static final String NUDGE_FOLLOW_UP = "Acme Plumbing here again - still need help? "
            + "Just answer our last question and we'll take it from there. Reply STOP to opt out.";

    private final List<OutboxWorker> workers = new ArrayList<>();
    private Business business;
    private OutboxDispatcher outbox;

    @BeforeEach
    void anActiveBusinessAtTenInTheMorning() {
        CLOCK.set(MORNING);
        SERVICE.twilio.reset();
        SERVICE.twilio.acceptMessages();
        // Nothing another test left waiting reaches Twilio in this one.
        SERVICE.jdbi().useHandle(h -> h.execute("DELETE FROM messages WHERE delivery_state = 'QUEUED'"));
        business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        outbox = dispatcher();
    }

    @AfterEach
    void stopWorkers() throws Exception {
        for (OutboxWorker worker : workers) {
            worker.stop();
        }
    }

    @Test
    void aCallerWhoGoesQuietGetsOneFollowUpTwoHoursAfterTheFirstText() {
        String caller = caller("212");
        String lead = missedCall(caller);
        assertThat(deliverQueued()).singleElement().asString().startsWith(caller + ": Sorry we missed your call");
        assertThat(followUpDueAt(lead)).isEqualTo(MORNING.plus(Duration.ofHours(2)));

        CLOCK.advance(Duration.ofMinutes(119));
        assertThat(deliverQueued()).isEmpty();
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(deliverQueued()).containsExactly(caller + ": " + SERVICE_FOLLOW_UP);
        CLOCK.advance(Duration.ofDays(3));
        assertThat(deliverQueued()).isEmpty();

        assertThat(followUps(lead))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("delivery_state", "SENT"));
        assertThat(transcript(lead)).containsExactly("OUTBOUND SENT false", "OUTBOUND SENT true");
    }

    @Test
    void aReplyCancelsTheWaitingFollowUpAndTheNextQuestionWaitsTwoHoursOfItsOwn() {
        String caller = caller("212");
        String lead = missedCall(caller);
        deliverQueued();

        CLOCK.advance(Duration.ofMinutes(90));
        text(caller, "2");
        assertThat(deliverQueued()).singleElement().asString().contains("How urgent");
        // Two and a half hours after the first text: its follow-up would have been due, but the caller answered.
        CLOCK.advance(Duration.ofMinutes(60));
        assertThat(deliverQueued()).isEmpty();
        CLOCK.advance(Duration.ofMinutes(60));
        assertThat(deliverQueued()).containsExactly(caller + ": " + NUDGE_FOLLOW_UP);

        assertThat(followUps(lead)).hasSize(1);
    }

    @Test
    void aLeadNeverGetsASecondFollowUp() {
        String caller = caller("212");
        String lead = missedCall(caller);
        deliverQueued();
        CLOCK.advance(Duration.ofHours(2));
        assertThat(deliverQueued()).containsExactly(caller + ": " + SERVICE_FOLLOW_UP);

        // The nudge worked; then the caller goes quiet again on the next question.
        text(caller, "Water heater");
        assertThat(deliverQueued()).singleElement().asString().contains("How urgent");
        CLOCK.advance(Duration.ofHours(6));

        assertThat(deliverQueued()).isEmpty();
        assertThat(followUps(lead))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("delivery_state", "SENT"));
    }

    @Test
    void aCompletedConversationGetsNoFollowUp() {
        String caller = caller("212");
        String lead = missedCall(caller);
        for (String answer : List.of("1", "today", "12345", "morning", "Dana")) {
            text(caller, answer);
        }
        assertThat(deliverQueued()).hasSize(6);

        CLOCK.advance(Duration.ofDays(1));
        assertThat(deliverQueued()).isEmpty();
        assertThat(followUps(lead)).isEmpty();
    }

    @Test
    void aStopBeforeTheFollowUpIsDueMeansItIsNeverSent() {
        String caller = caller("212");
        String lead = missedCall(caller);
        deliverQueued();

        CLOCK.advance(Duration.ofMinutes(30));
        assertThat(text(caller, "STOP").headers().firstValue("X-CallbackCloser-Decision"))
                .contains("opted_out");
        CLOCK.advance(Duration.ofHours(3));

        assertThat(deliverQueued()).isEmpty();
        assertThat(SERVICE.twilio.sentMessages()).hasSize(1);
        assertThat(followUps(lead)).isEmpty();
    }

    @Test
    void anOptOutThatArrivesAnotherWayWhileTheFollowUpWaitsStopsItAtSendTime() {
        String caller = caller("212");
        String lead = missedCall(caller);
        deliverQueued();
        // Twilio reports the first text undeliverable because the number unsubscribed (21610): no text from the
        // caller reaches us, so nothing cancels the follow-up; the worker's check before sending must stop it.
        Map<String, Object> first = firstText(lead);
        String decision = messageStatus(first, caller, "failed", 21610);
        assertThat(decision).contains("updated");

        CLOCK.advance(Duration.ofHours(2));

        assertThat(deliverQueued()).isEmpty();
        assertThat(SERVICE.twilio.sentMessages()).hasSize(1);
        assertThat(followUps(lead))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("delivery_state", "SUPPRESSED")
                        .containsEntry("last_error", "recipient opted out"));
    }

    @Test
    void retriedWebhooksLeaveOneFollowUp() throws Exception {
        String caller = caller("212");
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        List<String> decisions = Concurrently.times(4, () -> missedCallDecision(callSid, caller));
        assertThat(decisions).containsOnlyOnce("text_queued");
        String lead = leadOfCall(callSid);
        assertThat(followUps(lead)).hasSize(1);
        deliverQueued();

        // The answer's webhook delivered twice: the duplicate must not cancel the follow-up the answer queued.
        CLOCK.advance(Duration.ofMinutes(10));
        String sid = messageSid();
        text(caller, sid, "1");
        assertThat(text(caller, sid, "1").headers().firstValue("X-CallbackCloser-Decision"))
                .contains("duplicate");

        assertThat(followUps(lead))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("delivery_state", "QUEUED"));
        assertThat(followUpDueAt(lead)).isEqualTo(MORNING.plus(Duration.ofMinutes(130)));
        CLOCK.advance(Duration.ofHours(2));
        assertThat(deliverQueued())
                .filteredOn(sent -> sent.contains("here again"))
                .hasSize(1);
    }

    @Test
    void twoOutboxWorkersSendEachFollowUpExactlyOnce() {
        List<String> callers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            callers.add(caller(i % 2 == 0 ? "212" : "415"));
            missedCall(callers.get(i));
        }
        assertThat(deliverQueued()).hasSize(30);
        CLOCK.advance(Duration.ofHours(2));
        SERVICE.twilio.acceptMessagesAfter(Duration.ofMillis(5));

        startWorker();
        startWorker();

        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(followUpStates()).hasSize(30).containsOnly("SENT"));
        List<String> followUpsSent = SERVICE.twilio.sentMessages().stream()
                .filter(form -> form.get("Body").contains("here again"))
                .map(form -> form.get("To"))
                .toList();
        assertThat(followUpsSent).hasSize(30).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(callers);
    }

    @Test
    void aFollowUpDueAtNightWaitsForEightInTheCallersZone() {
        // 19:30 in New York, 16:30 in Los Angeles.
        Instant evening = Instant.parse("2026-11-27T00:30:00Z");
        CLOCK.set(evening);
        String newYorker = caller("212");
        String angeleno = caller("415");
        String newYorkLead = missedCall(newYorker);
        String losAngelesLead = missedCall(angeleno);
        assertThat(deliverQueued()).hasSize(2);

        // 21:30 in New York is quiet: 8:00 EST the next morning. 18:30 in Los Angeles is not.
        assertThat(followUpDueAt(newYorkLead)).isEqualTo(Instant.parse("2026-11-27T13:00:00Z"));
        assertThat(followUpDueAt(losAngelesLead)).isEqualTo(evening.plus(Duration.ofHours(2)));

        CLOCK.advance(Duration.ofHours(2));
        assertThat(deliverQueued()).containsExactly(angeleno + ": " + SERVICE_FOLLOW_UP);
        CLOCK.set(Instant.parse("2026-11-27T12:59:59Z"));
        assertThat(deliverQueued()).isEmpty();
        CLOCK.set(Instant.parse("2026-11-27T13:00:00Z"));
        assertThat(deliverQueued()).containsExactly(newYorker + ": " + SERVICE_FOLLOW_UP);
    }

    @Test
    void aFollowUpWhoseSendSlipsPastNineWaitsForTheNextMorning() {
        // 18:00 in New York: due at 20:00, but no worker runs until 21:30 (an outage, a long Twilio retry).
        CLOCK.set(Instant.parse("2026-11-26T23:00:00Z"));
        String caller = caller("212");
        String lead = missedCall(caller);
        deliverQueued();
        assertThat(followUpDueAt(lead)).isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));

        CLOCK.set(Instant.parse("2026-11-27T02:30:00Z"));
        assertThat(deliverQueued()).isEmpty();
        assertThat(followUps(lead))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("delivery_state", "QUEUED")
                        .containsEntry("attempts", 0));
        assertThat(followUpDueAt(lead)).isEqualTo(Instant.parse("2026-11-27T13:00:00Z"));

        CLOCK.set(Instant.parse("2026-11-27T13:00:00Z"));
        assertThat(deliverQueued()).containsExactly(caller + ": " + SERVICE_FOLLOW_UP);
    }

    @Test
    void anOwnerWhoAsksForQuietHoursGetsTheNightsSummaryAtEightAndTheCallerIsAnsweredAtOnce() {
        // 1:00 in New York, 22:00 the evening before in Los Angeles, where both owners' phones are.
        CLOCK.set(Instant.parse("2026-11-27T06:00:00Z"));
        String quietOwner = caller("415");
        String anyHourOwner = caller("415");
        Business quiet = TestBusinesses.create(
                SERVICE.transactions(),
                SubscriptionStatus.ACTIVE,
                TestBusinesses.nextTwilioNumber(),
                quietOwner,
                new TextTiming(120, true));
        Business anyHour = TestBusinesses.create(
                SERVICE.transactions(), SubscriptionStatus.ACTIVE, TestBusinesses.nextTwilioNumber(), anyHourOwner);

        for (Business each : List.of(quiet, anyHour)) {
            business = each;
            String caller = caller("212");
            missedCall(caller);
            for (String answer : List.of("1", "today", "12345")) {
                text(caller, answer);
            }
        }

        // Every answer to a caller goes at once, even at 1:00: they just wrote to us.
        List<String> now = deliverQueued();
        assertThat(now)
                .filteredOn(sent -> sent.contains("best time to reach you"))
                .hasSize(2);
        assertThat(now)
                .filteredOn(sent -> sent.startsWith(anyHourOwner + ": New lead"))
                .hasSize(1);
        assertThat(now).noneMatch(sent -> sent.startsWith(quietOwner));

        // 8:00 PST is 16:00Z.
        CLOCK.set(Instant.parse("2026-11-27T15:59:59Z"));
        assertThat(deliverQueued()).noneMatch(sent -> sent.startsWith(quietOwner));
        CLOCK.set(Instant.parse("2026-11-27T16:00:00Z"));
        assertThat(deliverQueued())
                .filteredOn(sent -> sent.startsWith(quietOwner + ": New lead"))
                .hasSize(1);
    }

    private void startWorker() {
        OutboxWorker worker = new OutboxWorker(
                dispatcher(),
                8,
                Duration.ofMillis(100),
                Duration.ofSeconds(30),
                CLOCK,
                new Decisions(new MetricRegistry()));
        workers.add(worker);
        worker.start();
    }

    private static OutboxDispatcher dispatcher() {
        return new OutboxDispatcher(
                SERVICE.transactions(),
                new TwilioSmsGateway(
                        TwilioClients.restClient(
                                TwilioFake.ACCOUNT_SID,
                                TwilioFake.AUTH_TOKEN,
                                SERVICE.twilio.baseUrl(),
                                Duration.ofSeconds(5)),
                        id -> ServiceUnderTest.PUBLIC_URL + "/api/twilio/message-status?messageId=" + id),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10)),
                CLOCK,
                () -> 0.5);
    }

    /** Sends everything due by the test clock; returns "to: body" of each text that reached Twilio. */
    private List<String> deliverQueued() {
        int before = SERVICE.twilio.sentMessages().size();
        for (List<OutboundMessage> claimed = outbox.claimDue(50); !claimed.isEmpty(); claimed = outbox.claimDue(50)) {
            claimed.forEach(outbox::deliver);
        }
        return SERVICE.twilio.sentMessages().stream()
                .skip(before)
                .map(form -> form.get("To") + ": " + form.get("Body"))
                .toList();
    }

    /** A caller in that area code, new to this test run. */
    private static String caller(String areaCode) {
        return "+1" + areaCode + "555" + NUMBERS.incrementAndGet();
    }

    private String missedCall(String caller) {
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        assertThat(missedCallDecision(callSid, caller)).isEqualTo("text_queued");
        return leadOfCall(callSid);
    }

    private String missedCallDecision(String callSid, String caller) {
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                callSid,
                                "From",
                                caller,
                                "To",
                                business.twilioNumber(),
                                "DialCallStatus",
                                "no-answer"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("X-CallbackCloser-Decision").orElseThrow();
    }

    private HttpResponse<String> text(String caller, String body) {
        return text(caller, messageSid(), body);
    }

    private HttpResponse<String> text(String caller, String messageSid, String body) {
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/sms",
                        params(
                                "MessageSid",
                                messageSid,
                                "SmsMessageSid",
                                messageSid,
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID,
                                "From",
                                caller,
                                "To",
                                business.twilioNumber(),
                                "Body",
                                body));
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private String messageStatus(Map<String, Object> message, String caller, String status, int errorCode) {
        String sid = (String) message.get("twilio_sid");
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/message-status?messageId=" + message.get("id"),
                        params(
                                "MessageSid",
                                sid,
                                "MessageStatus",
                                status,
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID,
                                "From",
                                business.twilioNumber(),
                                "To",
                                caller,
                                "ErrorCode",
                                Integer.toString(errorCode)));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("X-CallbackCloser-Decision").orElseThrow();
    }

    private static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String leadOfCall(String callSid) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT l.id FROM leads l JOIN calls c ON c.id = l.call_id WHERE c.call_sid = :sid")
                        .bind("sid", callSid)
                        .mapTo(String.class)
                        .one());
    }

    private static List<Map<String, Object>> followUps(String lead) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT delivery_state, attempts, body, last_error FROM messages
                         WHERE lead_id = :id AND follow_up ORDER BY seq""")
                        .bind("id", UUID.fromString(lead))
                        .mapToMap()
                        .list());
    }

    private static Instant followUpDueAt(String lead) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT next_attempt_at FROM messages WHERE lead_id = :id AND follow_up")
                        .bind("id", UUID.fromString(lead))
                        .mapTo(Instant.class)
                        .one());
    }

    private static Map<String, Object> firstText(String lead) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT id, twilio_sid FROM messages
                         WHERE lead_id = :id AND direction = 'OUTBOUND' AND NOT follow_up ORDER BY seq LIMIT 1""")
                        .bind("id", UUID.fromString(lead))
                        .mapToMap()
                        .one());
    }

    /** "direction state follow_up" of the lead's texts, as the owner API lists them. */
    private static List<String> transcript(String lead) {
        return SERVICE.transactions()
                .inTransaction(r -> r.messages().transcript(UUID.fromString(lead)).stream()
                        .map(m -> m.direction() + " " + m.deliveryState() + " "
                                + m.body().contains("here again"))
                        .toList());
    }

    private List<String> followUpStates() {
        return SERVICE.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT delivery_state FROM messages WHERE business_id = :b AND follow_up")
                                .bind("b", business.id())
                                .mapTo(String.class)
                                .list());
    }
}
