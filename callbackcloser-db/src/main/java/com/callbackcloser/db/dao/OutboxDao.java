package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.OutboxStats;
import com.callbackcloser.core.port.out.MessageStatusRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The outbound side of the messages table. State changes of a claimed message only apply while it is still
 * SENDING, so a worker that comes back after its message was settled by crash recovery changes nothing.
 */
@RegisterRowMapper(OutboundMessageMapper.class)
public interface OutboxDao {

    /** The channel workers LISTEN on; a NOTIFY is delivered when the queuing transaction commits. */
    String CHANNEL = "callbackcloser_outbox";

    /**
     * True when the queued row {@code q} must wait: another text from the same number to the same recipient is
     * being sent, or is queued ahead of it. Ahead means waiting for a retry (it was tried, so it was first), else
     * due earlier, else queued earlier. So texts to one phone go one at a time, in the order queued, while a text
     * queued for later (a follow-up, the morning after quiet hours) holds back nothing due before it.
     *
     * <p>Why this is safe with many workers on many instances: only the first row of a pair's queue can pass, and
     * claiming it locks it, so a concurrent claim skips it and finds the rows behind it still behind it. Once
     * the claim commits, the row is SENDING and holds the pair until it is settled.
     */
    String HELD_BEHIND_ANOTHER = """
            EXISTS (SELECT 1 FROM messages ahead
                     WHERE ahead.from_number = q.from_number AND ahead.to_number = q.to_number
                       AND ahead.delivery_state IN ('QUEUED', 'SENDING') AND ahead.id <> q.id
                       AND (ahead.delivery_state = 'SENDING'
                            OR (ahead.attempts = 0, ahead.next_attempt_at, ahead.seq)
                               < (q.attempts = 0, q.next_attempt_at, q.seq)))
            """;

    @SqlQuery("""
            INSERT INTO messages (business_id, lead_id, direction, participant, from_number, to_number, body,
                                  delivery_state, next_attempt_at, quiet_hours_zone, last_error, created_at, updated_at)
            VALUES (:businessId, :leadId, 'OUTBOUND', :participant, :from, :to, :body,
                    :state, :dueAt, :quietHoursZone, :reason, :now, :now)
            RETURNING id
            """)
    UUID insert(
            @Bind("businessId") UUID businessId,
            @Bind("leadId") UUID leadId,
            @Bind("participant") String participant,
            @Bind("from") String from,
            @Bind("to") String to,
            @Bind("body") String body,
            @Bind("state") String state,
            @Bind("reason") String reason,
            @Bind("dueAt") Instant dueAt,
            @Bind("quietHoursZone") String quietHoursZone,
            @Bind("now") Instant now);

    /** Nothing when the lead has a follow-up row already: the partial unique index decides, not a lookup. */
    @SqlQuery("""
            INSERT INTO messages (business_id, lead_id, direction, participant, from_number, to_number, body,
                                  delivery_state, next_attempt_at, quiet_hours_zone, follow_up, created_at, updated_at)
            VALUES (:businessId, :leadId, 'OUTBOUND', 'LEAD', :from, :to, :body,
                    'QUEUED', :dueAt, :quietHoursZone, true, :now, :now)
            ON CONFLICT (lead_id) WHERE follow_up DO NOTHING
            RETURNING id
            """)
    Optional<UUID> insertFollowUp(
            @Bind("businessId") UUID businessId,
            @Bind("leadId") UUID leadId,
            @Bind("from") String from,
            @Bind("to") String to,
            @Bind("body") String body,
            @Bind("dueAt") Instant dueAt,
            @Bind("quietHoursZone") String quietHoursZone,
            @Bind("now") Instant now);

    /**
     * Waiting follow-ups never tried are deleted, so the lead may have another. A row a worker has claimed is
     * locked (or no longer QUEUED once the claim commits) and stays as it is.
     */
    @SqlQuery("""
            DELETE FROM messages
             WHERE business_id = :businessId AND to_number = :to
               AND follow_up AND delivery_state = 'QUEUED' AND attempts = 0
            RETURNING id
            """)
    List<UUID> deleteUntriedFollowUps(@Bind("businessId") UUID businessId, @Bind("to") String to);

    /** One tried before (now waiting for a retry) may have reached the phone: settled, it stays the lead's one. */
    @SqlQuery("""
            UPDATE messages
               SET delivery_state = 'SUPPRESSED', next_attempt_at = NULL,
                   last_error = 'caller wrote before the follow-up went out', updated_at = :now
             WHERE business_id = :businessId AND to_number = :to
               AND follow_up AND delivery_state = 'QUEUED' AND attempts > 0
            RETURNING id
            """)
    List<UUID> suppressRetriedFollowUps(
            @Bind("businessId") UUID businessId, @Bind("to") String to, @Bind("now") Instant now);

