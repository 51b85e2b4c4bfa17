package com.callbackcloser.db.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.CallStatus;
import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.out.DialResultRecord;
import com.callbackcloser.db.OutboxListener;
import com.callbackcloser.db.dao.OutboxDao;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private static final String CALLER = "+14155550123";

    private TestDatabase database;
    private Jdbi jdbi;
    private JdbiTransactionRunner transactions;
    private Business business;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.create();
        jdbi = database.jdbi();
        transactions = new JdbiTransactionRunner(jdbi);
        business = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);
    }

    @Test
    void concurrentClaimsNeverTakeTheSameMessage() throws Exception {
        // Ten recipients: texts to one recipient go one at a time (OutboxRecipientOrderIT).
        for (int i = 0; i < 10; i++) {
            String to = "+1415555020" + i;
            transactions.inTransaction(r -> r.outbox()
                    .enqueue(
                            new OutboundSms(business.id(), null, Participant.LEAD, business.twilioNumber(), to, "hi"),
                            DeliveryState.QUEUED,
                            NOW));
        }
        try (Handle first = jdbi.open();
                Handle second = jdbi.open()) {
            first.begin();
            List<OutboundMessage> claimedFirst = first.attach(OutboxDao.class).claimDue(NOW, 6);
            // The first claim is not committed: its rows stay locked and are skipped, not waited for.
            second.begin();
            List<OutboundMessage> claimedSecond = second.attach(OutboxDao.class).claimDue(NOW, 6);
            first.commit();
            second.commit();

            assertThat(claimedFirst).hasSize(6);
            assertThat(claimedSecond).hasSize(4);
            Set<UUID> ids = new HashSet<>();
            claimedFirst.forEach(m -> ids.add(m.id()));
            claimedSecond.forEach(m -> ids.add(m.id()));
            assertThat(ids).hasSize(10);
        }
        assertThat(states()).containsOnly(DeliveryState.SENDING.name());
    }

    @Test
    void claimCountsTheAttemptAndOnlyTakesDueMessages() {
        UUID due = queue("due");
        transactions.inTransaction(r -> r.outbox().claimDue(NOW, 10));
        transactions.inTransaction(r -> {
            r.outbox().reschedule(due, NOW.plusSeconds(30), 503, "Service Unavailable", NOW);
            return null;
        });

        List<OutboundMessage> early = transactions.inTransaction(r -> r.outbox().claimDue(NOW.plusSeconds(29), 10));
        assertThat(early).isEmpty();
        Optional<Instant> nextDue = transactions.inTransaction(r -> r.outbox().nextDueAt());
        assertThat(nextDue).contains(NOW.plusSeconds(30));
        List<OutboundMessage> retried =
                transactions.inTransaction(r -> r.outbox().claimDue(NOW.plusSeconds(30), 10));
        assertThat(retried)
                .singleElement()
                .satisfies(m -> assertThat(m.attempts()).isEqualTo(2));
    }

    @Test
    void staleClaimReportsWhenTheInterruptedSendStartedAndRestartsTheLease() {
        UUID id = queue("stale");
        transactions.inTransaction(r -> r.outbox().claimDue(NOW, 10));

        Instant later = NOW.plus(Duration.ofMinutes(5));
        List<OutboundMessage> none = transactions.inTransaction(r -> r.outbox().claimStale(NOW, later, 10));
        assertThat(none).isEmpty();
        List<OutboundMessage> stale =
                transactions.inTransaction(r -> r.outbox().claimStale(later.minus(Duration.ofMinutes(2)), later, 10));

        assertThat(stale).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.sendingStartedAt()).isEqualTo(NOW);
        });
        List<OutboundMessage> leaseRestarted =
                transactions.inTransaction(r -> r.outbox().claimStale(later.minusSeconds(1), later, 10));
        assertThat(leaseRestarted).isEmpty();
    }

    @Test
    void aSettledMessageIgnoresALateResultFromItsOldWorker() {
        UUID id = queue("settled");
        transactions.inTransaction(r -> r.outbox().claimDue(NOW, 10));
        transactions.inTransaction(r -> {
            r.outbox().markSent(id, "SM-recovered", "sent", NOW);
            r.outbox().markFailed(id, 30003, "late failure from a worker that lost its lease", NOW);
            r.outbox().reschedule(id, NOW, null, "late", NOW);
            return null;
        });

        String stored = jdbi.withHandle(h -> h.createQuery("SELECT delivery_state || ' ' || twilio_sid FROM messages")
                .mapTo(String.class)
                .one());
        assertThat(stored).isEqualTo("SENT SM-recovered");
    }

    @Test
    void suppressedMessagesAreStoredButNeverClaimed() {
        transactions.inTransaction(r -> r.outbox().enqueue(sms("opted out"), DeliveryState.SUPPRESSED, NOW));

        List<OutboundMessage> claimed =
                transactions.inTransaction(r -> r.outbox().claimDue(NOW.plusSeconds(60), 10));
        assertThat(claimed).isEmpty();
        assertThat(states()).containsExactly("SUPPRESSED");
    }

    @Test
    void workersAreNotifiedWhenTheQueueingTransactionCommitsNotBefore() throws Exception {
        Semaphore notified = new Semaphore(0);
        CountDownLatch listening = new CountDownLatch(1);
        try (OutboxListener listener = new OutboxListener(
                () -> database.dataSource().getConnection(),
                () -> {
                    if (listening.getCount() > 0) {
                        listening.countDown();
                    } else {
                        notified.release();
                    }
                },
                Duration.ofMillis(100))) {
            listener.start();
            assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();

            try (Handle handle = jdbi.open()) {
                handle.begin();
                new JdbiOutboxRepositoryFactory(handle).outbox().enqueue(sms("wake up"), DeliveryState.QUEUED, NOW);
                assertThat(notified.tryAcquire(300, TimeUnit.MILLISECONDS))
                        .as("notified before commit")
                        .isFalse();
                handle.commit();
            }
            assertThat(notified.tryAcquire(5, TimeUnit.SECONDS))
                    .as("notified after commit")
                    .isTrue();
        }
    }

    @Test
    void aLeadHasOneFollowUpEverHoweverOftenItIsScheduled() {
        UUID lead = lead("CA-follow-up-once", CALLER);
        assertThat(scheduleFollowUp(lead, CALLER, NOW.plus(Duration.ofHours(2))))
                .isTrue();
        assertThat(scheduleFollowUp(lead, CALLER, NOW.plus(Duration.ofHours(3))))
                .isFalse();

        // The caller wrote back: the untried follow-up is gone, and the next question may queue one.
        assertThat(cancelFollowUps(CALLER)).isEqualTo(1);
        assertThat(followUpStates()).isEmpty();
        assertThat(scheduleFollowUp(lead, CALLER, NOW.plus(Duration.ofHours(4))))
                .isTrue();
        List<OutboundMessage> due =
                transactions.inTransaction(r -> r.outbox().claimDue(NOW.plus(Duration.ofHours(4)), 10));
        assertThat(due).hasSize(1);
        transactions.inTransaction(r -> {
            r.outbox().markSent(due.get(0).id(), "SMfollowup", "queued", NOW);
            return null;
        });

        // Sent: nothing to cancel, and no second one, ever.
        assertThat(cancelFollowUps(CALLER)).isZero();
        assertThat(scheduleFollowUp(lead, CALLER, NOW.plus(Duration.ofHours(9))))
                .isFalse();
        assertThat(followUpStates()).containsExactly("SENT");
    }

    @Test
    void racingSchedulesForOneLeadQueueOneFollowUp() throws Exception {
        UUID lead = lead("CA-follow-up-race", CALLER);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return scheduleFollowUp(lead, CALLER, NOW.plus(Duration.ofHours(2)));
            }));
        }
        start.countDown();
        int queued = 0;
        for (Future<Boolean> result : results) {
            queued += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(queued).isEqualTo(1);
        assertThat(followUpStates()).containsExactly("QUEUED");
    }

    @Test
    void aReplySettlesARetriedFollowUpAndLeavesAClaimedOneAlone() {
        String retriedCaller = "+14155550124";
        String claimedCaller = "+14155550125";
        UUID retried = lead("CA-follow-up-retried", retriedCaller);
        UUID claimed = lead("CA-follow-up-claimed", claimedCaller);
        scheduleFollowUp(retried, retriedCaller, NOW);
        scheduleFollowUp(claimed, claimedCaller, NOW);
        for (OutboundMessage message :
                transactions.inTransaction(r -> r.outbox().claimDue(NOW, 10))) {
            if (message.to().equals(retriedCaller)) {
                transactions.inTransaction(r -> {
                    r.outbox().reschedule(message.id(), NOW.plusSeconds(30), 503, "Service Unavailable", NOW);
                    return null;
                });
            }
        }

        assertThat(cancelFollowUps(retriedCaller)).isEqualTo(1);
        assertThat(cancelFollowUps(claimedCaller)).isZero();

        // It may have reached the phone on the first try: settled, and still the lead's one.
        assertThat(followUpState(retriedCaller)).isEqualTo("SUPPRESSED");
        assertThat(scheduleFollowUp(retried, retriedCaller, NOW.plus(Duration.ofHours(2))))
                .isFalse();
        assertThat(followUpState(claimedCaller)).isEqualTo("SENDING");
    }

    private UUID lead(String callSid, String caller) {
        return transactions.inTransaction(r -> {
            UUID callId = r.calls()
                    .recordDialResult(
                            new DialResultRecord(
                                    business.id(),
                                    callSid,
                                    null,
                                    null,
                                    caller,
                                    caller,
                                    business.twilioNumber(),
                                    business.twilioNumber(),
                                    "no-answer",
                                    CallStatus.MISSED,
                                    null,
                                    null,
                                    null,
                                    false,
                                    true,
                                    "{}"),
                            NOW);
            return r.leads()
                    .findOrCreateForCall(business.id(), callId, caller, caller, NOW)
                    .id();
        });
    }

    private boolean scheduleFollowUp(UUID lead, String caller, Instant dueAt) {
        return transactions
                .inTransaction(r -> r.outbox()
                        .scheduleFollowUp(
                                new OutboundSms(
                                        business.id(),
                                        lead,
                                        Participant.LEAD,
                                        business.twilioNumber(),
                                        caller,
                                        "Still need help?",
                                        dueAt,
                                        null),
                                NOW))
                .isPresent();
    }

    private int cancelFollowUps(String caller) {
        return transactions
                .inTransaction(r -> r.outbox().cancelFollowUps(business.id(), caller, NOW))
                .size();
    }

    private List<String> followUpStates() {
        return jdbi.withHandle(h -> h.createQuery("SELECT delivery_state FROM messages WHERE follow_up")
                .mapTo(String.class)
                .list());
    }

    private String followUpState(String caller) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT delivery_state FROM messages WHERE follow_up AND to_number = :to")
                        .bind("to", caller)
                        .mapTo(String.class)
                        .one());
    }

    private UUID queue(String body) {
        return transactions.inTransaction(r -> r.outbox().enqueue(sms(body), DeliveryState.QUEUED, NOW));
    }

    private OutboundSms sms(String body) {
        return new OutboundSms(business.id(), null, Participant.LEAD, business.twilioNumber(), "+14155550123", body);
    }

    private List<String> states() {
        return jdbi.withHandle(h -> h.createQuery("SELECT delivery_state FROM messages")
                .mapTo(String.class)
                .list());
    }

    /** The outbox repository on a handle whose transaction the test controls. */
    private record JdbiOutboxRepositoryFactory(Handle handle) {
        JdbiOutboxRepository outbox() {
            return new JdbiOutboxRepository(handle.attach(OutboxDao.class));
        }
    }
}
