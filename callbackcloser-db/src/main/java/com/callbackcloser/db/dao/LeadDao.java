package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(LeadMapper.class)
public interface LeadDao {

    /** Empty when the call already has its lead (the unique call_id decides, also between racing inserts). */
    @SqlQuery("""
            INSERT INTO leads (business_id, call_id, caller_raw, caller_number, created_at, updated_at)
            VALUES (:businessId, :callId, :callerRaw, :callerNumber, :now, :now)
            ON CONFLICT (call_id) DO NOTHING
            RETURNING *
            """)
    Optional<Lead> insertIfAbsent(
            @Bind("businessId") UUID businessId,
            @Bind("callId") UUID callId,
            @Bind("callerRaw") String callerRaw,
            @Bind("callerNumber") String callerNumber,
            @Bind("now") Instant now);

    /** Locked: the lead is taken before the business row (quota), in every path. */
    @SqlQuery("SELECT * FROM leads WHERE call_id = :callId FOR UPDATE")
    Optional<Lead> lockByCallId(@Bind("callId") UUID callId);

    @SqlQuery("SELECT * FROM leads WHERE id = :id")
    Optional<Lead> findById(@Bind("id") UUID id);

    @SqlQuery("""
            SELECT * FROM leads
             WHERE (CAST(:businessId AS uuid) IS NULL OR business_id = :businessId)
             ORDER BY created_at DESC, id DESC
             LIMIT :limit
            """)
    List<Lead> listRecent(@Bind("businessId") UUID businessId, @Bind("limit") int limit);

    /** Open conversations first (false sorts before true), then the newest. */
    @SqlQuery("""
            SELECT * FROM leads
             WHERE business_id = :businessId AND caller_number = :callerNumber
             ORDER BY conversation_state = 'COMPLETED', created_at DESC, id DESC
             LIMIT 1
             FOR UPDATE
            """)
    Optional<Lead> lockLatestForCaller(@Bind("businessId") UUID businessId, @Bind("callerNumber") String callerNumber);

