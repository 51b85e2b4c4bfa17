package com.callbackcloser.db.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ClaimedWebhook;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.WebhookDeliveryState;
import com.callbackcloser.core.model.WebhookEndpoint;
import com.callbackcloser.core.model.WebhookEvent;
import com.callbackcloser.core.model.WebhookEventType;
import com.callbackcloser.db.dao.WebhookDao;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");

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
    void anEventIsQueuedOncePerSubscribedEndpointAndOncePerDedupeKey() {
        endpoint(EnumSet.of(WebhookEventType.LEAD_CREATED));
        endpoint(EnumSet.allOf(WebhookEventType.class));
        endpoint(EnumSet.of(WebhookEventType.MESSAGE_RECEIVED));

        assertThat(publish(WebhookEventType.LEAD_CREATED, "lead.created:1")).isEqualTo(2);
        assertThat(publish(WebhookEventType.LEAD_CREATED, "lead.created:1")).isZero();
        assertThat(publish(WebhookEventType.LEAD_COMPLETED, "lead.completed:1")).isEqualTo(1);
        assertThat(publish(WebhookEventType.LEAD_STATUS_CHANGED, null)).isEqualTo(1);
        assertThat(publish(WebhookEventType.LEAD_STATUS_CHANGED, null)).isEqualTo(1);
    }

    @Test
    void withoutASubscribedEndpointNothingIsStored() {
        UUID disabled = endpoint(EnumSet.allOf(WebhookEventType.class));
        transactions.inTransaction(r -> r.webhooks().disableEndpoint(business.id(), disabled, NOW));

        assertThat(publish(WebhookEventType.LEAD_CREATED, "lead.created:1")).isZero();
        int events = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM webhook_events")
                .mapTo(Integer.class)
                .one());
        assertThat(events).isZero();
    }

    @Test
    void concurrentClaimsNeverTakeTheSameDelivery() {
        endpoint(EnumSet.of(WebhookEventType.LEAD_STATUS_CHANGED));
        for (int i = 0; i < 10; i++) {
            publish(WebhookEventType.LEAD_STATUS_CHANGED, null);
        }
        try (Handle first = jdbi.open();
                Handle second = jdbi.open()) {
            first.begin();
            List<ClaimedWebhook> claimedFirst = first.attach(WebhookDao.class).claimDue(NOW, NOW.minusSeconds(120), 6);
            // Not committed yet: its rows stay locked and are skipped, not waited for.
            second.begin();
            List<ClaimedWebhook> claimedSecond =
                    second.attach(WebhookDao.class).claimDue(NOW, NOW.minusSeconds(120), 6);
            first.commit();
            second.commit();

            Set<UUID> ids = new HashSet<>();
            claimedFirst.forEach(c -> ids.add(c.id()));
            claimedSecond.forEach(c -> ids.add(c.id()));
            assertThat(claimedFirst).hasSize(6);
            assertThat(claimedSecond).hasSize(4);
            assertThat(ids).hasSize(10);
        }
    }

    @Test
    void aWorkerBackAfterItsLeaseCannotSettleADeliveryAnotherWorkerClaimedAgain() {
        endpoint(EnumSet.of(WebhookEventType.LEAD_CREATED));
        publish(WebhookEventType.LEAD_CREATED, "lead.created:1");
        ClaimedWebhook slow = transactions
                .inTransaction(r -> r.webhooks().claimDue(NOW, NOW.minusSeconds(120), 10))
                .get(0);
        Instant later = NOW.plusSeconds(180);
        ClaimedWebhook again = transactions
                .inTransaction(r -> r.webhooks().claimDue(later, later.minusSeconds(120), 10))
                .get(0);
        assertThat(again.id()).isEqualTo(slow.id());
        assertThat(again.attempts()).isEqualTo(2);

        transactions.inTransaction(r -> {
            r.webhooks().markFailed(slow.id(), slow.attempts(), 400, "late answer", later);
            return null;
        });
        assertThat(state(slow.id())).isEqualTo(WebhookDeliveryState.DELIVERING);
        transactions.inTransaction(r -> {
            r.webhooks().markDelivered(again.id(), again.attempts(), 200, later);
            return null;
        });
        assertThat(state(slow.id())).isEqualTo(WebhookDeliveryState.DELIVERED);
    }

    @Test
    void aRotatedOutSecretSignsUntilItExpiresAndIsThenForgotten() {
        UUID endpoint = endpoint(EnumSet.of(WebhookEventType.LEAD_STATUS_CHANGED));
        Instant expires = NOW.plusSeconds(3600);
        Optional<WebhookEndpoint> rotated = transactions.inTransaction(
                r -> r.webhooks().rotateSecret(business.id(), endpoint, "whsec_new", expires, NOW));
        assertThat(rotated).hasValueSatisfying(e -> {
            assertThat(e.previousSecretExpiresAt()).isEqualTo(expires);
            assertThat(e.secretRotatedAt()).isEqualTo(NOW);
        });

        publish(WebhookEventType.LEAD_STATUS_CHANGED, null);
        ClaimedWebhook during = claimAt(NOW.plusSeconds(3599));
        assertThat(during.secret()).isEqualTo("whsec_new");
        assertThat(during.previousSecret()).isEqualTo("whsec_x");

        publish(WebhookEventType.LEAD_STATUS_CHANGED, null);
        ClaimedWebhook after = claimAt(expires);
        assertThat(after.secret()).isEqualTo("whsec_new");
        assertThat(after.previousSecret()).as("expired: no longer signs").isNull();

        transactions.inTransaction(r -> {
            r.webhooks().forgetExpiredSecrets(expires.minusSeconds(1));
            return null;
        });
        assertThat(storedSecrets(endpoint)).containsExactly("whsec_new", "whsec_x");
        transactions.inTransaction(r -> {
            r.webhooks().forgetExpiredSecrets(expires);
            return null;
        });
        assertThat(storedSecrets(endpoint)).containsExactly("whsec_new", null);
    }

    @Test
    void aRotationWithoutGraceRetiresTheOldSecretAtOnceAndADisabledOrForeignEndpointIsNotRotated() {
        UUID endpoint = endpoint(EnumSet.of(WebhookEventType.LEAD_CREATED));
        transactions.inTransaction(r -> r.webhooks().rotateSecret(business.id(), endpoint, "whsec_a", NOW, NOW));

        transactions.inTransaction(r -> r.webhooks().rotateSecret(business.id(), endpoint, "whsec_b", null, NOW));
        assertThat(storedSecrets(endpoint)).containsExactly("whsec_b", null);

        Business other = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);
        Optional<WebhookEndpoint> foreign =
                transactions.inTransaction(r -> r.webhooks().rotateSecret(other.id(), endpoint, "whsec_c", null, NOW));
        assertThat(foreign).isEmpty();
        transactions.inTransaction(r -> r.webhooks().disableEndpoint(business.id(), endpoint, NOW));
        Optional<WebhookEndpoint> disabled = transactions.inTransaction(
                r -> r.webhooks().rotateSecret(business.id(), endpoint, "whsec_c", null, NOW));
        assertThat(disabled).isEmpty();
        assertThat(storedSecrets(endpoint)).containsExactly("whsec_b", null);
    }

    /**
     * Two rotations at once: the second waits for the first's row lock, then rotates the row the first left, so
     * the pair is the two secrets the rotations handed out (the one from before both is retired).
     */
    @Test
    void aRotationWaitingForAnotherRotatesWhatTheOtherLeft() throws Exception {
        UUID endpoint = endpoint(EnumSet.of(WebhookEventType.LEAD_CREATED));
        Instant expires = NOW.plusSeconds(3600);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Handle first = jdbi.open()) {
            first.begin();
            first.attach(WebhookDao.class).rotateSecret(business.id(), endpoint, "whsec_first", expires, NOW);
            Future<?> second = pool.submit(() -> transactions.inTransaction(
                    r -> r.webhooks().rotateSecret(business.id(), endpoint, "whsec_second", expires, NOW)));
            awaitALockWait();
            first.commit();
            second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedSecrets(endpoint)).containsExactly("whsec_second", "whsec_first");
    }

    /** Until some backend waits on a row lock: the event the race above needs, not a guess at how long it takes. */
    private void awaitALockWait() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbi.withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                        .mapTo(Integer.class)
                        .one())
                == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second rotation never waited for the first one's lock");
            }
            Thread.sleep(10);
        }
    }

    private ClaimedWebhook claimAt(Instant now) {
        return transactions
                .inTransaction(r -> r.webhooks().claimDue(now, now.minusSeconds(120), 1))
                .get(0);
    }

    private List<String> storedSecrets(UUID endpoint) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT secret, previous_secret FROM webhook_endpoints WHERE id = :id")
                .bind("id", endpoint)
                .map((rs, ctx) -> java.util.Arrays.asList(rs.getString("secret"), rs.getString("previous_secret")))
                .one());
    }

    private UUID endpoint(Set<WebhookEventType> events) {
        return transactions.inTransaction(r -> r.webhooks()
                .insertEndpoint(business.id(), "https://hooks.example.com/x", null, events, "whsec_x", "owner", NOW)
                .id());
    }

    private int publish(WebhookEventType type, String dedupeKey) {
        return transactions.inTransaction(r ->
                r.webhooks().publish(new WebhookEvent(UUID.randomUUID(), business.id(), type, dedupeKey, "{}", NOW)));
    }

    private WebhookDeliveryState state(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state FROM webhook_deliveries WHERE id = :id")
                .bind("id", id)
                .mapTo(WebhookDeliveryState.class)
                .one());
    }
}
