package com.callbackcloser.db.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.dao.OutboxDao;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At most one text in flight per (business number, recipient), in the order queued: decided by the claim
 * statement on PostgreSQL, so it holds for any number of workers on any number of instances.
 */
class OutboxRecipientOrderIT {
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private static final String ANA = "+14155550123";
    private static final String BEN = "+14155550124";

    private Jdbi jdbi;
    private JdbiTransactionRunner transactions;
    private Business business;

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabase.create().jdbi();
        transactions = new JdbiTransactionRunner(jdbi);
        business = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);
    }

    @Test
    void aClaimTakesOnlyTheFirstQueuedTextOfEachRecipientAndTheNextOnceItIsSettled() {
        UUID ana1 = queue(ANA, "ana 1", NOW);
        UUID ana2 = queue(ANA, "ana 2", NOW);
        queue(ANA, "ana 3", NOW);
        UUID ben1 = queue(BEN, "ben 1", NOW);

        assertThat(ids(claim(NOW))).containsExactlyInAnyOrder(ana1, ben1);
        assertThat(claim(NOW)).as("the first texts are in flight").isEmpty();
        settle(ana1);
        assertThat(ids(claim(NOW))).containsExactly(ana2);
    }

    @Test
    void aTextWaitingForARetryHoldsBackTheTextsQueuedAfterIt() {
        UUID first = queue(ANA, "first", NOW);
        claim(NOW);
        transactions.inTransaction(r -> {
            r.outbox().reschedule(first, NOW.plusSeconds(30), 503, "Service Unavailable", NOW);
            return null;
        });
        UUID second = queue(ANA, "second", NOW.plusSeconds(1));

        assertThat(claim(NOW.plusSeconds(10))).isEmpty();
        assertThat(nextDueAt())
                .as("the held text is not due: it waits for the retry")
                .contains(NOW.plusSeconds(30));
        assertThat(ids(claim(NOW.plusSeconds(30)))).containsExactly(first);
        transactions.inTransaction(r -> {
            r.outbox().markFailed(first, 20503, "retries used up", NOW.plusSeconds(31));
            return null;
        });
        assertThat(ids(claim(NOW.plusSeconds(31)))).containsExactly(second);
    }

    @Test
    void aTextForLaterDoesNotHoldBackOneDueNow() {
        UUID later = transactions.inTransaction(r -> r.outbox()
                .enqueue(
                        new OutboundSms(
                                business.id(),
                                null,
                                Participant.LEAD,
                                business.twilioNumber(),
                                ANA,
                                "tomorrow",
                                NOW.plus(Duration.ofHours(2)),
                                null),
                        DeliveryState.QUEUED,
                        NOW));
        UUID now = queue(ANA, "now", NOW.plusSeconds(60));

        assertThat(ids(claim(NOW.plusSeconds(60)))).containsExactly(now);
        settle(now);
        assertThat(ids(claim(NOW.plus(Duration.ofHours(2))))).containsExactly(later);
    }

    @Test
    void concurrentClaimsTakeOneTextPerRecipientBetweenThem() {
        UUID ana1 = queue(ANA, "ana 1", NOW);
        queue(ANA, "ana 2", NOW);
        UUID ben1 = queue(BEN, "ben 1", NOW);
        queue(BEN, "ben 2", NOW);

        try (Handle first = jdbi.open();
                Handle second = jdbi.open()) {
            first.begin();
            List<OutboundMessage> claimedFirst = first.attach(OutboxDao.class).claimDue(NOW, 1);
            // Not committed: its row is locked and skipped, and the texts behind it are not the first of their queue.
            second.begin();
            List<OutboundMessage> claimedSecond = second.attach(OutboxDao.class).claimDue(NOW, 10);
            first.commit();
            second.commit();

            assertThat(ids(claimedFirst)).containsExactly(ana1);
            assertThat(ids(claimedSecond)).containsExactly(ben1);
        }
        assertThat(claim(NOW)).isEmpty();
    }

    @Test
    void anIdleWorkerIsNotToldToWakeForATextHeldBehindOneInFlight() {
        queue(ANA, "in flight", NOW);
        claim(NOW);
        queue(ANA, "behind it", NOW);

        assertThat(nextDueAt()).isEmpty();
    }

    @Test
    void suppressingAPhonesQueueLeavesTheTextInFlightAndOtherPhonesAlone() {
        UUID inFlight = queue(ANA, "in flight", NOW);
        claim(NOW);
        UUID behind1 = queue(ANA, "behind 1", NOW);
        UUID behind2 = queue(ANA, "behind 2", NOW);
        UUID other = queue(BEN, "other", NOW);

        List<UUID> suppressed = transactions.inTransaction(
                r -> r.outbox().suppressQueued(business.id(), ANA, "recipient opted out", NOW));

        assertThat(suppressed).containsExactlyInAnyOrder(behind1, behind2);
        assertThat(states())
                .containsEntry(inFlight, "SENDING")
                .containsEntry(behind1, "SUPPRESSED")
                .containsEntry(behind2, "SUPPRESSED")
                .containsEntry(other, "QUEUED");
    }

    @Test
    void aSendLookedUpAgainAfterAFailedLookupStillSearchesFromWhenItWasSent() {
        UUID id = queue(ANA, "timed out", NOW);
        claim(NOW);
        Duration lease = Duration.ofMinutes(2);

        // Twilio could not be asked on the first look-up; the row is held, then looked up again a lease later.
        Instant firstLookUp = NOW.plus(Duration.ofMinutes(3));
        List<OutboundMessage> first = claimStale(firstLookUp.minus(lease), firstLookUp);
        Instant secondLookUp = firstLookUp.plus(Duration.ofMinutes(3));
        assertThat(claimStale(secondLookUp.minus(Duration.ofMinutes(4)), secondLookUp))
                .as("the first look-up restarted the lease")
                .isEmpty();
        List<OutboundMessage> second = claimStale(secondLookUp.minus(lease), secondLookUp);

        assertThat(first)
                .singleElement()
                .satisfies(m -> assertThat(m.sendingStartedAt()).isEqualTo(NOW));
        assertThat(second).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.sendingStartedAt())
                    .as("a later look-up must still find a message Twilio created when the send began")
                    .isEqualTo(NOW);
        });
    }

    private UUID queue(String to, String body, Instant at) {
        return transactions.inTransaction(r -> r.outbox()
                .enqueue(
                        new OutboundSms(business.id(), null, Participant.LEAD, business.twilioNumber(), to, body),
                        DeliveryState.QUEUED,
                        at));
    }

    private List<OutboundMessage> claim(Instant at) {
        return transactions.inTransaction(r -> r.outbox().claimDue(at, 10));
    }

    private List<OutboundMessage> claimStale(Instant startedBefore, Instant at) {
        return transactions.inTransaction(r -> r.outbox().claimStale(startedBefore, at, 10));
    }

    private Optional<Instant> nextDueAt() {
        return transactions.inTransaction(r -> r.outbox().nextDueAt());
    }

    private void settle(UUID id) {
        transactions.inTransaction(r -> {
            r.outbox().markSent(id, "SM" + id.toString().replace("-", ""), "queued", NOW);
            return null;
        });
    }

    private static List<UUID> ids(List<OutboundMessage> messages) {
        return messages.stream().map(OutboundMessage::id).toList();
    }

    private Map<UUID, String> states() {
        Map<UUID, String> states = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, delivery_state FROM messages")
                .mapToMap()
                .forEach(row -> states.put((UUID) row.get("id"), (String) row.get("delivery_state"))));
        return states;
    }
}
