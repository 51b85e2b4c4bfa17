package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.MessageRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(MessageRecordMapper.class)
public interface MessageDao {

    @SqlQuery("SELECT * FROM messages WHERE id = :id")
    Optional<MessageRecord> find(@Bind("id") UUID id);

    @SqlUpdate("UPDATE messages SET sent_by = :subject WHERE id = :id")
    void recordSender(@Bind("id") UUID id, @Bind("subject") String subject);

    /** A follow-up still waiting for its time is a plan, not a message yet: it shows once a worker takes it. */
    @SqlQuery("""
            SELECT * FROM messages
             WHERE lead_id = :leadId AND NOT (follow_up AND delivery_state = 'QUEUED')
             ORDER BY created_at, seq
            """)
    List<MessageRecord> transcript(@Bind("leadId") UUID leadId);

    /** Empty when the MessageSid is already stored; a concurrent insert of it waits, then finds it there. */
    @SqlQuery("""
            INSERT INTO messages (business_id, direction, participant, from_number, to_number, body, twilio_sid,
                                  twilio_status, raw_payload, created_at, updated_at)
            VALUES (:businessId, 'INBOUND', 'LEAD', :from, :to, :body, :sid, 'received', CAST(:raw AS jsonb), :now, :now)
            ON CONFLICT (twilio_sid) DO NOTHING
            RETURNING id
            """)
    Optional<UUID> insertInbound(
            @Bind("businessId") UUID businessId,
            @Bind("from") String from,
            @Bind("to") String to,
            @Bind("body") String body,
            @Bind("sid") String sid,
            @Bind("raw") String raw,
            @Bind("now") Instant now);

    @SqlUpdate("UPDATE messages SET lead_id = :leadId WHERE id = :id")
    void linkToLead(@Bind("id") UUID id, @Bind("leadId") UUID leadId);

    @SqlUpdate("""
            INSERT INTO messages (business_id, lead_id, direction, participant, from_number, to_number, body,
                                  delivery_state, sent_at, created_at, updated_at)
            VALUES (:businessId, :leadId, 'OUTBOUND', 'LEAD', :from, :to, :body, 'TWIML_REPLY', :now, :now, :now)
            """)
    void insertTwimlReply(
            @Bind("businessId") UUID businessId,
            @Bind("leadId") UUID leadId,
            @Bind("from") String from,
            @Bind("to") String to,
            @Bind("body") String body,
            @Bind("now") Instant now);
}
