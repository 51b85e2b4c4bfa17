package com.callbackcloser.db.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ClaimedWebhook;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.WebhookDeliveryState;
import com.callbackcloser.core.model.WebhookEvent;
import com.callbackcloser.core.model.WebhookEventType;
import com.callbackcloser.db.dao.WebhookDao;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
