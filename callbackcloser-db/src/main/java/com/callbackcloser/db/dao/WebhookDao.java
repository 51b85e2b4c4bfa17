package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.ClaimedWebhook;
import com.callbackcloser.core.model.WebhookAttempt;
import com.callbackcloser.core.model.WebhookDelivery;
import com.callbackcloser.core.model.WebhookEndpoint;
import com.callbackcloser.core.model.WebhookStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Outbound webhooks: endpoints, events, and the delivery queue. State changes of a claimed delivery only apply
 * to the claim that made them: the row must still be DELIVERING with the attempt count of that claim, so a worker
 * that comes back after its lease ran out (and another worker claimed the row again) changes nothing.
 */
@RegisterRowMapper(WebhookMappers.Endpoint.class)
@RegisterRowMapper(WebhookMappers.Delivery.class)
@RegisterRowMapper(WebhookMappers.Attempt.class)
@RegisterRowMapper(WebhookMappers.Claimed.class)
public interface WebhookDao {

    /** The channel webhook workers LISTEN on; a NOTIFY is delivered when the queuing transaction commits. */
    String CHANNEL = "callbackcloser_webhooks";

    String DELIVERY_COLUMNS = """
            d.id, d.business_id, d.endpoint_id, e.url, d.event_id, ev.type AS event_type, d.replay_of, d.state,
            d.attempts, d.next_attempt_at, d.last_status_code, d.last_error, d.delivered_at, d.created_at
            """;

    @SqlQuery("SELECT id FROM businesses WHERE id = :businessId FOR UPDATE")
    Optional<UUID> lockBusiness(@Bind("businessId") UUID businessId);

    @SqlQuery("SELECT count(*) FROM webhook_endpoints WHERE business_id = :businessId AND disabled_at IS NULL")
    int countEnabledEndpoints(@Bind("businessId") UUID businessId);

    @SqlQuery("""
            INSERT INTO webhook_endpoints (business_id, url, description, secret, events, created_by, created_at)
            VALUES (:businessId, :url, :description, :secret, :events, :createdBy, :now)
            RETURNING *
            """)
    WebhookEndpoint insertEndpoint(
            @Bind("businessId") UUID businessId,
            @Bind("url") String url,
            @Bind("description") String description,
            @Bind("secret") String secret,
            @Bind("events") String[] events,
            @Bind("createdBy") String createdBy,
            @Bind("now") Instant now);

    /**
     * One statement, so the row lock orders concurrent rotations: the second one to get the lock re-reads the row
     * the first committed, and moves the first one's new secret into the previous slot.
     */
    @SqlQuery("""
            UPDATE webhook_endpoints
               SET previous_secret = CASE WHEN CAST(:previousExpiresAt AS timestamptz) IS NULL THEN NULL ELSE secret END,
                   previous_secret_expires_at = :previousExpiresAt,
                   secret = :secret,
                   secret_rotated_at = :now
             WHERE id = :id AND business_id = :businessId AND disabled_at IS NULL
            RETURNING *
            """)
    Optional<WebhookEndpoint> rotateSecret(
            @Bind("businessId") UUID businessId,
            @Bind("id") UUID id,
            @Bind("secret") String secret,
            @Bind("previousExpiresAt") Instant previousExpiresAt,
            @Bind("now") Instant now);

    /** Rows another transaction is rotating are skipped, not waited for: the next pass gets them. */
    @SqlUpdate("""
            UPDATE webhook_endpoints SET previous_secret = NULL, previous_secret_expires_at = NULL
             WHERE id IN (SELECT id FROM webhook_endpoints
                           WHERE previous_secret IS NOT NULL AND previous_secret_expires_at <= :now
                           FOR UPDATE SKIP LOCKED)
            """)
    int forgetExpiredSecrets(@Bind("now") Instant now);

    @SqlQuery("SELECT * FROM webhook_endpoints WHERE business_id = :businessId ORDER BY created_at DESC, id")
    List<WebhookEndpoint> listEndpoints(@Bind("businessId") UUID businessId);

    @SqlUpdate("""
            UPDATE webhook_endpoints SET disabled_at = :now
             WHERE id = :id AND business_id = :businessId AND disabled_at IS NULL
            """)
    int disableEndpoint(@Bind("businessId") UUID businessId, @Bind("id") UUID id, @Bind("now") Instant now);

