package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.LeadFunnel;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Aggregates over calls, leads and messages for the owner's analytics; docs/API.md defines each number. */
@RegisterRowMapper(LeadFunnelMapper.class)
public interface AnalyticsDao {

    /**
     * One pass over the business's missed calls of [start, end), each with its lead, the lead's first text to the
     * caller and the caller's first reply after that text was sent. It walks existing indexes only:
     * calls_business_created_idx for the period, the unique call_id of leads, and messages_lead_created_idx
     * (lead_id, created_at, seq), which both LATERAL lookups read in order and stop at their first row. No
     * missed call: one row of zeros and null medians (an aggregate without GROUP BY always answers one row).
     */
    @SqlQuery("""
            SELECT count(*) AS missed_calls,
                   count(*) FILTER (WHERE first_text.sent) AS texted,
                   count(*) FILTER (WHERE first_reply.received_at IS NOT NULL) AS replied,
                   count(*) FILTER (WHERE l.status IN ('QUALIFIED', 'CONTACTED', 'BOOKED')) AS qualified,
                   count(*) FILTER (WHERE l.conversation_state = 'COMPLETED') AS completed,
                   count(*) FILTER (WHERE l.status = 'BOOKED') AS booked,
                   percentile_cont(0.5) WITHIN GROUP (
                       ORDER BY CAST(extract(epoch FROM first_text.sent_at - l.created_at) AS double precision))
                       FILTER (WHERE first_text.sent) AS median_seconds_to_first_text,
                   percentile_cont(0.5) WITHIN GROUP (
                       ORDER BY CAST(extract(epoch FROM first_reply.received_at - first_text.sent_at)
                                     AS double precision)) AS median_seconds_to_first_reply
              FROM calls c
              LEFT JOIN leads l ON l.call_id = c.id
              LEFT JOIN LATERAL (
                    SELECT m.delivery_state = 'SENT' AND m.sent_at IS NOT NULL AS sent, m.sent_at
                      FROM messages m
                     WHERE m.lead_id = l.id AND m.direction = 'OUTBOUND' AND m.participant = 'LEAD'
                     ORDER BY m.created_at, m.seq
                     LIMIT 1) first_text ON true
              LEFT JOIN LATERAL (
                    SELECT m.created_at AS received_at
                      FROM messages m
                     WHERE first_text.sent
                       AND m.lead_id = l.id AND m.direction = 'INBOUND' AND m.created_at >= first_text.sent_at
                     ORDER BY m.created_at, m.seq
                     LIMIT 1) first_reply ON true
             WHERE c.business_id = :businessId
               AND c.missed
               AND c.created_at >= :start AND c.created_at < :end
            """)
    LeadFunnel leadFunnel(@Bind("businessId") UUID businessId, @Bind("start") Instant start, @Bind("end") Instant end);
}
