package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.Direction;
import com.callbackcloser.core.model.MessageRecord;
import com.callbackcloser.core.model.Participant;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class MessageRecordMapper implements RowMapper<MessageRecord> {
    @Override
    public MessageRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MessageRecord(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "lead_id"),
                Rows.enumValue(rs, "direction", Direction.class),
                Rows.enumValue(rs, "participant", Participant.class),
                rs.getString("from_number"),
                rs.getString("to_number"),
                rs.getString("body"),
                Rows.enumValue(rs, "delivery_state", DeliveryState.class),
                rs.getString("twilio_sid"),
                rs.getString("twilio_status"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                Rows.instant(rs, "created_at"));
    }
}
