package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.Direction;
import com.callbackcloser.core.model.MessageRecord;
import com.callbackcloser.core.model.Participant;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A message row; with a prefix, the columns of a message joined to another row ({@code m_id}, …). */
public final class MessageRecordMapper implements RowMapper<MessageRecord> {
    private final String prefix;

    public MessageRecordMapper() {
        this("");
    }

    MessageRecordMapper(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public MessageRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MessageRecord(
                Rows.uuid(rs, prefix + "id"),
                Rows.uuid(rs, prefix + "lead_id"),
                Rows.enumValue(rs, prefix + "direction", Direction.class),
                Rows.enumValue(rs, prefix + "participant", Participant.class),
                rs.getString(prefix + "from_number"),
                rs.getString(prefix + "to_number"),
                rs.getString(prefix + "body"),
                Rows.enumValue(rs, prefix + "delivery_state", DeliveryState.class),
                rs.getString(prefix + "twilio_sid"),
                rs.getString(prefix + "twilio_status"),
                rs.getInt(prefix + "attempts"),
                rs.getString(prefix + "last_error"),
                rs.getBoolean(prefix + "follow_up"),
                Rows.instant(rs, prefix + "created_at"),
                rs.getString(prefix + "sent_by"));
    }
}
