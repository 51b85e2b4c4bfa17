package com.callbackcloser.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.HeldResponses;
import com.callbackcloser.api.testing.TestClock;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.twilio.TwilioClients;
import com.callbackcloser.api.twilio.TwilioSmsGateway;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.service.OutboxDispatcher;
import com.callbackcloser.core.service.RetryPolicy;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outbox workers against PostgreSQL and the Twilio fake through the real twilio-java SDK. Nothing here waits for
 * time to pass: tests wait for what they expect to see (a row's state, a request at the fake, a counted decision),
 * for as long as a loaded machine may need; leases run out by moving a {@link TestClock}; a slow Twilio is one
 * whose answer the test holds ({@link HeldResponses}).
 */
class OutboxDeliveryIT {
    /** How long a test may wait for what it expects: only a failing test waits this long. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Nothing is meant to time out unless a test says so: a loaded machine must not make an answer "late". */
    private static final Duration GENEROUS_TIMEOUT = Duration.ofSeconds(30);
    /** For the tests about a timed-out send: the held first answer times out after this. */
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);
    /** Longer than three SHORT_TIMEOUTs, as the configuration requires (SendingLeaseRuleTest). */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static final String CALLER = "+14155550123";
    private static final String SID_TWILIO_HAS = "SMaccepted0before0timeout000000000";

    private final TwilioFake twilio = new TwilioFake();
    private final List<OutboxWorker> workers = new ArrayList<>();
    private Jdbi jdbi;
    private JdbiTransactionRunner transactions;
    private Business business;

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabase.create().jdbi();
        transactions = new JdbiTransactionRunner(jdbi);
        business = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);
    }

    @AfterEach
    void stop() throws Exception {
        for (OutboxWorker worker : workers) {
            worker.stop();
        }
        twilio.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 429})
    void aTransientErrorThenCreatedSendsTheTextOnceAfterARetry(int status) {
        twilio.failThenAccept(1, status);
        UUID id = queue("Hello after a hiccup");
        startWorker(LEASE);

        Eventually.within(WAIT, () -> assertThat(row(id)).containsEntry("delivery_state", "SENT"));
        assertThat(row(id)).containsEntry("attempts", 2);
        assertThat((String) row(id).get("twilio_sid")).startsWith("SM");
        assertThat(twilio.createRequests()).isEqualTo(2);
    }

    @Test
    void unsubscribedRecipientFailsAtOnceAndIsRecordedAsOptedOut() {
        twilio.refuseMessages(400, 21610, "Attempt to send to unsubscribed recipient");
        UUID id = queue("Are you there?");
        startWorker(LEASE);

        Eventually.within(WAIT, () -> assertThat(row(id)).containsEntry("delivery_state", "FAILED"));
        assertThat(row(id)).containsEntry("last_error_code", 21610).containsEntry("attempts", 1);
        assertThat(twilio.createRequests()).isEqualTo(1);
        Map<String, Object> consent = jdbi.withHandle(h -> h.createQuery(
                        "SELECT opted_out, last_keyword FROM sms_consents WHERE business_id = :b AND phone = :p")
                .bind("b", business.id())
                .bind("p", CALLER)
                .mapToMap()
                .one());
        assertThat(consent).containsEntry("opted_out", true).containsEntry("last_keyword", "TWILIO_21610");
    }

    @Test
    void invalidNumberFailsWithoutRetrying() {
        twilio.refuseMessages(400, 21211, "The 'To' number is not a valid phone number.");
        UUID id = queue("Hi");
        startWorker(LEASE);

        Eventually.within(WAIT, () -> assertThat(row(id)).containsEntry("delivery_state", "FAILED"));
        assertThat(row(id)).containsEntry("last_error_code", 21211);
        assertThat(twilio.createRequests()).isEqualTo(1);
    }

    @Test
    void errorsThatOutlastTheRetriesEndInFailure() {
        twilio.refuseMessages(503, 20503, "Service Unavailable");
        UUID id = queue("Hi");
        startWorker(LEASE);

        Eventually.within(WAIT, () -> assertThat(row(id)).containsEntry("delivery_state", "FAILED"));
        assertThat(row(id)).containsEntry("attempts", 4).containsEntry("last_error_code", 20503);
        assertThat(twilio.createRequests()).isEqualTo(4);
    }

    @Test
    void twoWorkersOnOneDatabaseSendEachMessageExactlyOnceAndInOrderPerRecipient() {
        twilio.acceptMessagesAfter(Duration.ofMillis(5));
        List<UUID> ids = new ArrayList<>();
        Map<String, List<String>> queuedPerRecipient = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            String to = String.format("+1415555%04d", 1000 + i % 20);
            String body = "message " + i;
            ids.add(queue(to, body, Instant.now()));
            queuedPerRecipient.computeIfAbsent(to, r -> new ArrayList<>()).add(body);
        }
        startWorker(LEASE);
        startWorker(LEASE);

        Eventually.within(WAIT, () -> assertThat(states()).containsOnly("SENT").hasSize(200));
        List<String> bodies =
                twilio.sentMessages().stream().map(form -> form.get("Body")).toList();
        assertThat(bodies).hasSize(200).doesNotHaveDuplicates();
        Map<String, List<String>> sentPerRecipient = new LinkedHashMap<>();
        twilio.sentMessages()
                .forEach(form -> sentPerRecipient
                        .computeIfAbsent(form.get("To"), r -> new ArrayList<>())
                        .add(form.get("Body")));
        assertThat(sentPerRecipient).isEqualTo(queuedPerRecipient);
        int distinctSids = jdbi.withHandle(h -> h.createQuery("SELECT count(DISTINCT twilio_sid) FROM messages")
                .mapTo(Integer.class)
                .one());
        assertThat(distinctSids).isEqualTo(200);
        assertThat(ids).allSatisfy(id -> assertThat(row(id)).containsEntry("attempts", 1));
    }

    @Test
    void aSendThatTimedOutIsLookedUpAndNotResentWhenTwilioHasIt() {
        HeldResponses held = twilio.holdFirstMessageThenAccept();
        TestClock clock = new TestClock(Instant.now());
        UUID id = queue(CALLER, "Did this arrive?", clock.instant());
        MetricRegistry metrics = startWorker(LEASE, clock, SHORT_TIMEOUT);

        HeldResponses.Held send = held.awaitArrival();
        // Twilio took it (it lists it) but answers too late for the client.
        twilio.listMessages(business.twilioNumber(), CALLER, Map.of(SID_TWILIO_HAS, "Did this arrive?"));
        Eventually.within(
                WAIT, () -> assertThat(decisions(metrics, "outcome_unknown")).isEqualTo(1));
        send.release();
        assertThat(row(id)).containsEntry("delivery_state", "SENDING");

        leaseRunsOutUntil(
                clock,
                () -> assertThat(row(id))
                        .containsEntry("delivery_state", "SENT")
                        .containsEntry("twilio_sid", SID_TWILIO_HAS)
                        .containsEntry("attempts", 1));
        assertThat(twilio.createRequests()).isEqualTo(1);
    }

    @Test
    void aSendWhoseLookUpsFailForAWhileIsStillFoundLaterAndNotResent() {
        HeldResponses held = twilio.holdFirstMessageThenAccept();
        twilio.refuseLookUps(503, 20503, "Service Unavailable");
        TestClock clock = new TestClock(Instant.now());
        UUID id = queue(CALLER, "Did this arrive?", clock.instant());
        MetricRegistry metrics = startWorker(LEASE, clock, SHORT_TIMEOUT);
        HeldResponses.Held send = held.awaitArrival();
        Eventually.within(
                WAIT, () -> assertThat(decisions(metrics, "outcome_unknown")).isEqualTo(1));
        send.release();

        // Twilio's API cannot be asked for three leases of three minutes: the text is held, not resent.
        for (int lookUps = 1; lookUps <= 3; lookUps++) {
            clock.advance(Duration.ofMinutes(3));
            int expected = lookUps;
            Eventually.within(WAIT, () -> assertThat(twilio.lookUps()).isEqualTo(expected));
        }
        assertThat(row(id)).containsEntry("delivery_state", "SENDING");

        // Then it answers, listing the message created when the send began, nine minutes ago by now.
        twilio.listMessages(business.twilioNumber(), CALLER, Map.of(SID_TWILIO_HAS, "Did this arrive?"));
        leaseRunsOutUntil(
                clock,
                () -> assertThat(row(id))
                        .containsEntry("delivery_state", "SENT")
                        .containsEntry("twilio_sid", SID_TWILIO_HAS));
        assertThat(twilio.createRequests()).isEqualTo(1);
    }

    @Test
    void aSendInterruptedBeforeTwilioHadItIsSentOnceAfterTheLease() {
        twilio.acceptMessages();
        twilio.listMessages(business.twilioNumber(), CALLER, Map.of());
        UUID id = queue("Second chance");
        // A worker claimed it and died: SENDING, with a lease long gone.
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE messages SET delivery_state = 'SENDING', attempts = 1,
                               sending_started_at = now() - interval '10 minutes' WHERE id = :id""").bind("id", id).execute());
        startWorker(LEASE);

        Eventually.within(WAIT, () -> assertThat(row(id)).containsEntry("delivery_state", "SENT"));
        assertThat(twilio.createRequests()).isEqualTo(1);
        assertThat(twilio.allRequests())
                .anySatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
    }

    private void startWorker(Duration lease) {
        startWorker(lease, Clock.systemUTC(), GENEROUS_TIMEOUT);
    }

    /** @return the registry its decisions are counted in */
    private MetricRegistry startWorker(Duration lease, Clock clock, Duration twilioTimeout) {
        OutboxDispatcher dispatcher = new OutboxDispatcher(
                transactions,
                new TwilioSmsGateway(
                        TwilioClients.restClient(
                                TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, twilio.baseUrl(), twilioTimeout),
                        id -> "https://callbacks.example.test/api/twilio/message-status?messageId=" + id),
                new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(200)),
                clock,
                Math::random);
        MetricRegistry metrics = new MetricRegistry();
        OutboxWorker worker =
                new OutboxWorker(dispatcher, 8, Duration.ofMillis(100), lease, clock, new Decisions(metrics));
        workers.add(worker);
        worker.start();
        return metrics;
    }

    /**
     * Moves the worker's clock past the lease until {@code check} passes. Each move lets the worker look the send up
     * once more, so a look-up that failed on a loaded machine (its answer late) is simply tried again.
     */
    private static void leaseRunsOutUntil(TestClock clock, Eventually.Check check) {
        Eventually.within(WAIT, () -> {
            clock.advance(LEASE.plusSeconds(1));
            check.run();
        });
    }

    private static long decisions(MetricRegistry metrics, String decision) {
        return metrics.counter("callbackcloser.decisions.outbox." + decision).getCount();
    }

    private UUID queue(String body) {
        return queue(CALLER, body, Instant.now());
    }

    private UUID queue(String to, String body, Instant now) {
        return transactions.inTransaction(r -> r.outbox()
                .enqueue(
                        new OutboundSms(business.id(), null, Participant.LEAD, business.twilioNumber(), to, body),
                        DeliveryState.QUEUED,
                        now));
    }

    private Map<String, Object> row(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT delivery_state, attempts, twilio_sid, last_error_code, last_error
                          FROM messages WHERE id = :id""").bind("id", id).mapToMap().one());
    }

    private List<String> states() {
        return jdbi.withHandle(h -> h.createQuery("SELECT delivery_state FROM messages")
                .mapTo(String.class)
                .list());
    }
}
