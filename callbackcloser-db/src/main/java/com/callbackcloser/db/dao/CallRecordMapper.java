package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.CallRecord;
import com.callbackcloser.core.model.CallStatus;
import com.callbackcloser.core.model.RecordingMetadata;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class CallRecordMapper implements RowMapper<CallRecord> {
    @Override
    public CallRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CallRecord(
                Rows.uuid(rs, "id"),
                rs.getString("call_sid"),
                rs.getString("from_number"),
                rs.getString("to_number"),
                Rows.enumValue(rs, "status", CallStatus.class),
                rs.getString("dial_call_status"),
                rs.getBoolean("answered"),
                rs.getBoolean("missed"),
                rs.getBoolean("screened"),
                Rows.instant(rs, "screen_key_pressed_at"),
                Rows.integer(rs, "call_duration_seconds"),
                Rows.integer(rs, "dial_call_duration_seconds"),
                RecordingMetadata.of(
                                rs.getString("recording_sid"),
                                rs.getString("recording_url"),
                                rs.getString("recording_status"),
                                Rows.integer(rs, "recording_duration_seconds"))
                        .orElse(null),
                Rows.instant(rs, "created_at"));
    }
}