    @SqlUpdate("""
            UPDATE leads
               SET last_inbound_at = :at, last_interaction_at = GREATEST(last_interaction_at, :at), updated_at = :at
             WHERE id = :id
            """)
    void recordInbound(@Bind("id") UUID id, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE leads
               SET status = :status,
                   conversation_state = :state,
                   service = :service,
                   service_raw = :serviceRaw,
                   urgency = :urgency,
                   zip = :zip,
                   best_time = :bestTime,
                   contact_name = :contactName,
                   sms_started_at = :smsStartedAt,
                   sms_completed_at = :smsCompletedAt,
                   last_interaction_at = :now,
                   updated_at = :now
             WHERE id = :id
            """)
    void saveConversation(
            @Bind("id") UUID id,
            @Bind("status") String status,
            @Bind("state") String state,
            @Bind("service") String service,
            @Bind("serviceRaw") String serviceRaw,
            @Bind("urgency") String urgency,
            @Bind("zip") String zip,
            @Bind("bestTime") String bestTime,
            @Bind("contactName") String contactName,
            @Bind("smsStartedAt") Instant smsStartedAt,
            @Bind("smsCompletedAt") Instant smsCompletedAt,
            @Bind("now") Instant now);

    @SqlUpdate(
            "UPDATE leads SET owner_notified_at = :now, updated_at = :now WHERE id = :id AND owner_notified_at IS NULL")
    int claimOwnerNotice(@Bind("id") UUID id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE leads SET billing_required = true, updated_at = :now WHERE id = :id")
    void markBillingRequired(@Bind("id") UUID id, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE leads
               SET conversation_state = 'AWAITING_SERVICE',
                   sms_started_at = :now,
                   billing_required = false,
                   last_interaction_at = :now,
                   updated_at = :now
             WHERE id = :id AND sms_started_at IS NULL
            """)
    int startConversation(@Bind("id") UUID id, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE leads
               SET last_outbound_at = GREATEST(last_outbound_at, :at),
                   last_interaction_at = GREATEST(last_interaction_at, :at),
                   updated_at = :at
             WHERE id = :id
            """)
    void recordOutbound(@Bind("id") UUID id, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE leads SET usage_limit_notified_at = :now, updated_at = :now
             WHERE id = :id AND usage_limit_notified_at IS NULL
            """)
    int claimUsageLimitNotice(@Bind("id") UUID id, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT count(*) FROM leads
             WHERE business_id = :businessId AND sms_started_at >= :start AND sms_started_at < :end
            """)
    int countConversationsStarted(
            @Bind("businessId") UUID businessId, @Bind("start") Instant start, @Bind("end") Instant end);

    @SqlQuery("SELECT count(*) FROM leads WHERE business_id = :businessId AND billing_required")
    int countBillingRequired(@Bind("businessId") UUID businessId);

    @SqlQuery("SELECT * FROM leads WHERE id = :id AND business_id = :businessId")
    Optional<Lead> findInBusiness(@Bind("businessId") UUID businessId, @Bind("id") UUID id);

    @SqlUpdate("UPDATE leads SET status = :status, updated_at = :now WHERE id = :id")
    void changeStatus(@Bind("id") UUID id, @Bind("status") String status, @Bind("now") Instant now);

    /**
     * The inbox's columns: a lead, its latest message (a follow-up waiting for its time is not one yet) prefixed
     * {@code m_}, whether the caller opted out, and whether a follow-up is waiting.
     */
    String SUMMARY = """
            SELECT l.*, m.id AS m_id, m.lead_id AS m_lead_id, m.direction AS m_direction,
                   m.participant AS m_participant, m.from_number AS m_from_number, m.to_number AS m_to_number,
                   m.body AS m_body, m.delivery_state AS m_delivery_state, m.twilio_sid AS m_twilio_sid,
                   m.twilio_status AS m_twilio_status, m.attempts AS m_attempts, m.last_error AS m_last_error,
                   m.follow_up AS m_follow_up, m.created_at AS m_created_at, m.sent_by AS m_sent_by,
                   EXISTS (SELECT 1 FROM sms_consents c
                            WHERE c.business_id = l.business_id AND c.phone = l.caller_number AND c.opted_out)
                       AS caller_opted_out,
                   EXISTS (SELECT 1 FROM messages f
                            WHERE f.lead_id = l.id AND f.follow_up AND f.delivery_state = 'QUEUED') AS follow_up_pending
              FROM leads l
              LEFT JOIN LATERAL (SELECT * FROM messages
                                  WHERE lead_id = l.id AND NOT (follow_up AND delivery_state = 'QUEUED')
                                  ORDER BY created_at DESC, seq DESC
                                  LIMIT 1) m ON true
             WHERE l.business_id = :businessId
               AND (CAST(:status AS text) IS NULL OR l.status = :status)
               <search>
            """;

    /** No search. It names {@code :pattern} (null then) because JDBI refuses a bound value the SQL does not use. */
    String NO_SEARCH = "AND CAST(:pattern AS text) IS NULL";
    /**
     * The caller's number ends with the digits ({@code :pattern} is the digits reversed, then {@code %}): a prefix
     * of the reversed number, one range of leads_business_caller_suffix_idx.
     */
    String PHONE_SEARCH = "AND reverse(l.caller_number) LIKE :pattern";
    /** The caller's name contains the words, in any case ({@code :pattern} is {@code %words%}). */
    String NAME_SEARCH = "AND l.contact_name ILIKE :pattern";

    /**
     * Keyset pagination on (created_at, id), newest first: strictly older than the cursor, so leads that arrive
     * meanwhile never shift a page. {@code search} is one of the constants above, never anything a user typed.
     */
    @SqlQuery(SUMMARY + """
               AND (CAST(:afterCreatedAt AS timestamptz) IS NULL OR (l.created_at, l.id) < (:afterCreatedAt, :afterId))
             ORDER BY l.created_at DESC, l.id DESC
             LIMIT :limit
            """)
    @RegisterRowMapper(LeadSummaryMapper.class)
    @PlannedForItsValues
    List<LeadSummary> page(
            @Bind("businessId") UUID businessId,
            @Bind("status") String status,
            @Define("search") String search,
            @Bind("pattern") String pattern,
            @Bind("afterCreatedAt") Instant afterCreatedAt,
            @Bind("afterId") UUID afterId,
            @Bind("limit") int limit);

    /** Strictly newer than the cursor, newest first: what an inbox showing up to that lead has not seen yet. */
    @SqlQuery(SUMMARY + """
               AND (l.created_at, l.id) > (:newerThanCreatedAt, :newerThanId)
             ORDER BY l.created_at DESC, l.id DESC
             LIMIT :limit
            """)
    @RegisterRowMapper(LeadSummaryMapper.class)
    @PlannedForItsValues
    List<LeadSummary> newerThan(
            @Bind("businessId") UUID businessId,
            @Bind("status") String status,
            @Define("search") String search,
            @Bind("pattern") String pattern,
            @Bind("newerThanCreatedAt") Instant newerThanCreatedAt,
            @Bind("newerThanId") UUID newerThanId,
            @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE leads
               SET owner_replied_at = COALESCE(owner_replied_at, :now),
                   last_interaction_at = GREATEST(last_interaction_at, :now),
                   updated_at = :now
             WHERE id = :id
            """)
    void recordOwnerReply(@Bind("id") UUID id, @Bind("now") Instant now);

    /** 1 for the first claim of the key; 0 once it is taken (a concurrent claim waits for the first to commit). */
    @SqlUpdate("""
            INSERT INTO lead_reply_keys (lead_id, reply_key, created_at) VALUES (:leadId, :replyKey, :now)
            ON CONFLICT (lead_id, reply_key) DO NOTHING
            """)
    int claimReplyKey(@Bind("leadId") UUID leadId, @Bind("replyKey") String replyKey, @Bind("now") Instant now);

    @SqlUpdate("UPDATE lead_reply_keys SET message_id = :messageId WHERE lead_id = :leadId AND reply_key = :replyKey")
    void attachReplyKey(
            @Bind("leadId") UUID leadId, @Bind("replyKey") String replyKey, @Bind("messageId") UUID messageId);

    @SqlQuery("SELECT message_id FROM lead_reply_keys WHERE lead_id = :leadId AND reply_key = :replyKey")
    Optional<UUID> messageOfReplyKey(@Bind("leadId") UUID leadId, @Bind("replyKey") String replyKey);
}