    /** A row a worker is claiming is locked: this waits for the claim, then finds it SENDING and leaves it. */
    @SqlQuery("""
            UPDATE messages
               SET delivery_state = 'SUPPRESSED', next_attempt_at = NULL, last_error = :reason, updated_at = :now
             WHERE business_id = :businessId AND to_number = :to AND delivery_state = 'QUEUED'
            RETURNING id
            """)
    List<UUID> suppressQueued(
            @Bind("businessId") UUID businessId,
            @Bind("to") String to,
            @Bind("reason") String reason,
            @Bind("now") Instant now);

    @SqlUpdate("NOTIFY " + CHANNEL)
    void notifyWorkers();

    /** Due rows, at most one per (from, to) and only the first of its queue ({@link #HELD_BEHIND_ANOTHER}). */
    @SqlQuery("""
            UPDATE messages m
               SET delivery_state = 'SENDING',
                   attempts = m.attempts + 1,
                   sending_started_at = :now,
                   looked_up_at = NULL,
                   updated_at = :now
              FROM (SELECT q.id FROM messages q
                     WHERE q.delivery_state = 'QUEUED' AND q.next_attempt_at <= :now
                       AND NOT\s""" + HELD_BEHIND_ANOTHER + """
                     ORDER BY q.next_attempt_at
                     LIMIT :limit
                     FOR UPDATE OF q SKIP LOCKED) due
             WHERE m.id = due.id
            RETURNING m.*
            """)
    List<OutboundMessage> claimDue(@Bind("now") Instant now, @Bind("limit") int limit);

    /**
     * SENDING rows whose lease ran out, counted from when their send began or from their last look-up. The claim
     * restarts the lease ({@code looked_up_at}) and leaves {@code sending_started_at}, which each row is returned
     * with: when its send began, what the look-up searches from, however many look-ups failed before.
     */
    @SqlQuery("""
            UPDATE messages m
               SET looked_up_at = :now,
                   updated_at = :now
              FROM (SELECT id FROM messages
                     WHERE delivery_state = 'SENDING'
                       AND COALESCE(looked_up_at, sending_started_at) < :startedBefore
                     ORDER BY sending_started_at
                     LIMIT :limit
                     FOR UPDATE SKIP LOCKED) stale
             WHERE m.id = stale.id
            RETURNING m.*
            """)
    List<OutboundMessage> claimStale(
            @Bind("startedBefore") Instant startedBefore, @Bind("now") Instant now, @Bind("limit") int limit);

    /** When the next row a claim could take becomes due; rows held behind another to the same phone are not. */
    @SqlQuery("""
            SELECT q.next_attempt_at FROM messages q
             WHERE q.delivery_state = 'QUEUED' AND NOT\s""" + HELD_BEHIND_ANOTHER + """
             ORDER BY q.next_attempt_at
             LIMIT 1
            """)
    Optional<Instant> nextDueAt();

    /** A status callback may have stored a later Twilio status already; it is kept. */
    @SqlUpdate("""
            UPDATE messages
               SET delivery_state = 'SENT', twilio_sid = :sid, sent_at = :now,
                   twilio_status = COALESCE(twilio_status, :status),
                   next_attempt_at = NULL, last_error = NULL, last_error_code = NULL, updated_at = :now
             WHERE id = :id AND delivery_state = 'SENDING'
            """)
    int markSent(@Bind("id") UUID id, @Bind("sid") String sid, @Bind("status") String status, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE messages
               SET delivery_state = :state, next_attempt_at = NULL, last_error_code = :errorCode,
                   last_error = :error, updated_at = :now
             WHERE id = :id AND delivery_state = 'SENDING'
            """)
    int finish(
            @Bind("id") UUID id,
            @Bind("state") String state,
            @Bind("errorCode") Integer errorCode,
            @Bind("error") String error,
            @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE messages
               SET delivery_state = 'QUEUED', next_attempt_at = :nextAttemptAt, last_error_code = :errorCode,
                   last_error = :error, updated_at = :now
             WHERE id = :id AND delivery_state = 'SENDING'
            """)
    int reschedule(
            @Bind("id") UUID id,
            @Bind("nextAttemptAt") Instant nextAttemptAt,
            @Bind("errorCode") Integer errorCode,
            @Bind("error") String error,
            @Bind("now") Instant now);

