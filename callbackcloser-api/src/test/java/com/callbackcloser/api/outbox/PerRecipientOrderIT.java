package com.callbackcloser.api.outbox;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.HeldResponses;
import com.callbackcloser.api.testing.ServiceUnderTest;
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
import com.callbackcloser.db.testing.TestBusinesses;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * At most one text in flight per (business number, recipient), in the order queued, across two worker instances,
 * while texts to different recipients go in parallel. Twilio's answers are held until the test releases them
 * ({@link HeldResponses}), so "in flight" is a state the test sees and ends, not a delay it guesses.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PerRecipientOrderIT {
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures("outbox.enabled", "false");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger CALLERS = new AtomicInteger();
    private static final AtomicInteger SIDS = new AtomicInteger();

    private final List<OutboxWorker> workers = new ArrayList<>();
    private HeldResponses twilio;
    private Business business;

    @BeforeEach
    void heldTwilio() {
        SERVICE.twilio.reset();
        twilio = SERVICE.twilio.holdMessages();
        business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
    }

    @AfterEach
    void stopWorkers() throws Exception {
        twilio.releaseAll();
        for (OutboxWorker worker : workers) {
            worker.stop();
        }
    }

    @Test
    void twoTextsToOneCallerGoOneAtATimeInTheOrderQueuedWhileOtherCallersGoInParallel() {
        String ana = newCaller();
        String ben = newCaller();
        UUID first = queue(ana, "first");
        UUID second = queue(ana, "second");
        startWorkers(2);

        HeldResponses.Held toAna = twilio.awaitArrival();
        assertThat(toAna.to()).isEqualTo(ana);
        assertThat(toAna.body()).isEqualTo("first");

        // Ben's text is queued after Ana's second and reaches Twilio while Ana's first is still in flight: the
        // workers claimed again, and left Ana's second waiting.
        UUID toBen = queue(ben, "to ben");
        HeldResponses.Held benInFlight = twilio.awaitArrival();
        assertThat(benInFlight.to()).isEqualTo(ben);
        assertThat(row(second)).containsEntry("delivery_state", "QUEUED").containsEntry("attempts", 0);
        assertThat(twilio.arrivedSoFar()).isEmpty();

        toAna.release();
        HeldResponses.Held next = twilio.awaitArrival();
        assertThat(next.to()).isEqualTo(ana);
        assertThat(next.body()).isEqualTo("second");
        next.release();
        benInFlight.release();

        for (UUID id : List.of(first, second, toBen)) {
            Eventually.within(WAIT, () -> assertThat(row(id)).containsEntry("delivery_state", "SENT"));
        }
        assertThat(bodiesSentTo(ana)).containsExactly("first", "second");
    }

    @Test
    void aStopWhileATextIsInFlightMeansTheTextsQueuedBehindItAreNeverSent() {
        String ana = newCaller();
        UUID first = queue(ana, "first");
        UUID second = queue(ana, "second");
        UUID third = queue(ana, "third");
        startWorkers(2);

        HeldResponses.Held inFlight = twilio.awaitArrival();
        assertThat(inFlight.body()).isEqualTo("first");
        HttpResponse<String> stop = text(ana, "STOP");
        assertThat(stop.headers().firstValue("X-CallbackCloser-Decision")).contains("opted_out");
        inFlight.release();

        Eventually.within(WAIT, () -> assertThat(row(first)).containsEntry("delivery_state", "SENT"));
        assertThat(row(second))
                .containsEntry("delivery_state", "SUPPRESSED")
                .containsEntry("last_error", "recipient opted out");
        assertThat(row(third)).containsEntry("delivery_state", "SUPPRESSED");
        assertThat(bodiesSentTo(ana)).containsExactly("first");
    }

    @Test
    void manyTextsToThreeCallersKeepEachCallersOrderAcrossTwoWorkersAndGoInParallel() {
        List<String> callers = List.of(newCaller(), newCaller(), newCaller());
        Map<String, List<String>> queued = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            for (String caller : callers) {
                String body = "text " + i;
                queue(caller, body);
                queued.computeIfAbsent(caller, c -> new ArrayList<>()).add(body);
            }
        }
        startWorkers(2);

        // Which caller's text Twilio answers first is drawn from a fixed seed, so a failure replays exactly.
        Random random = new Random(20261204L);
        Map<String, HeldResponses.Held> inFlight = new HashMap<>();
        Map<String, List<String>> arrived = new HashMap<>();
        int mostInFlight = 0;
        for (int n = 0; n < 12; n++) {
            // Answer one only when nothing else can arrive: every caller with texts left has one in flight.
            while (callers.stream()
                    .noneMatch(c -> !inFlight.containsKey(c)
                            && arrived.getOrDefault(c, List.of()).size()
                                    < queued.get(c).size())) {
                List<String> answerable = new ArrayList<>(inFlight.keySet());
                answerable.sort(null);
                inFlight.remove(answerable.get(random.nextInt(answerable.size())))
                        .release();
            }
            HeldResponses.Held held = twilio.awaitArrival();
            assertThat(inFlight)
                    .as("a second text to %s reached Twilio while one was in flight", held.to())
                    .doesNotContainKey(held.to());
            inFlight.put(held.to(), held);
            arrived.computeIfAbsent(held.to(), c -> new ArrayList<>()).add(held.body());
            mostInFlight = Math.max(mostInFlight, inFlight.size());
        }
        inFlight.values().forEach(HeldResponses.Held::release);

        assertThat(arrived).isEqualTo(queued);
        assertThat(mostInFlight).as("callers are served in parallel").isEqualTo(3);
        Eventually.within(
                WAIT,
                () -> assertThat(statesOfThisBusiness()).containsOnly("SENT").hasSize(12));
    }

    private void startWorkers(int instances) {
        for (int i = 0; i < instances; i++) {
            OutboxDispatcher dispatcher = new OutboxDispatcher(
                    SERVICE.transactions(),
                    new TwilioSmsGateway(
                            TwilioClients.restClient(
                                    TwilioFake.ACCOUNT_SID,
                                    TwilioFake.AUTH_TOKEN,
                                    SERVICE.twilio.baseUrl(),
                                    // Held answers must not time out: nothing here is about timeouts.
                                    Duration.ofSeconds(60)),
                            id -> ServiceUnderTest.PUBLIC_URL + "/api/twilio/message-status?messageId=" + id),
                    new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10)),
                    Clock.systemUTC(),
                    () -> 0.5);
            OutboxWorker worker = new OutboxWorker(
                    dispatcher,
                    8,
                    Duration.ofMillis(100),
                    Duration.ofMinutes(5),
                    Clock.systemUTC(),
                    new Decisions(new MetricRegistry()));
            workers.add(worker);
            worker.start();
        }
    }

    private UUID queue(String to, String body) {
        return SERVICE.transactions()
                .inTransaction(r -> r.outbox()
                        .enqueue(
                                new OutboundSms(
                                        business.id(), null, Participant.LEAD, business.twilioNumber(), to, body),
                                DeliveryState.QUEUED,
                                Instant.now()));
    }

    private HttpResponse<String> text(String from, String body) {
        String sid = String.format("SM%032d", SIDS.incrementAndGet() * 1_000_003L + System.nanoTime() % 1_000_000);
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/sms",
                        params(
                                "MessageSid", sid,
                                "SmsSid", sid,
                                "AccountSid", TwilioFake.ACCOUNT_SID,
                                "From", from,
                                "To", business.twilioNumber(),
                                "Body", body,
                                "NumMedia", "0"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String newCaller() {
        return String.format("+1415555%04d", 3000 + CALLERS.incrementAndGet());
    }

    private Map<String, Object> row(UUID id) {
        return SERVICE.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT delivery_state, attempts, last_error FROM messages WHERE id = :id")
                                .bind("id", id)
                                .mapToMap()
                                .one());
    }

    private List<String> statesOfThisBusiness() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                                SELECT delivery_state FROM messages
                                 WHERE business_id = :b AND direction = 'OUTBOUND' AND delivery_state <> 'TWIML_REPLY'
                                """)
                        .bind("b", business.id())
                        .mapTo(String.class)
                        .list());
    }

    private List<String> bodiesSentTo(String to) {
        return SERVICE.twilio.sentMessages().stream()
                .filter(form -> to.equals(form.get("To")))
                .map(form -> form.get("Body"))
                .toList();
    }
}
