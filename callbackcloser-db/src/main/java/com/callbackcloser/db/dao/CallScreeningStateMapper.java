package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.CallScreeningState;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class CallScreeningStateMapper implements RowMapper<CallScreeningState> {
    @Override
    public CallScreeningState map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CallScreeningState(
                rs.getBoolean("screened"), Rows.instant(rs, "screen_key_pressed_at"), rs.getBoolean("dial_ended"));
    }
}
