package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.ClaimedWebhook;
import com.callbackcloser.core.model.WebhookAttempt;
import com.callbackcloser.core.model.WebhookDelivery;
import com.callbackcloser.core.model.WebhookDeliveryState;
import com.callbackcloser.core.model.WebhookEndpoint;
import com.callbackcloser.core.model.WebhookEvent;
import com.callbackcloser.core.model.WebhookEventType;
import com.callbackcloser.core.model.WebhookStats;
import com.callbackcloser.core.port.out.WebhookRepository;
import com.callbackcloser.db.dao.WebhookDao;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

final class JdbiWebhookRepository implements WebhookRepository {
    private final WebhookDao dao;

    JdbiWebhookRepository(WebhookDao dao) {
        this.dao = dao;
    }

    @Override
    public int lockAndCountEnabledEndpoints(UUID businessId) {
        dao.lockBusiness(businessId);
        return dao.countEnabledEndpoints(businessId);
    }

    @Override
    public WebhookEndpoint insertEndpoint(
            UUID businessId,
            String url,
            String description,
            Set<WebhookEventType> events,
            String secret,
            String createdBy,
            Instant now) {
        String[] names =
                events.stream().map(WebhookEventType::wireName).sorted().toArray(String[]::new);
        return dao.insertEndpoint(businessId, url, description, secret, names, createdBy, now);
    }

    @Override
    public Optional<WebhookEndpoint> rotateSecret(
            UUID businessId, UUID endpointId, String newSecret, Instant previousExpiresAt, Instant now) {
        return dao.rotateSecret(businessId, endpointId, newSecret, previousExpiresAt, now);
    }

    @Override
    public void forgetExpiredSecrets(Instant now) {
        dao.forgetExpiredSecrets(now);
    }

    @Override
    public List<WebhookEndpoint> listEndpoints(UUID businessId) {
        return dao.listEndpoints(businessId);
    }

    @Override
    public boolean disableEndpoint(UUID businessId, UUID endpointId, Instant now) {
        return dao.disableEndpoint(businessId, endpointId, now) > 0;
    }

    @Override
    public int publish(WebhookEvent event) {
        String type = event.type().wireName();
        Optional<UUID> stored = dao.insertEvent(
                event.id(), event.businessId(), type, event.dedupeKey(), event.payload(), event.createdAt());
        if (stored.isEmpty()) {
            return 0;
        }
        int queued = dao.insertDeliveries(event.businessId(), event.id(), type, event.createdAt());
        if (queued > 0) {
            dao.notifyWorkers();
        }
        return queued;
    }

    @Override
    public List<ClaimedWebhook> claimDue(Instant now, Instant leaseCutoff, int limit) {
        return dao.claimDue(now, leaseCutoff, limit);
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return dao.nextDueAt();
    }

    @Override
    public void recordAttempt(UUID deliveryId, WebhookAttempt attempt) {
        dao.insertAttempt(deliveryId, attempt);
    }

    @Override
    public void markDelivered(UUID deliveryId, int attempt, int statusCode, Instant now) {
        dao.settle(deliveryId, attempt, WebhookDeliveryState.DELIVERED.name(), null, statusCode, null, now);
    }

    @Override
    public void markFailed(UUID deliveryId, int attempt, Integer statusCode, String error, Instant now) {
        dao.settle(deliveryId, attempt, WebhookDeliveryState.FAILED.name(), null, statusCode, error, now);
    }

    @Override
    public void reschedule(
            UUID deliveryId, int attempt, Instant nextAttemptAt, Integer statusCode, String error, Instant now) {
        dao.settle(deliveryId, attempt, WebhookDeliveryState.PENDING.name(), nextAttemptAt, statusCode, error, now);
    }

    @Override
    public List<WebhookDelivery> listDeliveries(UUID businessId, WebhookDeliveryState state, int limit) {
        return dao.listDeliveries(businessId, state == null ? null : state.name(), limit);
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(UUID businessId, UUID deliveryId) {
        return dao.findDelivery(businessId, deliveryId);
    }

    @Override
    public String payloadOf(UUID eventId) {
        return dao.payloadOf(eventId);
    }

    @Override
    public List<WebhookAttempt> attempts(UUID deliveryId) {
        return dao.attempts(deliveryId);
    }

    @Override
    public UUID replay(UUID deliveryId, Instant now) {
        UUID replay = dao.replay(deliveryId, now);
        dao.notifyWorkers();
        return replay;
    }

    @Override
    public WebhookStats stats(Instant now, Instant failedSince) {
        return dao.stats(now, failedSince);
    }
}