    /**
     * The event, only if an enabled endpoint subscribes to its type and no event with its dedupe key exists:
     * the unique key, not a prior check, decides, so two racing transactions cannot both store it.
     */
    @SqlQuery("""
            INSERT INTO webhook_events (id, business_id, type, dedupe_key, payload, created_at)
            SELECT :id, :businessId, :type, :dedupeKey, :payload, :now
             WHERE EXISTS (SELECT 1 FROM webhook_endpoints
                            WHERE business_id = :businessId AND disabled_at IS NULL AND :type = ANY (events))
            ON CONFLICT (business_id, dedupe_key) DO NOTHING
            RETURNING id
            """)
    Optional<UUID> insertEvent(
            @Bind("id") UUID id,
            @Bind("businessId") UUID businessId,
            @Bind("type") String type,
            @Bind("dedupeKey") String dedupeKey,
            @Bind("payload") String payload,
            @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO webhook_deliveries (business_id, endpoint_id, event_id, state, next_attempt_at, created_at,
                                            updated_at)
            SELECT :businessId, e.id, :eventId, 'PENDING', :now, :now, :now
              FROM webhook_endpoints e
             WHERE e.business_id = :businessId AND e.disabled_at IS NULL AND :type = ANY (e.events)
            """)
    int insertDeliveries(
            @Bind("businessId") UUID businessId,
            @Bind("eventId") UUID eventId,
            @Bind("type") String type,
            @Bind("now") Instant now);

    @SqlUpdate("NOTIFY " + CHANNEL)
    void notifyWorkers();

    /**
     * Due PENDING rows, and DELIVERING rows whose worker vanished (claimed before the lease cutoff): delivery is
     * at least once, receivers dedupe by event id.
     */
    @SqlQuery("""
            WITH claimed AS (
                UPDATE webhook_deliveries d
                   SET state = 'DELIVERING', attempts = d.attempts + 1, claimed_at = :now, updated_at = :now
                  FROM (SELECT id FROM webhook_deliveries
                         WHERE (state = 'PENDING' AND next_attempt_at <= :now)
                            OR (state = 'DELIVERING' AND claimed_at < :leaseCutoff)
                         ORDER BY next_attempt_at
                         LIMIT :limit
                         FOR UPDATE SKIP LOCKED) due
                 WHERE d.id = due.id
                RETURNING d.id, d.endpoint_id, d.event_id, d.attempts)
            SELECT c.id, c.endpoint_id, e.url, e.secret,
                   CASE WHEN e.previous_secret_expires_at > :now THEN e.previous_secret END AS previous_secret,
                   e.disabled_at IS NULL AS endpoint_enabled, c.event_id,
                   ev.type AS event_type, ev.payload, c.attempts
              FROM claimed c
              JOIN webhook_endpoints e ON e.id = c.endpoint_id
              JOIN webhook_events ev ON ev.id = c.event_id
            """)
    List<ClaimedWebhook> claimDue(
            @Bind("now") Instant now, @Bind("leaseCutoff") Instant leaseCutoff, @Bind("limit") int limit);

    @SqlQuery("SELECT min(next_attempt_at) FROM webhook_deliveries WHERE state = 'PENDING'")
    Optional<Instant> nextDueAt();

    @SqlUpdate("""
            INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, duration_ms, error)
            VALUES (:deliveryId, :a.attempt, :a.attemptedAt, :a.statusCode, :a.durationMillis, :a.error)
            """)
    void insertAttempt(@Bind("deliveryId") UUID deliveryId, @BindMethods("a") WebhookAttempt attempt);

    @SqlUpdate("""
            UPDATE webhook_deliveries
               SET state = :state, next_attempt_at = :nextAttemptAt, last_status_code = :statusCode,
                   last_error = :error, updated_at = :now,
                   delivered_at = CASE WHEN :state = 'DELIVERED' THEN :now ELSE delivered_at END
             WHERE id = :id AND state = 'DELIVERING' AND attempts = :attempt
            """)
    int settle(
            @Bind("id") UUID id,
            @Bind("attempt") int attempt,
            @Bind("state") String state,
            @Bind("nextAttemptAt") Instant nextAttemptAt,
            @Bind("statusCode") Integer statusCode,
            @Bind("error") String error,
            @Bind("now") Instant now);

    @SqlQuery("SELECT " + DELIVERY_COLUMNS + """
              FROM webhook_deliveries d
              JOIN webhook_endpoints e ON e.id = d.endpoint_id
              JOIN webhook_events ev ON ev.id = d.event_id
             WHERE d.business_id = :businessId AND (CAST(:state AS text) IS NULL OR d.state = :state)
             ORDER BY d.created_at DESC, d.id DESC
             LIMIT :limit
            """)
    List<WebhookDelivery> listDeliveries(
            @Bind("businessId") UUID businessId, @Bind("state") String state, @Bind("limit") int limit);

    @SqlQuery("SELECT " + DELIVERY_COLUMNS + """
              FROM webhook_deliveries d
              JOIN webhook_endpoints e ON e.id = d.endpoint_id
              JOIN webhook_events ev ON ev.id = d.event_id
             WHERE d.business_id = :businessId AND d.id = :id
            """)
    Optional<WebhookDelivery> findDelivery(@Bind("businessId") UUID businessId, @Bind("id") UUID id);

    @SqlQuery("SELECT payload FROM webhook_events WHERE id = :id")
    String payloadOf(@Bind("id") UUID eventId);

    @SqlQuery("""
            SELECT attempt, attempted_at, status_code, duration_ms, error FROM webhook_attempts
             WHERE delivery_id = :deliveryId ORDER BY attempt, id
            """)
    List<WebhookAttempt> attempts(@Bind("deliveryId") UUID deliveryId);

    @SqlQuery("""
            INSERT INTO webhook_deliveries (business_id, endpoint_id, event_id, replay_of, state, next_attempt_at,
                                            created_at, updated_at)
            SELECT business_id, endpoint_id, event_id, id, 'PENDING', :now, :now, :now
              FROM webhook_deliveries WHERE id = :id
            RETURNING id
            """)
    UUID replay(@Bind("id") UUID deliveryId, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT count(*) FILTER (WHERE state = 'PENDING') AS pending,
                   count(*) FILTER (WHERE state = 'PENDING' AND next_attempt_at <= :now) AS due,
                   min(next_attempt_at) FILTER (WHERE state = 'PENDING' AND next_attempt_at <= :now) AS oldest_due_at,
                   min(created_at) FILTER (WHERE state = 'PENDING') AS oldest_pending_at,
                   count(*) FILTER (WHERE state = 'DELIVERING') AS delivering,
                   count(*) FILTER (WHERE state = 'FAILED' AND updated_at >= :failedSince) AS failed_last_hour
              FROM webhook_deliveries
             WHERE state IN ('PENDING', 'DELIVERING') OR (state = 'FAILED' AND updated_at >= :failedSince)
            """)
    @RegisterConstructorMapper(WebhookStats.class)
    WebhookStats stats(@Bind("now") Instant now, @Bind("failedSince") Instant failedSince);
}