    /** The claim is undone, attempt included: the message never reached Twilio. */
    @SqlUpdate("""
            UPDATE messages
               SET delivery_state = 'QUEUED', next_attempt_at = :until, attempts = attempts - 1, updated_at = :now
             WHERE id = :id AND delivery_state = 'SENDING'
            """)
    int defer(@Bind("id") UUID id, @Bind("until") Instant until, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, business_id, to_number AS "to", twilio_sid, twilio_status FROM messages
             WHERE id = :id AND direction = 'OUTBOUND'
             FOR UPDATE
            """)
    @RegisterConstructorMapper(MessageStatusRow.class)
    Optional<MessageStatusRow> lockForStatusUpdateById(@Bind("id") UUID id);

    @SqlQuery("""
            SELECT id, business_id, to_number AS "to", twilio_sid, twilio_status FROM messages
             WHERE twilio_sid = :sid AND direction = 'OUTBOUND'
             FOR UPDATE
            """)
    @RegisterConstructorMapper(MessageStatusRow.class)
    Optional<MessageStatusRow> lockForStatusUpdateBySid(@Bind("sid") String sid);

    /**
     * A status callback proves Twilio has the message: one still SENDING (its worker has not recorded the
     * answer yet, or died) becomes SENT here, and the worker's own update then finds nothing to change.
     */
    @SqlUpdate("""
            UPDATE messages
               SET twilio_status = :status,
                   twilio_sid = COALESCE(twilio_sid, :sid),
                   delivery_state = CASE WHEN delivery_state = 'SENDING' THEN 'SENT' ELSE delivery_state END,
                   sent_at = CASE WHEN delivery_state = 'SENDING' THEN :now ELSE sent_at END,
                   last_error_code = COALESCE(CAST(:errorCode AS integer), last_error_code),
                   last_error = CASE WHEN CAST(:errorCode AS integer) IS NULL THEN last_error
                                     ELSE 'Twilio reported error ' || CAST(:errorCode AS integer) END,
                   updated_at = :now
             WHERE id = :id
            """)
    void updateProviderStatus(
            @Bind("id") UUID id,
            @Bind("sid") String sid,
            @Bind("status") String status,
            @Bind("errorCode") Integer errorCode,
            @Bind("now") Instant now);

    /** Due counts only what a claim could take now: a text held behind another to the same phone is waiting. */
    @SqlQuery("""
            SELECT count(*) FILTER (WHERE delivery_state = 'QUEUED') AS queued,
                   count(*) FILTER (WHERE claimable) AS due,
                   min(next_attempt_at) FILTER (WHERE claimable) AS oldest_due_at,
                   count(*) FILTER (WHERE delivery_state = 'SENDING') AS sending,
                   count(*) FILTER (WHERE delivery_state = 'SENDING' AND sending_started_at < :stuckBefore) AS stuck,
                   count(*) FILTER (WHERE delivery_state = 'FAILED' AND updated_at >= :failedSince) AS failed_last_hour
              FROM (SELECT q.delivery_state, q.next_attempt_at, q.sending_started_at, q.updated_at,
                           q.delivery_state = 'QUEUED' AND q.next_attempt_at <= :now
                               AND NOT\s""" + HELD_BEHIND_ANOTHER + """
                               AS claimable
                      FROM messages q
                     WHERE q.delivery_state IN ('QUEUED', 'SENDING')
                        OR (q.delivery_state = 'FAILED' AND q.updated_at >= :failedSince)) outbox
            """)
    @RegisterConstructorMapper(OutboxStats.class)
    OutboxStats stats(
            @Bind("now") Instant now,
            @Bind("stuckBefore") Instant stuckBefore,
            @Bind("failedSince") Instant failedSince);

    /**
     * Never a text imported from the old app: it failed there, maybe months ago, and sending it now would text a
     * caller out of the blue.
     */
    @SqlUpdate("""
            UPDATE messages
               SET delivery_state = 'QUEUED', next_attempt_at = :now, attempts = 0, updated_at = :now
             WHERE delivery_state = 'FAILED'
               AND (CAST(:id AS uuid) IS NULL OR id = :id)
               AND (CAST(:since AS timestamptz) IS NULL OR updated_at >= :since)
               AND NOT EXISTS (SELECT 1 FROM legacy_imports imported
                                WHERE imported.legacy_table = 'Message' AND imported.target_id = messages.id)
            """)
    int requeueFailed(@Bind("id") UUID id, @Bind("since") Instant since, @Bind("now") Instant now);
}
