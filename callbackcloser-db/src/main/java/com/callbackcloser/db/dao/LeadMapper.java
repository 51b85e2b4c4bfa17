package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.Qualification;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class LeadMapper implements RowMapper<Lead> {
    @Override
    public Lead map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Lead(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "business_id"),
                Rows.uuid(rs, "call_id"),
                rs.getString("caller_raw"),
                rs.getString("caller_number"),
                Rows.enumValue(rs, "status", LeadStatus.class),
                rs.getBoolean("billing_required"),
                Rows.enumValue(rs, "conversation_state", ConversationState.class),
                new Qualification(
                        rs.getString("service"),
                        rs.getString("service_raw"),
                        rs.getString("urgency"),
                        rs.getString("zip"),
                        rs.getString("best_time"),
                        rs.getString("contact_name")),
                Rows.instant(rs, "sms_started_at"),
                Rows.instant(rs, "sms_completed_at"),
                Rows.instant(rs, "owner_notified_at"),
                Rows.instant(rs, "usage_limit_notified_at"),
                Rows.instant(rs, "last_inbound_at"),
                Rows.instant(rs, "last_outbound_at"),
                Rows.instant(rs, "last_interaction_at"),
                Rows.instant(rs, "owner_replied_at"),
                Rows.instant(rs, "created_at"));
    }
}
