package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.Direction;
import com.callbackcloser.core.model.LeadSummary;
import com.callbackcloser.core.model.MessageRecord;
import com.callbackcloser.core.model.Participant;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A lead row with its latest message's columns prefixed {@code m_} (all null when it has none). */
public final class LeadSummaryMapper implements RowMapper<LeadSummary> {
    private final LeadMapper leads = new LeadMapper();

    @Override
    public LeadSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
        MessageRecord latest = rs.getObject("m_id") == null ? null : new MessageRecord(
                Rows.uuid(rs, "m_id"),
                Rows.uuid(rs, "m_lead_id"),
                Rows.enumValue(rs, "m_direction", Direction.class),
                Rows.enumValue(rs, "m_participant", Participant.class),
                rs.getString("m_from_number"),
                rs.getString("m_to_number"),
                rs.getString("m_body"),
                Rows.enumValue(rs, "m_delivery_state", DeliveryState.class),
                rs.getString("m_twilio_sid"),
                rs.getString("m_twilio_status"),
                rs.getInt("m_attempts"),
                rs.getString("m_last_error"),
                Rows.instant(rs, "m_created_at"));
        return new LeadSummary(leads.map(rs, ctx), latest);
    }
}
