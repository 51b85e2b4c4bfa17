package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.Participant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class OutboundMessageMapper implements RowMapper<OutboundMessage> {
    @Override
    public OutboundMessage map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OutboundMessage(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "business_id"),
                Rows.uuid(rs, "lead_id"),
                Rows.enumValue(rs, "participant", Participant.class),
                rs.getString("from_number"),
                rs.getString("to_number"),
                rs.getString("body"),
                rs.getInt("attempts"),
                Rows.instant(rs, "sending_started_at"),
                rs.getString("quiet_hours_zone") == null ? null : ZoneId.of(rs.getString("quiet_hours_zone")));
    }
}
