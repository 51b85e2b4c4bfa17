package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.ClaimedWebhook;
import com.callbackcloser.core.model.WebhookAttempt;
import com.callbackcloser.core.model.WebhookDelivery;
import com.callbackcloser.core.model.WebhookDeliveryState;
import com.callbackcloser.core.model.WebhookEndpoint;
import com.callbackcloser.core.model.WebhookEvent;
import com.callbackcloser.core.model.WebhookEventType;
import com.callbackcloser.core.model.WebhookStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Endpoints, events and the delivery queue. Deliveries queued in a transaction become visible to workers (and
 * wake them) only when it commits, so an event is delivered if and only if the change that caused it happened.
 */
public interface WebhookRepository {

    /**
     * Locks the business's row for the rest of the transaction and counts its enabled endpoints, so a limit checked
     * on the count holds against concurrent registrations.
     */
    int lockAndCountEnabledEndpoints(UUID businessId);

    WebhookEndpoint insertEndpoint(
            UUID businessId,
            String url,
            String description,
            Set<WebhookEventType> events,
            String secret,
            String createdBy,
            Instant now);

    /**
     * Makes {@code newSecret} the enabled endpoint's secret. The one it replaces keeps signing until {@code
     * previousExpiresAt}, or stops at once when that is null; a secret still in its grace period from an earlier
     * rotation stops at once either way (an endpoint has at most two). Concurrent rotations apply one after the
     * other, so the pair left is always the last two secrets handed out.
     *
     * @return the endpoint after the rotation; empty when the business has no such enabled endpoint
     */
    Optional<WebhookEndpoint> rotateSecret(
            UUID businessId, UUID endpointId, String newSecret, Instant previousExpiresAt, Instant now);

    /** Erases previous secrets whose grace period has ended. */
    void forgetExpiredSecrets(Instant now);

    /** Every endpoint of the business, disabled ones included, newest first. */
    List<WebhookEndpoint> listEndpoints(UUID businessId);

    /** Disables the endpoint; false when there is no such enabled endpoint in the business. */
    boolean disableEndpoint(UUID businessId, UUID endpointId, Instant now);

    /**
     * Stores the event and queues one delivery per enabled endpoint subscribed to its type. Nothing is stored
     * when no endpoint subscribes, or when an event with the same dedupe key exists already.
     *
     * @return how many deliveries were queued
     */
    int publish(WebhookEvent event);

    /** Claims up to {@code limit} due deliveries (and those whose worker vanished before {@code leaseCutoff}). */
    List<ClaimedWebhook> claimDue(Instant now, Instant leaseCutoff, int limit);

    Optional<Instant> nextDueAt();

    void recordAttempt(UUID deliveryId, WebhookAttempt attempt);

    /**
     * Settles the claim that made attempt {@code attempt}, and only that one: a worker that comes back after its
     * lease ran out, when another worker has claimed the row again, changes nothing. So do the two below.
     */
    void markDelivered(UUID deliveryId, int attempt, int statusCode, Instant now);

    void markFailed(UUID deliveryId, int attempt, Integer statusCode, String error, Instant now);

    void reschedule(UUID deliveryId, int attempt, Instant nextAttemptAt, Integer statusCode, String error, Instant now);

    /** Newest first. */
    List<WebhookDelivery> listDeliveries(UUID businessId, WebhookDeliveryState state, int limit);

    Optional<WebhookDelivery> findDelivery(UUID businessId, UUID deliveryId);

    String payloadOf(UUID eventId);

    List<WebhookAttempt> attempts(UUID deliveryId);

    /** A new PENDING delivery of the same event to the same endpoint, due now. */
    UUID replay(UUID deliveryId, Instant now);

    WebhookStats stats(Instant now, Instant failedSince);
}
