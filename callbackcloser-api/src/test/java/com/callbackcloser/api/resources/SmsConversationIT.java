package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Concurrently;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.twilio.TwilioClients;
import com.callbackcloser.api.twilio.TwilioSmsGateway;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.service.OutboxDispatcher;
import com.callbackcloser.core.service.RetryPolicy;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SMS conversation end to end. The service's own outbox workers are off here: the test delivers what is
 * queued when it chooses ({@link #deliverQueued()}), through the same dispatcher and the real Twilio SDK, so
 * "what was queued" and "what reached Twilio" can both be checked at every step.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SmsConversationIT {
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures("outbox.enabled", "false");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final String OWNER = "+14155550177";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private Business business;
    private String caller;
    private OutboxDispatcher outbox;

    @BeforeEach
    void businessWithANotifyPhone() {
        SERVICE.twilio.reset();
        SERVICE.twilio.acceptMessages();
        business = TestBusinesses.create(
                SERVICE.transactions(), SubscriptionStatus.ACTIVE, TestBusinesses.nextTwilioNumber(), OWNER);
        caller = String.format("+1415555%04d", 2000 + SIDS.incrementAndGet() % 7000);
        outbox = new OutboxDispatcher(
                SERVICE.transactions(),
                new TwilioSmsGateway(
                        TwilioClients.restClient(
                                TwilioFake.ACCOUNT_SID,
                                TwilioFake.AUTH_TOKEN,
                                SERVICE.twilio.baseUrl(),
                                Duration.ofSeconds(5)),
                        id -> ServiceUnderTest.PUBLIC_URL + "/api/twilio/message-status?messageId=" + id),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10)),
                Clock.systemUTC(),
                () -> 0.5);
    }

    @Test
    void theWholeConversationFromMissedCallToCompletedStoresEveryAnswer() {
        String leadId = missedCall();
        assertThat(deliverQueued()).containsExactly(caller + ": " + servicePrompt());

        assertThat(text("2").headers().firstValue("X-CallbackCloser-Decision")).contains("answer_accepted");
        assertThat(deliverQueued()).singleElement().asString().contains("Got it: Install. How urgent");
        text("today");
        assertThat(deliverQueued()).singleElement().asString().contains("ZIP");
        text("02134-1234");
        List<String> afterZip = deliverQueued();
        assertThat(afterZip).hasSize(2);
        assertThat(afterZip.get(0)).startsWith(caller + ": Thanks! When's the best time");
        assertThat(afterZip.get(1))
                .isEqualTo(OWNER + ": New lead for Acme Plumbing: " + caller
                        + " - Install, Today, ZIP 02134-1234. https://callbacks.example.test/leads/" + leadId);
        text("evening");
        deliverQueued();
        HttpResponse<String> last = text("Dana Scully");
        assertThat(last.headers().firstValue("X-CallbackCloser-Decision")).contains("conversation_completed");
        assertThat(deliverQueued())
                .containsExactly(
                        caller + ": Thanks, Dana Scully! Acme Plumbing has your request and will call you back soon.");

        Map<String, Object> lead = lead(leadId);
        assertThat(lead)
                .containsEntry("status", "QUALIFIED")
                .containsEntry("conversation_state", "COMPLETED")
                .containsEntry("service", "Install")
                .containsEntry("service_raw", "2")
                .containsEntry("urgency", "Today")
                .containsEntry("zip", "02134-1234")
                .containsEntry("best_time", "Evening")
                .containsEntry("contact_name", "Dana Scully")
                .containsEntry("billing_required", false);
        for (String column : List.of(
                "sms_started_at",
                "sms_completed_at",
                "owner_notified_at",
                "last_inbound_at",
                "last_outbound_at",
                "last_interaction_at")) {
            assertThat(lead.get(column)).as(column).isNotNull();
        }
        assertThat(transcript(leadId))
                .extracting(m -> m.get("direction") + " " + m.get("participant") + " " + m.get("delivery_state"))
                .containsExactly(
                        "OUTBOUND LEAD SENT",
                        "INBOUND LEAD null",
                        "OUTBOUND LEAD SENT",
                        "INBOUND LEAD null",
                        "OUTBOUND LEAD SENT",
                        "INBOUND LEAD null",
                        "OUTBOUND LEAD SENT",
                        "OUTBOUND OWNER SENT",
                        "INBOUND LEAD null",
                        "OUTBOUND LEAD SENT",
                        "INBOUND LEAD null",
                        "OUTBOUND LEAD SENT");
        assertThat(transcript(leadId))
                .filteredOn(m -> "INBOUND".equals(m.get("direction")))
                .extracting(m -> m.get("body"))
                .containsExactly("2", "today", "02134-1234", "evening", "Dana Scully");
    }

    @Test
    void theNameCanBeSkipped() {
        String leadId = conversationAt("AWAITING_NAME");
        text("skip");

        assertThat(lead(leadId))
                .containsEntry("conversation_state", "COMPLETED")
                .containsEntry("contact_name", null);
        assertThat(deliverQueued())
                .singleElement()
                .asString()
                .endsWith("Thanks! Acme Plumbing has your request and will call you back soon.");
    }

    @Test
    void aReplyToACompletedConversationSaysWeHaveTheRequest() {
        String leadId = conversationAt("COMPLETED");
        HttpResponse<String> response = text("Are you coming?");

        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("already_completed");
        assertThat(deliverQueued())
                .containsExactly(
                        caller + ": Thanks, we already have your request. Acme Plumbing will be in touch soon.");
        assertThat(lead(leadId)).containsEntry("conversation_state", "COMPLETED");
    }

    @Test
    void aBadAnswerRepeatsTheQuestion() {
        String leadId = conversationAt("AWAITING_ZIP");
        HttpResponse<String> response = text("somewhere near the park");

        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("answer_not_understood");
        assertThat(deliverQueued()).singleElement().asString().contains("doesn't look like a ZIP");
        assertThat(lead(leadId))
                .containsEntry("conversation_state", "AWAITING_ZIP")
                .containsEntry("zip", null);
    }

    @Test
    void theSameMessageSidDeliveredTwiceIsProcessedOnce() {
        String leadId = missedCall();
        deliverQueued();
        String sid = nextMessageSid();

        HttpResponse<String> first = text(sid, "1");
        HttpResponse<String> again = text(sid, "1");

        assertThat(first.headers().firstValue("X-CallbackCloser-Decision")).contains("answer_accepted");
        assertThat(again.headers().firstValue("X-CallbackCloser-Decision")).contains("duplicate");
        assertThat(deliverQueued()).hasSize(1);
        assertThat(lead(leadId)).containsEntry("conversation_state", "AWAITING_URGENCY");
        assertThat(inboundCount(sid)).isEqualTo(1);
    }

    @Test
    void theSameMessageSidDeliveredConcurrentlyIsProcessedOnce() throws Exception {
        String leadId = missedCall();
        deliverQueued();
        String sid = nextMessageSid();
        List<String> decisions = Concurrently.times(
                8,
                () -> text(sid, "Repair")
                        .headers()
                        .firstValue("X-CallbackCloser-Decision")
                        .orElseThrow());

        assertThat(decisions)
                .containsOnlyOnce("answer_accepted")
                .filteredOn("duplicate"::equals)
                .hasSize(7);
        assertThat(inboundCount(sid)).isEqualTo(1);
        assertThat(deliverQueued()).hasSize(1);
        assertThat(lead(leadId))
                .containsEntry("conversation_state", "AWAITING_URGENCY")
                .containsEntry("service", "Repair");
    }

    @Test
    void stopOptsOutThenNoReplyIsSentUntilStartResumesTheConversation() {
        String leadId = missedCall();
        deliverQueued();

        HttpResponse<String> stop = text("stop.");
        assertThat(stop.headers().firstValue("X-CallbackCloser-Decision")).contains("opted_out");
        assertThat(stop.body())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                        + "You're unsubscribed from Acme Plumbing texts and will get no more. Reply START to resubscribe."
                        + "</Message></Response>");
        assertThat(consent()).containsEntry("opted_out", true).containsEntry("last_keyword", "STOP");

        text("1");
        assertThat(deliverQueued()).isEmpty();
        assertThat(lastOutbound(leadId)).containsEntry("delivery_state", "SUPPRESSED");

        HttpResponse<String> start = text("Start");
        assertThat(start.headers().firstValue("X-CallbackCloser-Decision")).contains("opted_in");
        assertThat(start.body()).contains("<Message>You're resubscribed to Acme Plumbing texts.");
        text("asap");
        assertThat(deliverQueued()).singleElement().asString().contains("ZIP");
        assertThat(lead(leadId)).containsEntry("urgency", "Today");
    }

    @Test
    void stopWhileAReplyIsQueuedStopsThatReply() {
        String leadId = missedCall();
        deliverQueued();
        text("2");
        // The urgency question is queued, not yet sent, when the caller says STOP.
        text("Stop please");

        assertThat(deliverQueued()).isEmpty();
        assertThat(SERVICE.twilio.sentMessages()).hasSize(1);
        assertThat(lastOutboundByQueue(leadId))
                .containsEntry("delivery_state", "SUPPRESSED")
                .containsEntry("last_error", "recipient opted out");
    }

    @Test
    void aRedeliveredStartDoesNotUndoALaterStop() {
        missedCall();
        deliverQueued();
        String start = nextMessageSid();
        assertThat(decision(text(start, "START"))).isEqualTo("opted_in");
        assertThat(decision(text("STOP"))).isEqualTo("opted_out");

        // Twilio retries the START, or someone replays it: signatures carry no timestamp.
        HttpResponse<String> replay = text(start, "START");

        assertThat(decision(replay)).isEqualTo("duplicate");
        assertThat(replay.body()).isEqualTo(EMPTY_TWIML);
        assertThat(consent()).containsEntry("opted_out", true).containsEntry("last_keyword", "STOP");
        // The next missed call texts nobody.
        missedCall("text_suppressed");
        assertThat(deliverQueued()).isEmpty();
    }

    @Test
    void aRedeliveredStopDoesNotUndoALaterStart() {
        String leadId = missedCall();
        deliverQueued();
        String stop = nextMessageSid();
        assertThat(decision(text(stop, "STOP"))).isEqualTo("opted_out");
        assertThat(decision(text("START"))).isEqualTo("opted_in");

        HttpResponse<String> replay = text(stop, "STOP");

        assertThat(decision(replay)).isEqualTo("duplicate");
        assertThat(replay.body()).isEqualTo(EMPTY_TWIML);
        assertThat(consent()).containsEntry("opted_out", false).containsEntry("last_keyword", "START");
        text("1");
        assertThat(deliverQueued()).singleElement().asString().contains("How urgent is it?");
        assertThat(lead(leadId)).containsEntry("conversation_state", "AWAITING_URGENCY");
    }

    @Test
    void aRedeliveredHelpIsNotAnsweredAgain() {
        missedCall();
        String help = nextMessageSid();
        assertThat(decision(text(help, "HELP"))).isEqualTo("help");

        HttpResponse<String> replay = text(help, "HELP");

        assertThat(decision(replay)).isEqualTo("duplicate");
        assertThat(replay.body()).isEqualTo(EMPTY_TWIML);
    }

    @Test
    void oneStartDeliveredConcurrentlyChangesConsentOnceAndIsAnsweredOnce() throws Exception {
        String leadId = missedCall();
        deliverQueued();
        text("STOP");
        String start = nextMessageSid();

        List<HttpResponse<String>> responses = Concurrently.times(8, () -> text(start, "START"));

        assertThat(responses.stream().map(SmsConversationIT::decision))
                .containsOnlyOnce("opted_in")
                .filteredOn("duplicate"::equals)
                .hasSize(7);
        assertThat(responses.stream().map(HttpResponse::body))
                .filteredOn(body -> body.contains("<Message>"))
                .singleElement()
                .asString()
                .contains("resubscribed");
        assertThat(consent()).containsEntry("opted_out", false);
        assertThat(transcript(leadId))
                .filteredOn(m -> "TWIML_REPLY".equals(m.get("delivery_state")))
                .extracting(m -> (String) m.get("body"))
                .filteredOn(body -> body.contains("resubscribed"))
                .hasSize(1);
    }

    @Test
    void helpNamesTheProductAndTheOptOut() {
        missedCall();
        HttpResponse<String> help = text("help");

        assertThat(help.headers().firstValue("X-CallbackCloser-Decision")).contains("help");
        assertThat(help.body())
                .contains("<Message>CallbackCloser: missed-call follow-up texts for Acme Plumbing. "
                        + "Reply STOP to unsubscribe, START to resubscribe.");
        assertThat(consentExists()).isFalse();
    }

    @Test
    void aCallerWithTwoLeadsAnswersTheOpenOne() {
        String older = conversationAt("AWAITING_URGENCY");
        String newer = missedCall();
        SERVICE.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE leads SET conversation_state = 'COMPLETED' WHERE id = :id")
                        .bind("id", UUID.fromString(newer))
                        .execute());
        deliverQueued();

        text("emergency");

        assertThat(lead(older))
                .containsEntry("urgency", "Emergency")
                .containsEntry("conversation_state", "AWAITING_ZIP");
        assertThat(lead(newer)).containsEntry("urgency", null);
    }

    @Test
    void pausedAutomationStoresTheTextButDoesNotAnswer() {
        String leadId = missedCall();
        deliverQueued();
        SERVICE.transactions().inTransaction(r -> {
            r.businesses().updateSubscriptionStatus(business.id(), SubscriptionStatus.CANCELED, Instant.now());
            return null;
        });
        assertThat(text("1").headers().firstValue("X-CallbackCloser-Decision")).contains("billing_inactive");

        SERVICE.transactions().inTransaction(r -> {
            r.businesses().updateSubscriptionStatus(business.id(), SubscriptionStatus.ACTIVE, Instant.now());
            r.leads().markBillingRequired(UUID.fromString(leadId), Instant.now());
            return null;
        });
        assertThat(text("1").headers().firstValue("X-CallbackCloser-Decision")).contains("billing_required");

        assertThat(deliverQueued()).isEmpty();
        assertThat(transcript(leadId))
                .filteredOn(m -> "INBOUND".equals(m.get("direction")))
                .hasSize(2);
        assertThat(lead(leadId)).containsEntry("conversation_state", "AWAITING_SERVICE");
    }

    @Test
    void aTextFromSomeoneWithoutALeadIsKeptAndNotAnswered() {
        HttpResponse<String> response = text("Hi, do you do roofs?");

        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("no_lead");
        assertThat(deliverQueued()).isEmpty();
        int stored = SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM messages WHERE from_number = :c AND lead_id IS NULL AND direction = 'INBOUND'")
                        .bind("c", caller)
                        .mapTo(Integer.class)
                        .one());
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void twoRacingZipRepliesSendTheOwnerSummaryOnce() throws Exception {
        String leadId = conversationAt("AWAITING_ZIP");
        Concurrently.run(List.of(() -> text("12345"), () -> text("12346")));

        assertThat(deliverQueued()).filteredOn(text -> text.startsWith(OWNER)).hasSize(1);
        assertThat(lead(leadId).get("owner_notified_at")).isNotNull();
    }

    @Test
    void anOwnerWhoOptedOutGetsNoSummaryAndTheSuppressionIsKept() {
        SERVICE.transactions().inTransaction(r -> {
            r.consents().recordOptOut(business.id(), OWNER, OWNER, "STOP", null, Instant.now());
            return null;
        });
        String leadId = conversationAt("AWAITING_ZIP");
        text("12345");

        assertThat(deliverQueued()).noneMatch(text -> text.startsWith(OWNER));
        assertThat(transcript(leadId))
                .filteredOn(m -> "OWNER".equals(m.get("participant")))
                .singleElement()
                .satisfies(m -> assertThat(m).containsEntry("delivery_state", "SUPPRESSED"));
    }

    @Test
    void longBodiesAndEmojiAreStoredIntact() {
        String leadId = missedCall();
        deliverQueued();
        String longBody = "Leak under the sink 🚰💧 ".repeat(80) + "end";
        String emoji = "🔧🔥 Zoë's water heater is 💀";

        text(longBody);
        text(emoji);

        assertThat(transcript(leadId))
                .filteredOn(m -> "INBOUND".equals(m.get("direction")))
                .extracting(m -> m.get("body"))
                .containsExactly(longBody, emoji);
        assertThat(longBody.length()).isGreaterThan(1600);
        assertThat(lead(leadId)).containsEntry("service_raw", longBody.strip());
    }

    @Test
    void messageStatusCallbacksMoveForwardOnlyWhateverTheirOrder() {
        String leadId = missedCall();
        deliverQueued();
        Map<String, Object> sent = lastOutbound(leadId);
        String sid = (String) sent.get("twilio_sid");
        String path = "/api/twilio/message-status?messageId=" + sent.get("id");

        assertThat(status(path, sid, "sent", null)).contains("updated");
        assertThat(status(path, sid, "delivered", null)).contains("updated");
        assertThat(status(path, sid, "sent", null)).contains("out_of_order");
        assertThat(status(path, sid, "queued", null)).contains("out_of_order");
        assertThat(lastOutbound(leadId)).containsEntry("twilio_status", "delivered");
    }

    @Test
    void aStatusCallbackThatBeatsTheSendRecordIsNotLost() {
        String leadId = missedCall();
        Map<String, Object> queued = lastOutbound(leadId);
        String path = "/api/twilio/message-status?messageId=" + queued.get("id");
        // Twilio's "sent" callback reaches us before the worker stored Twilio's answer (or after it crashed).
        SERVICE.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE messages SET delivery_state = 'SENDING' WHERE id = :id")
                        .bind("id", queued.get("id"))
                        .execute());

        assertThat(status(path, "SMearly000000000000000000000000000", "undelivered", 30003))
                .contains("updated");

        assertThat(lastOutbound(leadId))
                .containsEntry("delivery_state", "SENT")
                .containsEntry("twilio_sid", "SMearly000000000000000000000000000")
                .containsEntry("twilio_status", "undelivered")
                .containsEntry("last_error_code", 30003);
    }

    @Test
    void aStatusCallbackSayingTheRecipientUnsubscribedRecordsTheOptOut() {
        String leadId = missedCall();
        deliverQueued();
        Map<String, Object> sent = lastOutbound(leadId);

        status(
                "/api/twilio/message-status?messageId=" + sent.get("id"),
                (String) sent.get("twilio_sid"),
                "failed",
                21610);

        assertThat(consent()).containsEntry("opted_out", true);
    }

    private String missedCall() {
        return missedCall("text_queued");
    }

    private String missedCall(String expectedDecision) {
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
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
        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains(expectedDecision);
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT l.id FROM leads l JOIN calls c ON c.id = l.call_id WHERE c.call_sid = :sid")
                        .bind("sid", callSid)
                        .mapTo(String.class)
                        .one());
    }

    /** A lead whose conversation has reached {@code state} by way of real replies. */
    private String conversationAt(String state) {
        String leadId = missedCall();
        for (String reply : List.of("1", "today", "12345", "morning", "Dana")) {
            if (lead(leadId).get("conversation_state").equals(state)) {
                break;
            }
            text(reply);
        }
        assertThat(lead(leadId)).containsEntry("conversation_state", state);
        deliverQueued();
        return leadId;
    }

    private HttpResponse<String> text(String body) {
        return text(nextMessageSid(), body);
    }

    private HttpResponse<String> text(String messageSid, String body) {
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/sms",
                        params(
                                "ToCountry",
                                "US",
                                "SmsMessageSid",
                                messageSid,
                                "NumMedia",
                                "0",
                                "SmsSid",
                                messageSid,
                                "SmsStatus",
                                "received",
                                "Body",
                                body,
                                "To",
                                business.twilioNumber(),
                                "NumSegments",
                                "1",
                                "MessageSid",
                                messageSid,
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID,
                                "From",
                                caller,
                                "ApiVersion",
                                "2010-04-01"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String decision(HttpResponse<String> response) {
        return response.headers().firstValue("X-CallbackCloser-Decision").orElseThrow();
    }

    private String status(String path, String sid, String status, Integer errorCode) {
        Map<String, String> form = params(
                "MessageSid",
                sid,
                "MessageStatus",
                status,
                "SmsSid",
                sid,
                "SmsStatus",
                status,
                "AccountSid",
                TwilioFake.ACCOUNT_SID,
                "From",
                business.twilioNumber(),
                "To",
                caller);
        if (errorCode != null) {
            form.put("ErrorCode", errorCode.toString());
        }
        HttpResponse<String> response = SERVICE.webhooks().post(path, form);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("X-CallbackCloser-Decision").orElseThrow();
    }

    /** Sends everything due through the dispatcher; returns "to: body" of each text that reached Twilio. */
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

    private String servicePrompt() {
        return "Sorry we missed your call - Acme Plumbing here. What do you need? Reply 1 Repair, 2 Install, "
                + "3 Maintenance, or describe it. Reply STOP to opt out.";
    }

    private String nextMessageSid() {
        return String.format("SM%032d", SIDS.incrementAndGet() * 1_000_003L + System.nanoTime() % 1_000_000);
    }

    private Map<String, Object> lead(String leadId) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT * FROM leads WHERE id = :id")
                        .bind("id", UUID.fromString(leadId))
                        .mapToMap()
                        .one());
    }

    private List<Map<String, Object>> transcript(String leadId) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT direction, participant, delivery_state, body FROM messages
                         WHERE lead_id = :id ORDER BY created_at, seq""")
                        .bind("id", UUID.fromString(leadId))
                        .mapToMap()
                        .list());
    }

    /** The last text of the conversation to the caller (a follow-up waiting for its time is not one). */
    private Map<String, Object> lastOutbound(String leadId) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT id, delivery_state, twilio_sid, twilio_status, last_error_code, last_error FROM messages
                         WHERE lead_id = :id AND direction = 'OUTBOUND' AND participant = 'LEAD' AND NOT follow_up
                         ORDER BY seq DESC LIMIT 1""")
                        .bind("id", UUID.fromString(leadId))
                        .mapToMap()
                        .one());
    }

    /** The last outbound text that went through the outbox (not an inline TwiML answer, not the follow-up). */
    private Map<String, Object> lastOutboundByQueue(String leadId) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT id, delivery_state, last_error FROM messages
                         WHERE lead_id = :id AND direction = 'OUTBOUND' AND delivery_state <> 'TWIML_REPLY'
                           AND NOT follow_up
                         ORDER BY seq DESC LIMIT 1""")
                        .bind("id", UUID.fromString(leadId))
                        .mapToMap()
                        .one());
    }

    private int inboundCount(String sid) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM messages WHERE twilio_sid = :sid")
                        .bind("sid", sid)
                        .mapTo(Integer.class)
                        .one());
    }

    private Map<String, Object> consent() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT opted_out, last_keyword FROM sms_consents WHERE business_id = :b AND phone = :p")
                        .bind("b", business.id())
                        .bind("p", caller)
                        .mapToMap()
                        .one());
    }

    private boolean consentExists() {
        return SERVICE.jdbi()
                        .withHandle(h -> h.createQuery(
                                        "SELECT count(*) FROM sms_consents WHERE business_id = :b AND phone = :p")
                                .bind("b", business.id())
                                .bind("p", caller)
                                .mapTo(Integer.class)
                                .one())
                > 0;
    }
}
